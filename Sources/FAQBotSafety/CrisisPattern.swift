/// One phrase the detector looks for, written as data: a sequence of slots over
/// ``CrisisText`` words, with the conditions that keep it from firing on the ordinary
/// sentences that share its words.
///
/// Slot syntax, separated by spaces:
/// - `kill|killing` — any of these words; `@name` — a word class of ``CrisisPatterns/classes``
///   (alternatives and classes mix: `@self|me`); `for_good` — words in a row, as one
///   alternative; `$` as an alternative — or the message ends here;
/// - `[...]` — the slot is optional;
/// - `~` — up to two other words; `~5` — up to five;
/// - `#` — a number; `#8` — a number of at least 8;
/// - `^` first — the match starts the message; `$` last — it ends the message.
public struct CrisisPattern: Sendable {
  enum Slot: Sendable {
    /// One of `words`, or one of the word sequences `phrases`, or (`orEnd`) the end of the message.
    case words(Set<String>, phrases: [[String]], orEnd: Bool, optional: Bool)
    case gap(Int)
    case number(minimum: Int, optional: Bool)
  }

  /// The category a message matching this pattern is counted under.
  public let category: CrisisCategory
  /// The pattern as written, for `/why` and `faqbot check`.
  public let text: String
  let slots: [Slot]
  let anchoredStart: Bool
  let anchoredEnd: Bool
  /// A negation in the three words before the match cancels it ("I don't want to die").
  let negatable: Bool
  /// A match followed directly by one of these words does not count ("suicide squad").
  let unlessNext: Set<String>
  /// The message must also hold one of these words somewhere (`#` stands for any number).
  let requiring: Set<String>
  /// The message must hold none of these words (a question about research, not a person).
  let unless: Set<String>

  /// Words that, just before a negatable match, turn it around.
  static let negations: Set<String> = [
    "not", "dont", "never", "no", "doesnt", "didnt", "wont", "wouldnt", "isnt", "arent", "aint", "nobody",
  ]

  /// Words after which a negation is an intensifier ("no cap", "no joke", "no lie").
  static let notNegating: Set<String> = ["cap", "joke", "joking", "lie", "lying", "kidding", "cappin"]

  init(
    _ category: CrisisCategory, _ text: String, negatable: Bool = false, unlessNext: Set<String> = [],
    requiring: Set<String> = [], unless: Set<String> = [], classes: [String: Set<String>]
  ) {
    self.category = category
    self.text = text
    self.negatable = negatable
    self.unlessNext = unlessNext
    self.requiring = requiring.reduce(into: []) { $0.formUnion(Self.expand($1, classes: classes)) }
    self.unless = unless
    var parts = Self.split(Substring(text), at: " ")
    anchoredStart = parts.first == "^"
    anchoredEnd = parts.last == "$"
    if anchoredStart { parts.removeFirst() }
    if anchoredEnd { parts.removeLast() }
    slots = parts.map { Self.slot($0, classes: classes) }
  }

  private static func expand(_ alternative: String, classes: [String: Set<String>]) -> Set<String> {
    if alternative.hasPrefix("@") {
      // A missing class is a defect of the pattern data, caught by the tests.
      return classes[String(alternative.dropFirst())] ?? ["<missing class \(alternative)>"]
    }
    return [alternative]
  }

  private static func slot(_ part: String, classes: [String: Set<String>]) -> Slot {
    var part = Substring(part)
    if part.utf8.first == UInt8(ascii: "~") {
      return .gap(Int(part.dropFirst()) ?? 2)
    }
    var optional = false
    if part.utf8.first == UInt8(ascii: "["), part.utf8.last == UInt8(ascii: "]") {
      optional = true
      part = part.dropFirst().dropLast()
    }
    if part.utf8.first == UInt8(ascii: "#") {
      return .number(minimum: Int(part.dropFirst()) ?? 0, optional: optional)
    }
    var words: Set<String> = []
    var phrases: [[String]] = []
    var orEnd = false
    for alternative in split(part, at: "|") {
      if alternative == "$" {
        orEnd = true
      } else if alternative.utf8.contains(UInt8(ascii: "_")) {
        phrases.append(split(Substring(alternative), at: "_"))
      } else if alternative.utf8.first == UInt8(ascii: "@"), words.isEmpty {
        words = expand(alternative, classes: classes)
      } else {
        words.formUnion(expand(alternative, classes: classes))
      }
    }
    return .words(words, phrases: phrases, orEnd: orEnd, optional: optional)
  }

  /// `text` cut at `separator`, by bytes: the patterns are ASCII, and splitting by
  /// `Character` (or `contains("_")`, which with Foundation in the module is `range(of:)`)
  /// was most of building the ~400 patterns at each start.
  private static func split(_ text: Substring, at separator: Unicode.Scalar) -> [String] {
    text.utf8.split(separator: UInt8(ascii: separator)).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The words a match can start with (the first slot's), or nil when the first slot is
  /// not a required word slot.
  var firstWords: Set<String>? {
    guard case .words(let words, let phrases, let orEnd, let optional) = slots.first, !optional, !orEnd else {
      return nil
    }
    return words.union(phrases.compactMap(\.first))
  }

  /// The end of a match that starts at `start` in `words`, or nil; `present` is the message's
  /// set of words, for ``requiring`` and ``unless``.
  func match(_ words: [String], at start: Int, present: Set<String>) -> Int? {
    if anchoredStart && start != 0 { return nil }
    guard let end = matchSlots(words, slot: 0, position: start) else { return nil }
    if negatable {
      let from = max(0, start - 3)
      for index in from..<start where Self.negations.contains(words[index]) {
        // "no cap i want to die", "no joke", "no lie": an intensifier, not a negation.
        if index + 1 < words.count, Self.notNegating.contains(words[index + 1]) { continue }
        return nil
      }
    }
    if end < words.count, unlessNext.contains(words[end]) { return nil }
    if !requiring.isEmpty {
      let hasNumber = requiring.contains("#") && present.contains(where: Self.isNumber)
      if !hasNumber && requiring.isDisjoint(with: present) { return nil }
    }
    if !unless.isDisjoint(with: present) { return nil }
    return end
  }

  private func matchSlots(_ words: [String], slot: Int, position: Int) -> Int? {
    guard slot < slots.count else {
      return !anchoredEnd || position == words.count ? position : nil
    }
    switch slots[slot] {
    case .words(let alternatives, let phrases, let orEnd, let optional):
      if position < words.count, alternatives.contains(words[position]),
        let end = matchSlots(words, slot: slot + 1, position: position + 1)
      {
        return end
      }
      for phrase in phrases where position + phrase.count <= words.count {
        if words[position..<position + phrase.count].elementsEqual(phrase),
          let end = matchSlots(words, slot: slot + 1, position: position + phrase.count)
        {
          return end
        }
      }
      if orEnd, position == words.count, let end = matchSlots(words, slot: slot + 1, position: position) {
        return end
      }
      return optional ? matchSlots(words, slot: slot + 1, position: position) : nil
    case .number(let minimum, let optional):
      if position < words.count, let value = Int(words[position]), value >= minimum,
        let end = matchSlots(words, slot: slot + 1, position: position + 1)
      {
        return end
      }
      return optional ? matchSlots(words, slot: slot + 1, position: position) : nil
    case .gap(let length):
      for skip in 0...length where position + skip <= words.count {
        if let end = matchSlots(words, slot: slot + 1, position: position + skip) { return end }
      }
      return nil
    }
  }

  static func isNumber(_ word: String) -> Bool {
    !word.isEmpty && word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }
}
