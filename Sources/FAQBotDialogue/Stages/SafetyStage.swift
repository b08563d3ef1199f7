import FAQBotCore

/// First, always: a message about suicide, self-harm or overdose gets the pack's safety
/// answer, whether a trigger phrase occurs anywhere in it or the classifier gives a safety
/// intent even a moderate probability.
public struct SafetyStage: DialogueStage {
  public let name = "safety"

  public init() {}

  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    guard var result = match(turn, resources: resources) else { return nil }
    if let crisisReply = resources.configuration.crisisReply { result.answer.text = crisisReply }
    return result
  }

  private func match(_ turn: Turn, resources: EngineResources) -> StageResult? {
    let intents = resources.pack.intents
    let isSafety = { (index: Int) in intents[index].kind == .safety }
    if let match = turn.triggers.first(where: { isSafety($0.intent) }) {
      var result = resources.answer(intent: match.intent, kind: .safety, confidence: 1, turn: turn)
      result.reason = "the safety trigger \"\(match.phrase.joined(separator: " "))\" occurs in the message"
      return result
    }
    guard turn.prediction.hasEvidence else { return nil }
    let threshold = Float(resources.configuration.safetyThreshold)
    for index in turn.prediction.ranking.prefix(3)
    where isSafety(index) && turn.prediction.probabilities[index] >= threshold {
      let confidence = Double(turn.prediction.probabilities[index])
      var result = resources.answer(intent: index, kind: .safety, confidence: confidence, turn: turn)
      result.reason =
        "the safety intent has probability \(Percent(confidence)), at or above the safety threshold "
        + "\(Percent(resources.configuration.safetyThreshold))"
      return result
    }
    return nil
  }
}
