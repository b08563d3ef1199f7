import FAQBotCore

/// A message as the crisis detector reads it: lowercase words with the disguises people use
/// undone, so that one phrase pattern catches its spellings.
///
/// It is deliberately not the matcher's ``TextNormalizer``: no stemming, no synonyms of the
/// pack, no spelling correction towards the pack's vocabulary (a team's pack must not change
/// what counts as a crisis). What it undoes:
/// - case, diacritics, apostrophes ("I'm" → `im`, "don't" → `dont`, "od'd" → `odd`);
/// - digits and symbols standing for letters inside a word ("su1cide", "k1ll", "d*e", "su!c!de");
/// - spacing: single letters in a row ("k m s", "k.m.s") and a word split in two ("sui cide",
///   "my self") are joined when the result is a word the patterns use;
/// - common misspellings of the words the patterns use ("mysefl", "suicidle", "freind",
///   "killin"), within a small edit distance, never for short everyday words.
public struct CrisisText: Sendable, Equatable {
  /// The message's words after the steps above.
  public var words: [String]
  /// The words before misspellings are corrected and variants named by their pattern word
  /// ("painkillers" and "medication" are both `pills` in ``words``): what a pack's own crisis
  /// phrases are matched on, so that a phrase means the words its author wrote.
  public var typedWords: [String]

  /// The normalised words of `text`, after the steps above.
  public init(_ text: String) {
    typedWords = Self.joiningSpelledOut(Self.rawWords(text))
    words = typedWords.map(Self.corrected)
  }

  // MARK: - Splitting

  /// Lowercase words; letters, digits and the symbols that stand for letters (`*`, `@`, `$`)
  /// stay in a word, apostrophes vanish, everything else separates.
  static func rawWords(_ text: String) -> [String] {
    var bytes = Array(text.utf8)
    if bytes.contains(where: { $0 >= 0x80 }) {
      bytes = Array(TextNormalizer.foldUnicode(text).utf8)
    }
    var words: [String] = []
    var current: [UInt8] = []
    func flush() {
      guard !current.isEmpty else { return }
      // A word of symbols only ("***", "$") is no word.
      if current.contains(where: { $0 != 0x2A && $0 != 0x40 && $0 != 0x24 }) {
        words.append(Self.unLeet(current))
      }
      current.removeAll(keepingCapacity: true)
    }
    var index = 0
    while index < bytes.count {
      var byte = bytes[index]
      if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
      switch byte {
      case 0x61...0x7A, 0x30...0x39, 0x2A, 0x40, 0x24:
        current.append(byte)
      case 0x27:
        // An apostrophe joins ("don't" → dont), except in the two abbreviations it makes:
        // "od'd" (overdosed) and "sh'd" (self-harmed).
        if current == [0x6F, 0x64] { current = Array("overdose".utf8) }
        if current == [0x73, 0x68] { current = Array("selfharme".utf8) }
      case 0x21
      where !current.isEmpty && index + 1 < bytes.count && (bytes[index + 1] | 0x20) >= 0x61
        && (bytes[index + 1] | 0x20) <= 0x7A:
        // "!" between letters stands for an "i" ("su!c!dal"); elsewhere it ends a word.
        current.append(0x69)
      case 0x2F where current == [0x77]:  // "w/" and "w/o"
        if index + 1 < bytes.count, bytes[index + 1] | 0x20 == 0x6F,
          index + 2 >= bytes.count || !Self.isWordByte(bytes[index + 2])
        {
          current = Array("without".utf8)
          index += 1
        } else {
          current = Array("with".utf8)
        }
        flush()
      default:
        if byte >= 0x80 {
          current.append(byte)  // letters of other scripts stay together
        } else {
          flush()
        }
      }
      index += 1
    }
    flush()
    return words
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
  }

  /// Digits and symbols inside a word that has letters become the letters they stand for
  /// ("su1cide", "d1e", "k1ll", "$uicide"); a number on its own ("20", "2") stays a number.
  static func unLeet(_ word: [UInt8]) -> String {
    let hasLetter = word.contains { $0 >= 0x61 && $0 <= 0x7A }
    guard hasLetter, word.contains(where: { !($0 >= 0x61 && $0 <= 0x7A) && $0 < 0x80 }) else {
      return String(decoding: word, as: UTF8.self)
    }
    // "20mg", "3rd", "5k": a number with a short unit is not a disguised word.
    let digits = word.prefix(while: { $0 >= 0x30 && $0 <= 0x39 })
    if !digits.isEmpty, word.count - digits.count <= 3,
      word.dropFirst(digits.count).allSatisfy({ $0 >= 0x61 && $0 <= 0x7A })
    {
      return String(decoding: word, as: UTF8.self)
    }
    let mapped = word.map { byte -> UInt8 in
      switch byte {
      case 0x30: return 0x6F  // 0 → o
      case 0x31: return 0x69  // 1 → i
      case 0x33: return 0x65  // 3 → e
      case 0x34, 0x40: return 0x61  // 4, @ → a
      case 0x35, 0x24: return 0x73  // 5, $ → s
      case 0x37: return 0x74  // 7 → t
      default: return byte
      }
    }
    return String(decoding: mapped, as: UTF8.self)
  }

  // MARK: - Spacing

  /// Joins single letters in a row ("k m s", "k i l l") and a word split in two ("sui cide")
  /// when the joined word is one the patterns use; anything else stays as it was.
  static func joiningSpelledOut(_ words: [String]) -> [String] {
    var result: [String] = []
    result.reserveCapacity(words.count)
    var index = 0
    while index < words.count {
      // A run of single characters.
      var end = index
      while end < words.count, words[end].utf8.count == 1 { end += 1 }
      if end - index >= 2 {
        if let joined = longestJoin(words[index..<end]) {
          result.append(contentsOf: words[index..<joined.start])
          result.append(joined.word)
          index = joined.end
          continue
        }
      }
      // Only a word that begins a joinable word can start a pair: most words cost one probe,
      // not a concatenation.
      if index + 1 < words.count, CrisisLexicon.joinablePrefixes.contains(words[index]) {
        let pair = words[index] + words[index + 1]
        // "my self harm" is "my selfharm", not "myself harm": the second word joins the third.
        let joinsNext =
          index + 2 < words.count && CrisisLexicon.joinable.contains(words[index + 1] + words[index + 2])
        if CrisisLexicon.joinable.contains(pair), !joinsNext {
          result.append(pair)
          index += 2
          continue
        }
      }
      result.append(words[index])
      index += 1
    }
    return result
  }

  /// The longest joinable word made of consecutive single letters in `run`, possibly followed
  /// by one more word ("k i l l" "myself", or "k" "ill"): the earliest start wins.
  private static func longestJoin(_ run: ArraySlice<String>) -> (start: Int, end: Int, word: String)? {
    for start in run.indices {
      var best: (Int, String)? = nil
      var joined = ""
      for end in start..<run.endIndex {
        joined += run[end]
        if end > start, CrisisLexicon.joinable.contains(joined) { best = (end + 1, joined) }
      }
      if let best { return (start, best.0, best.1) }
    }
    return nil
  }

  // MARK: - Spelling

  /// A word the patterns use, for a known variant or a near misspelling of one; the word
  /// itself otherwise.
  static func corrected(_ word: String) -> String {
    if let canonical = CrisisLexicon.variants[word] { return canonical }
    let utf8 = word.utf8
    let count = utf8.count
    // "dieee", "kmsss", "pleaseee": a letter held down. Only a pattern word is recognised.
    if count >= 4, let squeezed = Self.unstretched(utf8) { return squeezed }
    // "d*e", "k*ll": a star stands for one letter of a pattern word of the same length.
    if utf8.contains(0x2A) {
      let bytes = Array(utf8)
      for target in CrisisLexicon.starTargets where target.utf8.count == bytes.count {
        if zip(bytes, target.utf8).allSatisfy({ $0 == 0x2A || $0 == $1 }) { return target }
      }
      return String(decoding: bytes.filter { $0 != 0x2A }, as: UTF8.self)
    }
    // "killin", "talkin": a dropped g.
    if count >= 5, utf8.last == 0x6E, utf8[utf8.index(utf8.endIndex, offsetBy: -2)] == 0x69,
      CrisisLexicon.gDropped.contains(word + "g")
    {
      return word + "g"
    }
    guard count >= 4, count <= 12, let first = utf8.first else { return word }
    let second = utf8[utf8.index(after: utf8.startIndex)]
    // The targets a misspelling of this length and these first letters can reach: most
    // words have none, and cost no hashing and no distance.
    let candidates = CrisisLexicon.fuzzyIndex[count]
    guard candidates.contains(where: { $0.first == first || $0.second == second }) else { return word }
    guard !CrisisLexicon.neverCorrected.contains(word) else {
      return word
    }
    let letters = CrisisLexicon.letterMask(utf8)
    let bytes = Array(utf8)
    for target in candidates where target.first == first || target.second == second {
      // Each edit brings in or takes out at most one letter.
      guard (letters & ~target.letters).nonzeroBitCount <= target.allowed,
        (target.letters & ~letters).nonzeroBitCount <= target.allowed
      else { continue }
      if target.allowed == 0 {
        if isTransposition(bytes, target.bytes) { return target.word }
      } else if Self.distance(bytes, target.bytes, limit: target.allowed) <= target.allowed {
        return target.word
      }
    }
    return word
  }

  /// The pattern word a word with a letter repeated three times or more stands for, trying
  /// the run kept at two letters ("killl" → kill) and at one ("dieee" → die); nil when there
  /// is no such run or neither is a pattern word.
  static func unstretched(_ utf8: String.UTF8View) -> String? {
    var previous: UInt8 = 0
    var run = 0
    var stretched = false
    for byte in utf8 {
      run = byte == previous ? run + 1 : 1
      previous = byte
      if run >= 3 {
        stretched = true
        break
      }
    }
    guard stretched else { return nil }
    for keep in [2, 1] {
      var bytes: [UInt8] = []
      var last: UInt8 = 0
      var length = 0
      for byte in utf8 {
        length = byte == last ? length + 1 : 1
        last = byte
        if length <= keep { bytes.append(byte) }
      }
      let candidate = String(decoding: bytes, as: UTF8.self)
      let word = CrisisLexicon.variants[candidate] ?? candidate
      if CrisisLexicon.stretchable.contains(word) { return word }
    }
    return nil
  }

  /// True when `a` is `b` with two neighbouring letters swapped ("wnat" for "want").
  static func isTransposition(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count, a != b else { return false }
    let differing = a.indices.filter { a[$0] != b[$0] }
    guard differing.count == 2, differing[1] == differing[0] + 1 else { return false }
    return a[differing[0]] == b[differing[1]] && a[differing[1]] == b[differing[0]]
  }

  /// Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of
  /// neighbours), or `limit + 1` as soon as it must exceed `limit`.
  static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    // One edit disturbs at most two neighbouring positions, so within one edit the common
    // prefix and suffix cover all but two letters of the longer word: a cheap test that rules
    // out most pairs before the table. (Two edits may be far apart; they get the table.)
    if limit == 1 {
      let shorter = min(a.count, b.count)
      var prefix = 0
      while prefix < shorter, a[prefix] == b[prefix] { prefix += 1 }
      var suffix = 0
      while suffix < shorter - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
      if prefix + suffix < max(a.count, b.count) - 2 { return 2 }
    }
    let width = b.count + 1
    // Three rows in one stack buffer: this runs for many words of every message.
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { buffer in
      var previousPrevious = 0
      var previous = width
      var current = 2 * width
      for j in 0..<width {
        buffer[previous + j] = j
        buffer[previousPrevious + j] = 0
      }
      for i in 1...a.count {
        buffer[current] = i
        var rowMinimum = i
        for j in 1...b.count {
          let cost = a[i - 1] == b[j - 1] ? 0 : 1
          var value = min(
            buffer[previous + j] + 1, buffer[current + j - 1] + 1, buffer[previous + j - 1] + cost)
          if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
            value = min(value, buffer[previousPrevious + j - 2] + 1)
          }
          buffer[current + j] = value
          rowMinimum = min(rowMinimum, value)
        }
        if rowMinimum > limit { return limit + 1 }
        (previousPrevious, previous, current) = (previous, current, previousPrevious)
      }
      return buffer[previous + b.count]
    }
  }

}
