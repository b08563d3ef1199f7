/// Every tunable of the dialogue pipeline, in one place, each with the reason for its value.
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
  /// How many intents an answer lists as candidates (the protocol promises the top 3).
  public var candidateCount = 3
  /// The pack's own crisis text (`emergency:` in pack.yaml, localised emergency numbers),
  /// used as the safety answer in place of the safety intent's; nil keeps the intent's.
  public var crisisReply: String?

  /// A message of at most this many words that holds a word pointing back ("they", "it")
  /// is also read together with the previous question: "how long do they last?" (6 words)
  /// leans on its antecedent, a long question that happens to contain "it" does not.
  public var continuationWordLimit = 8
  /// A message of at most this many words is a fragment ("and for ptsd?") and is also read
  /// together with the previous question, even without a pointing word.
  public var fragmentWordLimit = 4
  /// A continuation's own words must be this much in scope (the share of its content words
  /// the pack knows): "blah blah zzz" after a question about side effects is not about them.
  public var continuationInScope: Float = 0.5

  /// How many of the fallback's best intents are considered for "did you mean".
  public var fallbackOfferDepth = 5
  /// The most "did you mean" offers a fallback makes.
  public var fallbackOfferCount = 3
  /// Offers after the first need at least this probability: an intent at 1% is noise, and
  /// three unrelated offers read as a guess.
  public var fallbackOfferMinimum: Float = 0.05

  public init() {}
}
