import Foundation

/// BERT's uncased basic tokenizer: raw text to the words ``WordPiece`` splits, as Hugging
/// Face's `BasicTokenizer` makes them (control characters dropped, CJK ideographs one word
/// each, lower case, accents stripped, every punctuation mark a word of its own).
///
/// The encoder needs it because it reads text as the model was trained to; faqbot's
/// ``TextNormalizer`` words (contractions expanded, punctuation dropped) would give it inputs
/// it never saw. Plain ASCII takes a byte path; the rest goes through Foundation's NFD.
public enum BasicTokenizer {
  /// The words of `text`, in order.
  public static func words(_ text: String) -> [String] {
    var words: [String] = []
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      var current: [UInt8] = []
      func flush() {
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        current.removeAll(keepingCapacity: true)
      }
      for byte in text.utf8 {
        if byte == 32 || byte == 9 || byte == 10 || byte == 13 {
          flush()
        } else if byte < 32 || byte == 127 {
          continue
        } else if WordPiece.isPunctuation(byte) {
          flush()
          words.append(String(UnicodeScalar(byte)))
        } else {
          current.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
      }
      flush()
      return words
    }
    // Cleaning and the CJK split first, on the text as given; then each whitespace-separated
    // token is lower-cased, decomposed and stripped of its marks before punctuation splits it.
    var cleaned = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isWhitespace(scalar) {
        cleaned.append(" ")
      } else if scalar.value == 0xFFFD || isControl(scalar) {
        continue
      } else if isCJK(scalar) {
        cleaned.append(" ")
        cleaned.append(scalar)
        cleaned.append(" ")
      } else {
        cleaned.append(scalar)
      }
    }
    for token in String(cleaned).split(separator: " ") {
      let folded = String(token).lowercased().decomposedStringWithCanonicalMapping
      var current = String.UnicodeScalarView()
      for scalar in folded.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
        if isPunctuation(scalar) {
          if !current.isEmpty { words.append(String(current)) }
          current = String.UnicodeScalarView()
          words.append(String(scalar))
        } else {
          current.append(scalar)
        }
      }
      if !current.isEmpty { words.append(String(current)) }
    }
    return words
  }

  /// Separators: Python's `str.split`, which BERT splits with, also splits at U+2028 and U+2029.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
      || [.spaceSeparator, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
  }

  /// Python's categories starting with "C": controls, formats, surrogates, private use and
  /// unassigned code points.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned: return true
    default: return false
    }
  }

  static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return WordPiece.isPunctuation(UInt8(scalar.value)) }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return true
    default: return false
    }
  }

  /// The CJK Unified Ideographs blocks BERT splits character by character.
  static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
      0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
      return true
    default: return false
    }
  }
}
