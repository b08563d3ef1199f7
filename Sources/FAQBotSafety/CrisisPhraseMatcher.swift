/// Finds the first of a list of ``CrisisPattern``s in a message, looking each pattern up by
/// the words it can start with, so that a message without any of those words costs one
/// dictionary probe per word.
struct CrisisPhraseMatcher: Sendable {
  let patterns: [CrisisPattern]
  /// Pattern indices by a word they can start with, in pattern order.
  private let byFirstWord: [String: [Int]]
  /// Patterns that can start anywhere (their first slot is not a required word).
  private let unindexed: [Int]

  init(patterns: [CrisisPattern]) {
    self.patterns = patterns
    var index: [String: [Int]] = [:]
    var unindexed: [Int] = []
    for (position, pattern) in patterns.enumerated() {
      if let words = pattern.firstWords {
        for word in words { index[word, default: []].append(position) }
      } else {
        unindexed.append(position)
      }
    }
    byFirstWord = index
    self.unindexed = unindexed
  }

  /// The first pattern (in list order) that matches, and the words it matched.
  func firstMatch(in words: [String]) -> (pattern: CrisisPattern, matched: ArraySlice<String>)? {
    var candidates: [(pattern: Int, start: Int)] = []
    for (start, word) in words.enumerated() {
      if let indices = byFirstWord[word] {
        for index in indices { candidates.append((index, start)) }
      }
      for index in unindexed { candidates.append((index, start)) }
    }
    guard !candidates.isEmpty else { return nil }
    candidates.sort { ($0.pattern, $0.start) < ($1.pattern, $1.start) }
    let present = Set(words)
    for candidate in candidates {
      let pattern = patterns[candidate.pattern]
      if let end = pattern.match(words, at: candidate.start, present: present) {
        return (pattern, words[candidate.start..<max(end, candidate.start)])
      }
    }
    return nil
  }
}
