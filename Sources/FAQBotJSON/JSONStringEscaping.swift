/// Writing a Swift `String` as a JSON string literal, straight into a byte buffer.
///
/// Only what must be escaped is: `"`, `\` and the control characters below U+0020 (as
/// `\n \r \t \b \f` where JSON has a short form, else `\u00xx`). U+2028 and U+2029 are escaped
/// too: they are valid raw in JSON, but line-splitting readers (JavaScript before ES2019,
/// Python's `str.splitlines`) treat them as line breaks, which would split one response line
/// in two. Everything else is copied as UTF-8, so non-ASCII answers stay readable and compact.
/// A Swift `String` is always valid UTF-8, so the output is too.
package enum JSONStringEscaping {
  /// The most bytes `write` can produce for `string`: every byte escaped as `\u00xx`, plus
  /// the quotes.
  package static func maxEncodedCount(_ string: String) -> Int {
    string.utf8.count * 6 + 2
  }

  /// Writes `string` as a quoted, escaped JSON string.
  package static func write(_ string: String, to output: inout OutputCursor) {
    output.write(JSONByte.quote)
    let wasContiguous: Void? = string.utf8.withContiguousStorageIfAvailable { utf8 in
      writeEscaped(utf8, to: &output)
    }
    if wasContiguous == nil {
      Array(string.utf8).withUnsafeBufferPointer { writeEscaped($0, to: &output) }
    }
    output.write(JSONByte.quote)
  }

  /// `string` as JSON text, for tests and messages.
  static func encoded(_ string: String) -> String {
    var buffer: [UInt8] = []
    buffer.appendThroughCursor(maxCount: maxEncodedCount(string)) { write(string, to: &$0) }
    return String(decoding: buffer, as: UTF8.self)
  }

  /// Copies runs of bytes that need no escaping in bulk, eight bytes per step while the text is
  /// plain ASCII, and writes an escape for each byte (or U+2028/U+2029 sequence) that does.
  private static func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout OutputCursor) {
    guard let base = utf8.baseAddress else { return }
    let raw = UnsafeRawPointer(base)
    let count = utf8.count
    var runStart = 0
    var index = 0
    while index < count {
      if count - index >= 8 {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if !JSONByte.wordNeedsAttention(word) {
          index += 8
          continue
        }
      }
      let byte = utf8[index]
      if byte >= 0x20 && byte != JSONByte.quote && byte != JSONByte.backslash && byte != 0xE2 {
        index += 1
        continue
      }
      if byte == 0xE2 {
        // U+2028 is E2 80 A8 and U+2029 is E2 80 A9; other E2 sequences are copied as they are.
        guard index + 2 < count, utf8[index + 1] == 0x80,
          utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9
        else {
          index += 1
          continue
        }
        output.write(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        writeUnicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &output)
        index += 3
        runStart = index
        continue
      }
      output.write(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
      switch byte {
      case JSONByte.quote, JSONByte.backslash:
        output.write(JSONByte.backslash)
        output.write(byte)
      case 0x08: output.write("\\b")
      case 0x09: output.write("\\t")
      case 0x0A: output.write("\\n")
      case 0x0C: output.write("\\f")
      case 0x0D: output.write("\\r")
      default: writeUnicodeEscape(UInt16(byte), to: &output)
      }
      index += 1
      runStart = index
    }
    output.write(UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
  }

  /// Writes `\uXXXX` with lowercase hex digits, as `JSON.stringify` does.
  private static func writeUnicodeEscape(_ unit: UInt16, to output: inout OutputCursor) {
    let hexDigits: StaticString = "0123456789abcdef"
    output.write("\\u")
    for shift in stride(from: 12, through: 0, by: -4) {
      output.write(hexDigits.utf8Start[Int((unit >> UInt16(shift)) & 0xF)])
    }
  }
}
