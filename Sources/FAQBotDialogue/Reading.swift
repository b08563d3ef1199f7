import FAQBotMatching

/// One reading of a message by the classifier: the words it saw and what it predicted.
///
/// A turn computes its readings once ("alone", and "with the previous question" when the
/// message looks like a continuation); every stage and `/why` use those same values, so an
/// explanation always describes the reading that produced the answer.
public struct Reading: Sendable, Equatable {
  /// The words and stems the classifier read.
  public var analysis: TextAnalyzer.Analysis
  /// What the classifier predicted from them.
  public var prediction: IntentClassifier.Prediction
  /// True when the message was read together with the previous question.
  public var withPrevious: Bool

  /// A reading as given; the engine makes a turn's readings once.
  public init(
    analysis: TextAnalyzer.Analysis, prediction: IntentClassifier.Prediction, withPrevious: Bool = false
  ) {
    self.analysis = analysis
    self.prediction = prediction
    self.withPrevious = withPrevious
  }

  /// The most probable intent's confidence, or 0 when no feature of the message was seen.
  public var bestConfidence: Double {
    guard prediction.hasEvidence, let best = prediction.ranking.first else { return 0 }
    return Double(prediction.probabilities[best])
  }
}
