/// Deterministic triggers of non-safety intents (declines for dosing, recreational use,
/// obtaining the drug): phrases that must never be left to the statistics.
public struct TriggerStage: DialogueStage {
  /// Identifies the stage (``DialogueStage/name``).
  public let name = "trigger"

  /// The stage; it keeps no state of its own.
  public init() {}

  /// The answer of the first non-safety intent whose trigger occurs in the message, at
  /// confidence 1; nil when none does.
  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    // A safety intent's triggers are crisis phrases the pack adds; the crisis detector
    // (``SafetyStage``) reads them, so they never route an answer here.
    let intents = resources.pack.intents
    guard let match = turn.triggers.first(where: { intents[$0.intent].kind != .safety }) else { return nil }
    var result = resources.answer(intent: match.intent, confidence: 1, turn: turn)
    result.reason = "the trigger \"\(match.phrase.joined(separator: " "))\" occurs in the message"
    return result
  }
}
