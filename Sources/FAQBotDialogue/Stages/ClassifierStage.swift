import FAQBotCore
import FAQBotMatching

/// The trained classifier: answers the most probable intent when its calibrated confidence
/// reaches the threshold. A short question that leans on the previous one ("how long do
/// they last?") is also read together with it (``Turn/contextualReading``), and the reading
/// that is more confident wins.
public struct ClassifierStage: DialogueStage {
  public let name = "classifier"

  public init() {}

  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    let threshold = resources.configuration.threshold
    var reading = turn.reading
    if let together = turn.contextualReading {
      // A question that points back ("they", "it") is not about itself: its own reading
      // ("how long do they last?" → how long the benefits last) is a guess without the
      // antecedent, so the joint reading wins whenever it is confident enough.
      if turn.leansBack || together.bestConfidence > reading.bestConfidence,
        together.bestConfidence >= threshold
      {
        reading = together
      }
    }
    let prediction = reading.prediction
    // A pack's safety intent is never answered by the classifier: whether a message is a
    // crisis is the crisis detector's decision (``SafetyStage``), the same in every pack.
    guard prediction.hasEvidence, let best = prediction.ranking.first,
      resources.pack.intents[best].kind != .safety
    else { return nil }
    let confidence = Double(prediction.probabilities[best])
    guard confidence >= threshold else { return nil }
    var adjusted = turn
    adjusted.reading = reading
    var result = resources.answer(intent: best, confidence: confidence, turn: adjusted)
    result.reading = reading
    result.reason =
      "intent \(resources.classifier.intentIds[best]) has confidence \(Percent(confidence)), at or above the "
      + "threshold \(Percent(threshold))"
      + (reading.withPrevious ? ", reading the question together with the previous one" : "")
    return result
  }
}
