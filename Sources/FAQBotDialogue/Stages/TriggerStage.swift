/// Deterministic triggers of non-safety intents (declines for dosing, recreational use,
/// obtaining the drug): phrases that must never be left to the statistics.
public struct TriggerStage: DialogueStage {
  public let name = "trigger"

  public init() {}

  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    guard let match = turn.triggers.first else { return nil }
    var result = resources.answer(intent: match.intent, confidence: 1, turn: turn)
    result.reason = "the trigger \"\(match.phrase.joined(separator: " "))\" occurs in the message"
    return result
  }
}
