/// Edit distance and "did you mean" suggestions, for error messages that name a
/// misspelt key, subcommand or knowledge id together with what was probably meant.
public enum EditDistance {
  /// The number of single-character insertions, deletions, substitutions and swaps of two
  /// neighbours from `a` to `b` (optimal string alignment): "chekc" is one slip from "check".
  public static func between(_ a: String, _ b: String) -> Int {
    between(Array(a.unicodeScalars), Array(b.unicodeScalars))
  }

  /// The same distance between two sequences of any comparable elements (the spelling
  /// corrector compares Unicode scalar values). Inlinable so that callers in other modules
  /// get it specialised for their element type: it runs for every unknown word of a question.
  @inlinable
  public static func between<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }

  /// The candidate nearest `word`, if it is near enough to be a plausible slip: at most a
  /// third of the word's length in edits (at least 1, at most 3). Ties go to the earlier
  /// candidate, so callers list the likelier ones first.
  public static func suggestion(for word: String, among candidates: [String]) -> String? {
    let limit = min(3, max(1, word.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != word {
      let distance = between(word.lowercased(), candidate.lowercased())
      if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    return best?.candidate
  }

  /// " (did you mean 'x'?)" for a near candidate, else "".
  public static func didYouMean(_ word: String, among candidates: [String]) -> String {
    suggestion(for: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
  }
}
