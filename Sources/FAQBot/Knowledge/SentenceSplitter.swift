/// Splits a paragraph into sentences without breaking on abbreviations ("e.g.", "Dr."),
/// initials, decimals, URLs, or punctuation inside parentheses and quotes.
///
/// It works on UTF-8 bytes and returns byte ranges so the knowledge file can record exact
/// offsets into the source.
struct SentenceSplitter: Sendable {
  /// Lowercased words that end with a period without ending a sentence.
  static let abbreviations: Set<String> = [
    "e.g", "i.e", "dr", "mr", "mrs", "ms", "prof", "st", "vs", "fig", "no", "approx", "inc", "ltd", "jr",
    "sr", "u.s", "u.k", "cf", "al", "ca", "mt", "dept", "est", "vol", "viz", "resp", "ph.d", "m.d", "a.m",
    "p.m",
  ]

  /// Returns the trimmed byte ranges of the sentences in `bytes[range]`.
  func sentences(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = range.lowerBound
    var depth = 0
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "("), UInt8(ascii: "["):
        depth += 1
      case UInt8(ascii: ")"), UInt8(ascii: "]"):
        depth = max(0, depth - 1)
      case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
        guard depth == 0, let end = sentenceEnd(after: index, in: bytes, limit: range.upperBound) else { break }
        if byte == UInt8(ascii: "."), isAbbreviation(before: index, in: bytes, from: start) { break }
        appendTrimmed(start..<end, of: bytes, to: &result)
        start = end
        index = end
        continue
      default:
        break
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
      if [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "'"),
        UInt8(ascii: ")"), UInt8(ascii: "]")].contains(bytes[end])
      {
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

  private func isAbbreviation(before index: Int, in bytes: [UInt8], from start: Int) -> Bool {
    var wordStart = index
    while wordStart > start, !isSpace(bytes[wordStart - 1]), bytes[wordStart - 1] != UInt8(ascii: "(") {
      wordStart -= 1
    }
    let word = String(decoding: bytes[wordStart..<index], as: UTF8.self)
    if word.count == 1, let letter = word.unicodeScalars.first, letter.properties.isUppercase {
      return true  // an initial, as in "J. Smith"
    }
    return Self.abbreviations.contains(word.lowercased())
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
