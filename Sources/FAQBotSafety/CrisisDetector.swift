/// Decides whether a message is about suicide, self-harm or overdose — the engine's own
/// check, run first on every message of every pack, on the whole message.
///
/// Two signals, either of which flags a message: the phrase patterns of ``CrisisPatterns``
/// (over ``CrisisText``, so spellings and spacing do not hide a phrase) and the trained
/// ``CrisisClassifier`` at its own threshold. A pack may add phrases (`crisis_phrases`), never
/// remove any: there is no way to switch detection off.
public struct CrisisDetector: Sendable {
  private let matcher: CrisisPhraseMatcher
  private let packPhrases: [[String]]
  /// The trained classifier, exposed so evaluations can read its probability directly.
  public let classifier: CrisisClassifier

  /// The built-in patterns and classifier, plus `extraPhrases` a pack adds (each matched as
  /// a contiguous run of ``CrisisText/typedWords`` anywhere in a message: as written, not
  /// widened to the patterns' word classes, where "painkillers" would be any medicine).
  public init(extraPhrases: [String] = []) {
    matcher = Self.builtInMatcher
    packPhrases = extraPhrases.map { CrisisText($0).typedWords }.filter { !$0.isEmpty }
    classifier = .trained
  }

  private static let builtInMatcher = CrisisPhraseMatcher(patterns: CrisisPatterns.all)

  /// Builds the built-in patterns and classifier now; every detector of the process shares
  /// them. They need nothing from a pack, and compiling the ~400 patterns is about a tenth of
  /// a one-question run's CPU (`faqbot ask`), so a front calls this on another thread while
  /// it reads the pack and the model, instead of paying it in the first ``init(extraPhrases:)``.
  public static func prepare() {
    _ = builtInMatcher
    _ = CrisisClassifier.trained
  }

  /// The detection for `message`, or nil when it reads as no crisis.
  public func detect(_ message: String) -> CrisisDetection? {
    let text = CrisisText(message)
    let words = text.words
    guard !words.isEmpty else { return nil }
    if let match = matcher.firstMatch(in: words) {
      return CrisisDetection(
        category: match.pattern.category,
        evidence: .phrase(pattern: match.pattern.text, matched: match.matched.joined(separator: " ")),
        score: 1)
    }
    for phrase in packPhrases where Self.contains(text.typedWords, phrase) {
      return CrisisDetection(category: nil, evidence: .packPhrase(phrase.joined(separator: " ")), score: 1)
    }
    // The classifier speaks only for messages with a word of crisis vocabulary: trained on a
    // few hundred messages, it has not seen enough everyday requests ("I want to install new
    // tiles") to be trusted on messages about nothing of the kind.
    guard CrisisCues.present(in: words) else { return nil }
    let probability = classifier.probability(message)
    if probability >= classifier.threshold {
      return CrisisDetection(
        category: nil, evidence: .classifier(probability: probability, threshold: classifier.threshold),
        score: probability)
    }
    return nil
  }

  private static func contains(_ words: [String], _ phrase: [String]) -> Bool {
    guard phrase.count <= words.count else { return false }
    for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
      if words[start..<start + phrase.count].elementsEqual(phrase) { return true }
    }
    return false
  }
}
