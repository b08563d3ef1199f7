/// Tunable limits and thresholds of the dialogue pipeline.
public struct EngineConfiguration: Sendable, Equatable {
  /// Below this classifier confidence an intent is not answered. Picked on the default
  /// pack's evaluation set (see `intents/README.md`).
  public static let defaultThreshold = 0.3

  public var threshold = EngineConfiguration.defaultThreshold
  /// A safety intent answers when its probability reaches this, even if another intent is
  /// more probable: a missed crisis costs far more than an unneeded hotline number.
  public var safetyThreshold = 0.3
  /// The share of a question's content that a passage must hold to be answered with.
  public var passageCoverage = 0.7
  /// Longer questions are matched on their first part only.
  public var maxQuestionCharacters = 2_000
  public var candidateCount = 3

  public init() {}
}
