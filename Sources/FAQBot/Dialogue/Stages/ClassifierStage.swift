/// The trained classifier: answers the most probable intent when its calibrated confidence
/// reaches the threshold. A short question that leans on the previous one ("how long do
/// they last?") is also read together with it, and the reading that is more confident wins.
public struct ClassifierStage: DialogueStage {
  public let name = "classifier"

  /// Words that point back at the previous topic.
  static let anaphora: Set<String> = [
    "it", "they", "them", "that", "those", "this", "these", "its", "their", "there", "he", "she",
  ]

  public init() {}

  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    let threshold = resources.configuration.threshold
    var prediction = turn.prediction
    var contextual = false
    if let (contextualPrediction, leansBack) = contextualPrediction(turn, resources) {
      let alone = prediction.hasEvidence ? prediction.probabilities[prediction.ranking[0]] : 0
      let together = contextualPrediction.probabilities[contextualPrediction.ranking[0]]
      // A question that points back ("they", "it") is not about itself: its own reading
      // ("how long do they last?" → how long the benefits last) is a guess without the
      // antecedent, so the joint reading wins whenever it is confident enough.
      if leansBack || together > alone, Double(together) >= threshold {
        prediction = contextualPrediction
        contextual = true
      }
    }
    guard prediction.hasEvidence, let best = prediction.ranking.first else { return nil }
    let confidence = Double(prediction.probabilities[best])
    guard confidence >= threshold else { return nil }
    var adjusted = turn
    adjusted.prediction = prediction
    var result = resources.answer(intent: best, confidence: confidence, turn: adjusted)
    result.reason =
      "intent \(resources.classifier.intentIds[best]) has confidence \(Percent(confidence)), at or above the "
      + "threshold \(Percent(threshold))"
      + (contextual ? ", reading the question together with the previous one" : "")
    return result
  }

  /// The prediction for the previous question and this one together, when this one looks
  /// like a continuation of an intent answer.
  private func contextualPrediction(
    _ turn: Turn, _ resources: EngineResources
  ) -> (prediction: IntentClassifier.Prediction, leansBack: Bool)? {
    guard let previous = turn.context.lastQuestion, let last = turn.context.lastAnswer,
      last.kind == .intent || last.kind == .knowledge,
      let lastIntent = last.intent.flatMap(resources.pack.intent), lastIntent.kind == .faq
    else { return nil }
    let words = turn.analysis.words
    let leansBack = words.count <= 8 && words.contains(where: Self.anaphora.contains)
    let isFragment = words.count <= 4
    // The new words must themselves be something the pack knows: "blah blah zzz" after a
    // question about side effects is not a question about side effects.
    guard leansBack || isFragment, turn.prediction.inScope >= 0.5 else { return nil }
    let earlier = resources.analyzer.analyze(previous)
    let together = TextAnalyzer.Analysis(
      words: earlier.words + turn.analysis.words, stems: earlier.stems + turn.analysis.stems)
    return (resources.classifier.predict(together), leansBack)
  }
}
