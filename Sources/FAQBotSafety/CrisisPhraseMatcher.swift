import FAQBotCore

/// Finds the first of a list of ``CrisisPattern``s in a message.
///
/// Ordinary messages are full of the words patterns start with ("i", "my", "how", "what"), so
/// looking patterns up by their first word alone still tries dozens of them on every question.
/// Every word slot a match cannot skip must find one of its words somewhere in the message, so
/// the matcher first marks, with one dictionary probe per message word, which required slots
/// of which patterns the message can fill, and tries only the patterns whose required slots
/// are all filled: almost none, for a message about nothing of the kind.
struct CrisisPhraseMatcher: Sendable {
  let patterns: [CrisisPattern]
  /// For each word, the (pattern, required slot) pairs it can fill; slot 0 is always the
  /// pattern's first slot when that is required, so its entries are also where a match starts.
  private let bySlotWord: WordTable<Range<Int32>>
  /// The entries of every word, one word's after another (``bySlotWord`` holds the ranges).
  private let entries: [Entry]
  /// Per pattern, the bits of its required slots (at most 64 are checked).
  private let requiredMasks: [UInt64]
  /// Patterns that can start anywhere (their first slot is not a required word).
  private let unindexed: [Int]

  private struct Entry: Sendable {
    let pattern: Int32
    let bit: UInt8
    let starts: Bool
  }

  init(patterns: [CrisisPattern]) {
    self.patterns = patterns
    var index: [String: [Entry]] = [:]
    var masks: [UInt64] = []
    var unindexed: [Int] = []
    for (position, pattern) in patterns.enumerated() {
      let indexed = pattern.firstWords != nil
      if !indexed { unindexed.append(position) }
      var mask: UInt64 = 0
      var bit: UInt8 = 0
      for (slotIndex, slot) in pattern.slots.enumerated() {
        guard case .words(let words, let phrases, let orEnd, let optional) = slot, !optional, !orEnd, bit < 64
        else { continue }
        let starts = indexed && slotIndex == 0
        for word in words.union(phrases.compactMap(\.first)) {
          index[word, default: []].append(Entry(pattern: Int32(position), bit: bit, starts: starts))
        }
        mask |= 1 << bit
        bit += 1
      }
      masks.append(mask)
    }
    var flat: [Entry] = []
    var ranges: [(String, Range<Int32>)] = []
    for word in index.keys.sorted() {
      let start = Int32(flat.count)
      flat += index[word] ?? []
      ranges.append((word, start..<Int32(flat.count)))
    }
    bySlotWord = WordTable(ranges)
    entries = flat
    requiredMasks = masks
    self.unindexed = unindexed
  }

  /// The first pattern (in list order) that matches, and the words it matched.
  func firstMatch(in words: [String]) -> (pattern: CrisisPattern, matched: ArraySlice<String>)? {
    // One bit mask per pattern, on the stack: this runs for every message, and a heap array
    // of a thousand masks was an allocation and a free per message.
    let candidates = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: patterns.count) { filled in
      filled.initialize(repeating: 0)
      var starts: [(pattern: Int, start: Int)] = []
      for (start, word) in words.enumerated() {
        guard let range = bySlotWord[word] else { continue }
        for entry in entries[Int(range.lowerBound)..<Int(range.upperBound)] {
          filled[Int(entry.pattern)] |= 1 << entry.bit
          if entry.starts { starts.append((Int(entry.pattern), start)) }
        }
      }
      var candidates = starts.filter { filled[$0.pattern] == requiredMasks[$0.pattern] }
      for index in unindexed where filled[index] == requiredMasks[index] {
        for start in words.indices { candidates.append((index, start)) }
      }
      return candidates
    }
    guard !candidates.isEmpty else { return nil }
    let ordered = candidates.sorted { ($0.pattern, $0.start) < ($1.pattern, $1.start) }
    let present = Set(words)
    for candidate in ordered {
      let pattern = patterns[candidate.pattern]
      if let end = pattern.match(words, at: candidate.start, present: present) {
        return (pattern, words[candidate.start..<max(end, candidate.start)])
      }
    }
    return nil
  }
}
