/// Every tunable of the dialogue pipeline, in one place, each with the reason for its value.
public struct EngineConfiguration: Sendable, Equatable {
  /// Below this classifier confidence an intent is not answered. Picked on the default
  /// pack's evaluation set (see `intents/README.md`).
  public static let defaultThreshold = 0.3

  public var threshold = EngineConfiguration.defaultThreshold
  /// The crisis answer with a pack's own emergency text and numbers (a pack setting); nil is
  /// the engine's built-in answer (988 in the US, or local emergency services). Detection
  /// itself is not configurable: every message of every pack goes through it.
  public var crisisReply: String? = nil
  /// Phrases a pack adds to the crisis detector, besides the triggers of its `kind: safety`
  /// intents; they can only add, never remove.
  public var crisisPhrases: [String] = []
  /// The share of a question's content that a passage must hold to be answered with.
  public var passageCoverage = 0.7
  /// Longer questions are matched on their first part only.
  public var maxQuestionCharacters = 2_000
  /// How many intents an answer lists as candidates (the protocol promises the top 3).
  public var candidateCount = 3

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
