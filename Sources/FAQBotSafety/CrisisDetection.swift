import FAQBotCore

/// What the crisis detector found in one message, for the answer's reason and `/why`.
public struct CrisisDetection: Sendable, Equatable {
  /// How the message was recognised.
  public enum Evidence: Sendable, Equatable {
    /// A phrase pattern matched: the pattern as written and the words it matched.
    case phrase(pattern: String, matched: String)
    /// A phrase the pack added (`crisis_phrases`) occurs in the message.
    case packPhrase(String)
    /// The classifier's probability reached its threshold.
    case classifier(probability: Double, threshold: Double)
    /// The encoder mode's regression on the sentence vector (``CrisisMeaning``) reached its
    /// threshold.
    case meaning(probability: Double, threshold: Double)
  }

  /// The category of the pattern that matched; nil when a classifier or a pack's phrase flagged it.
  public var category: CrisisCategory?
  /// What recognised the message.
  public var evidence: Evidence
  /// 1 for a phrase, the classifier's probability otherwise.
  public var score: Double

  /// A detection of `category` (if known) on `evidence` with `score`.
  public init(category: CrisisCategory?, evidence: Evidence, score: Double) {
    self.category = category
    self.evidence = evidence
    self.score = score
  }

  /// One sentence saying why the message was read as a crisis.
  public var reason: String {
    let what = category.map { " (\($0.label))" } ?? ""
    switch evidence {
    case .phrase(_, let matched):
      return "the crisis detector recognised \"\(matched)\"\(what)"
    case .packPhrase(let phrase):
      return "the pack's crisis phrase \"\(phrase)\" occurs in the message"
    case .classifier(let probability, let threshold):
      return
        "the crisis classifier gives \(Percent(probability)), at or above its threshold \(Percent(threshold))"
    case .meaning(let probability, let threshold):
      return
        "the crisis classifier on the sentence's meaning (encoder) gives \(Percent(probability)), at or "
        + "above its threshold \(Percent(threshold))"
    }
  }
}
