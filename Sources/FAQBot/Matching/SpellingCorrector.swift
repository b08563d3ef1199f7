/// Corrects words the pack has never seen to a known word one edit away ("ketamin" →
/// "ketamine", "efects" → "effects", "adictive" → "addictive").
///
/// It uses symmetric single deletions (the SymSpell idea): a word and a vocabulary entry
/// that share a one-letter deletion are at most two edits apart, which is then checked with
/// the optimal-string-alignment distance. Words under six letters are left alone: too many
/// real words are one edit apart there ("stock" is not a typo of "stick"), and correcting an
/// off-topic word into a known one would make an off-topic question look in scope.
public struct SpellingCorrector: Sendable {
  /// Known word → how often it occurs in the pack, to prefer common corrections.
  private let frequencies: [String: Int]
  /// Single-deletion variant → known words that produce it.
  private let deletions: [String: [String]]
  public static let minimumLength = 6

  public init<Words: Sequence>(vocabulary: Words) where Words.Element == String {
    var frequencies: [String: Int] = [:]
    for word in vocabulary { frequencies[word, default: 0] += 1 }
    var deletions: [String: [String]] = [:]
    for word in frequencies.keys.sorted() where word.count >= Self.minimumLength - 1 {
      for variant in Self.singleDeletions(of: word) { deletions[variant, default: []].append(word) }
    }
    self.frequencies = frequencies
    self.deletions = deletions
  }

  public func isKnown(_ word: String) -> Bool { frequencies[word] != nil }

  /// The best known word for `word`, or `word` itself when it is known, short, numeric or
  /// has no close match.
  public func correct(_ word: String) -> String {
    guard frequencies[word] == nil, word.count >= Self.minimumLength,
      !word.allSatisfy(\.isNumber)
    else { return word }
    let maximumDistance = word.count >= 8 ? 2 : 1
    var candidates: Set<String> = []
    if let direct = deletions[word] { candidates.formUnion(direct) }  // a letter missing
    for variant in Self.singleDeletions(of: word) {
      if frequencies[variant] != nil { candidates.insert(variant) }  // a letter too many
      if let matches = deletions[variant] { candidates.formUnion(matches) }  // one letter changed
    }
    var best: (word: String, distance: Int, frequency: Int)?
    for candidate in candidates.sorted() {
      let distance = Self.editDistance(Array(word.unicodeScalars), Array(candidate.unicodeScalars))
      guard distance <= maximumDistance else { continue }
      let frequency = frequencies[candidate] ?? 0
      if let current = best, (current.distance, -current.frequency) <= (distance, -frequency) { continue }
      best = (candidate, distance, frequency)
    }
    return best?.word ?? word
  }

  static func singleDeletions(of word: String) -> Set<String> {
    let scalars = Array(word.unicodeScalars)
    var result: Set<String> = []
    for index in scalars.indices {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[..<index])
      view.append(contentsOf: scalars[(index + 1)...])
      result.insert(String(view))
    }
    return result
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent
  /// transpositions each cost one.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
