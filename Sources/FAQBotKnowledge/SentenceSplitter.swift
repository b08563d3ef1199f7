/// Splits a paragraph into sentences without breaking on abbreviations ("e.g.", "Dr."),
/// initials, decimals, URLs, or punctuation inside parentheses and quotes.
///
/// It works on UTF-8 bytes and returns byte ranges so the knowledge file can record exact
/// offsets into the source.
package struct SentenceSplitter: Sendable {
  /// Lowercased words that end with a period without ending a sentence.
  static let abbreviations: Set<String> = [
    "e.g", "i.e", "dr", "mr", "mrs", "ms", "prof", "st", "vs", "fig", "no", "approx", "inc", "ltd", "jr",
    "sr", "u.s", "u.k", "cf", "al", "ca", "mt", "dept", "est", "vol", "viz", "resp", "ph.d", "m.d", "a.m",
    "p.m",
  ]

  /// A splitter; it keeps no state.
  package init() {}

  /// The sentences of `text`, trimmed: how the engine finds the question at the end of a
  /// long message, with the rules the document's sentences were split by.
  package func sentences(of text: String) -> [String] {
    let bytes = Array(text.utf8)
    return sentences(in: bytes, range: 0..<bytes.count).map { String(decoding: bytes[$0], as: UTF8.self) }
  }

  /// Returns the trimmed byte ranges of the sentences in `bytes[range]`.
  func sentences(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
    let closers = Enclosures(bytes, range: range).closerByOpener
    var result: [Range<Int>] = []
    var start = range.lowerBound
    // Closing positions of the enclosures the scan is inside, outermost first.
    var open: [Int] = []
    var index = range.lowerBound
    while index < range.upperBound {
      while let innermost = open.last, innermost <= index { open.removeLast() }
      if let closer = closers[index] { open.append(closer) }
      let byte = bytes[index]
      if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?"),
        let end = sentenceEnd(after: index, in: bytes, limit: range.upperBound),
        // Inside quotes or brackets, only a terminator that closes all of them ends the sentence.
        open.first.map({ end > $0 }) ?? true,
        byte != UInt8(ascii: ".") || !isAbbreviation(before: index, in: bytes, from: start)
      {
        appendTrimmed(start..<end, of: bytes, to: &result)
        start = end
        index = end
        open.removeAll()
        continue
      }
      index += 1
    }
    appendTrimmed(start..<range.upperBound, of: bytes, to: &result)
    return result
  }

  /// If the terminator at `index` ends a sentence, the offset just after it (and any closing
  /// quotes or brackets); `nil` when the text goes on in the same sentence.
  private func sentenceEnd(after index: Int, in bytes: [UInt8], limit: Int) -> Int? {
    var end = index + 1
    while end < limit {
      if [
        UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "'"),
        UInt8(ascii: ")"), UInt8(ascii: "]"),
      ].contains(bytes[end]) {
        end += 1
      } else if end + 2 < limit, bytes[end] == 0xE2, bytes[end + 1] == 0x80,
        bytes[end + 2] == 0x9D || bytes[end + 2] == 0x99
      {
        end += 3  // ” or ’ closing a quotation
      } else {
        break
      }
    }
    guard end < limit else { return end }
    guard isSpace(bytes[end]) else { return nil }  // "3.5", "e.g.x", URLs
    var next = end
    while next < limit, isSpace(bytes[next]) { next += 1 }
    guard next < limit else { return end }
    let first = bytes[next]
    if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { return nil }
    return end
  }

  /// Whether the word before the period at `index` (letters and inner periods, as in "e.g")
  /// is a known abbreviation or an initial.
  private func isAbbreviation(before index: Int, in bytes: [UInt8], from start: Int) -> Bool {
    var wordStart = index
    while wordStart > start, isWordByte(bytes[wordStart - 1]) { wordStart -= 1 }
    let word = String(decoding: bytes[wordStart..<index], as: UTF8.self)
    if word.count == 1, let letter = word.unicodeScalars.first, letter.properties.isUppercase {
      return true  // an initial, as in "J. Smith"
    }
    return Self.abbreviations.contains(word.lowercased())
  }

  /// Letters (any non-ASCII byte counts, so accented words stay whole), digits and periods.
  private func isWordByte(_ byte: UInt8) -> Bool {
    byte >= 0x80 || byte == UInt8(ascii: ".") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private func appendTrimmed(_ range: Range<Int>, of bytes: [UInt8], to result: inout [Range<Int>]) {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, isSpace(bytes[lower]) { lower += 1 }
    while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
    if lower < upper { result.append(lower..<upper) }
  }

  private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}

/// The parentheses, brackets and double quotes of a paragraph that are matched by a closer.
///
/// Only matched pairs hold a sentence together: a stray "(" or an inch mark (`5"`) must not
/// swallow the rest of the paragraph into one sentence.
private struct Enclosures {
  /// Byte offset of each matched opener → byte offset of its closer.
  var closerByOpener: [Int: Int] = [:]

  private enum Kind { case parenthesis, bracket, straightQuote, curlyQuote }

  init(_ bytes: [UInt8], range: Range<Int>) {
    var stack: [(kind: Kind, offset: Int)] = []
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "("): stack.append((.parenthesis, index))
      case UInt8(ascii: "["): stack.append((.bracket, index))
      case UInt8(ascii: ")"): close(.parenthesis, at: index, &stack)
      case UInt8(ascii: "]"): close(.bracket, at: index, &stack)
      case UInt8(ascii: "\""):
        // A straight quote opens after a space or an opening bracket, and closes otherwise.
        let previous = index > range.lowerBound ? bytes[index - 1] : UInt8(ascii: " ")
        if [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "("), UInt8(ascii: "[")].contains(previous) {
          stack.append((.straightQuote, index))
        } else {
          close(.straightQuote, at: index, &stack)
        }
      case 0xE2 where index + 2 < range.upperBound && bytes[index + 1] == 0x80:
        if bytes[index + 2] == 0x9C { stack.append((.curlyQuote, index)) }  // “
        if bytes[index + 2] == 0x9D { close(.curlyQuote, at: index, &stack) }  // ”
      default:
        break
      }
      index += 1
    }
  }

  /// Pairs the closer at `offset` with the nearest open enclosure of its kind; openers left
  /// open inside it are unmatched and dropped. A closer with no opener is ignored.
  private mutating func close(_ kind: Kind, at offset: Int, _ stack: inout [(kind: Kind, offset: Int)]) {
    guard let position = stack.lastIndex(where: { $0.kind == kind }) else { return }
    closerByOpener[stack[position].offset] = offset
    stack.removeSubrange(position...)
  }
}
