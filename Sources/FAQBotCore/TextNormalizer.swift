import Foundation

/// Turns raw text into comparable lowercase words: Unicode NFKC, case and diacritic folding,
/// typographic apostrophes, contractions expanded ("what's" → "what is", "doesn't" → "does
/// not"), and every other punctuation mark treated as a word boundary.
///
/// Plain ASCII (nearly every question) takes a byte-level fast path; anything else goes
/// through Foundation's Unicode tables first.
public struct TextNormalizer: Sendable {
  /// The normaliser; it has no settings, so every layer folds text the same way.
  public init() {}

  /// The words of `text`, normalised; digits stay, everything that is not a letter or
  /// digit separates words.
  public func words(_ text: String) -> [String] {
    var utf8 = Array(text.utf8)
    if utf8.contains(where: { $0 >= 0x80 }) {
      utf8 = Self.replacingTypographicPunctuation(utf8) ?? Array(Self.foldUnicode(text).utf8)
    }
    return Self.splitWords(utf8)
  }

  /// ASCII text with typographic quotes, dashes, ellipses and no-break spaces (what documents
  /// and pasted questions are full of) gets, without Foundation, what ``foldUnicode(_:)`` and
  /// the word split would make of it: `'` for a single quote, a separator for the rest. Nil
  /// when anything else is not ASCII.
  static func replacingTypographicPunctuation(_ bytes: [UInt8]) -> [UInt8]? {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        result.append(byte)
        index += 1
      } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
        result.append(0x20)  // no-break space
        index += 2
      } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
        switch bytes[index + 2] {
        case 0x98, 0x99: result.append(UInt8(ascii: "'"))  // ‘ ’
        case 0x93, 0x94, 0x9C, 0x9D, 0xA6: result.append(0x20)  // – — “ ” …
        default: return nil
        }
        index += 3
      } else {
        return nil
      }
    }
    return result
  }

  /// NFKC, then case and diacritic folding; typographic apostrophes become "'".
  package static func foldUnicode(_ text: String) -> String {
    let compatible = text.precomposedStringWithCompatibilityMapping
    let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive, .widthInsensitive]
    var folded = compatible.folding(options: options, locale: nil)
    // Foundation can keep a combining mark that followed one it removed (U+0668 U+0338 U+0369
    // keeps U+0369) and drops it when folding again; fold until stable so that normalising
    // normalised words changes nothing.
    for _ in 0..<4 {
      let again = folded.folding(options: options, locale: nil)
      if again.unicodeScalars.elementsEqual(folded.unicodeScalars) { break }
      folded = again
    }
    var result = String.UnicodeScalarView()
    for scalar in folded.unicodeScalars {
      switch scalar {
      case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{FF07}", "`", "\u{00B4}": result.append("'")
      default: result.append(scalar)
      }
    }
    return String(result)
  }

  /// Splits lowercase-able UTF-8 into words, expanding contractions at apostrophes.
  static func splitWords(_ bytes: [UInt8]) -> [String] {
    var words: [String] = []
    var current: [UInt8] = []
    var index = 0
    func flush() {
      if !current.isEmpty {
        words.append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
      }
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
        current.append(byte + 32)
      } else if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      {
        current.append(byte)
      } else if byte >= 0x80 {
        // A multi-byte scalar: keep letters and digits of any script, split on the rest.
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        let end = min(bytes.count, index + length)
        let scalarText = String(decoding: bytes[index..<end], as: UTF8.self)
        if let scalar = scalarText.unicodeScalars.first,
          scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        {
          current.append(contentsOf: scalarText.lowercased().utf8)
        } else {
          flush()
        }
        index = end
        continue
      } else if byte == UInt8(ascii: "'"), !current.isEmpty {
        let suffix = apostropheSuffix(bytes, after: index)
        if expandContraction(&current, suffix: suffix, words: &words) {
          index += 1 + suffix.count
          continue
        }
        flush()
      } else {
        flush()
      }
      index += 1
    }
    flush()
    return words
  }

  private static func apostropheSuffix(_ bytes: [UInt8], after index: Int) -> [UInt8] {
    var end = index + 1
    var suffix: [UInt8] = []
    while end < bytes.count, suffix.count < 3 {
      var byte = bytes[end]
      if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
      guard byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") else { break }
      suffix.append(byte)
      end += 1
    }
    // Only a whole short suffix ("s", "re", "ll"...) is a contraction.
    if end < bytes.count, bytes[end] >= UInt8(ascii: "a"), bytes[end] <= UInt8(ascii: "z") { return [] }
    return suffix
  }

  /// Words whose "'s" means "is" rather than a possessive.
  private static let isContractions: Set<String> = [
    "what", "that", "it", "there", "here", "who", "where", "how", "he", "she", "when", "why", "which", "this",
  ]

  /// Expands `current` + "'" + `suffix`, appending the words; false if it is not a contraction.
  private static func expandContraction(_ current: inout [UInt8], suffix: [UInt8], words: inout [String])
    -> Bool
  {
    let stem = String(decoding: current, as: UTF8.self)
    let tail = String(decoding: suffix, as: UTF8.self)
    var expansion: [String]
    switch tail {
    case "t" where stem.hasSuffix("n"):
      let base = String(stem.dropLast())
      switch base {
      case "ca": expansion = ["can", "not"]
      case "wo": expansion = ["will", "not"]
      case "sha": expansion = ["shall", "not"]
      case "ai": expansion = ["is", "not"]
      default: expansion = [base, "not"]
      }
    case "s":
      if stem == "let" {
        expansion = ["let", "us"]
      } else if isContractions.contains(stem) {
        expansion = [stem, "is"]
      } else {
        expansion = [stem]  // possessive: "brain's" is about the brain
      }
    case "re": expansion = [stem, "are"]
    case "ve": expansion = [stem, "have"]
    case "ll": expansion = [stem, "will"]
    case "d": expansion = [stem, "would"]
    case "m": expansion = [stem, "am"]
    default: return false
    }
    current.removeAll(keepingCapacity: true)
    words.append(contentsOf: expansion.filter { !$0.isEmpty })
    return true
  }
}
