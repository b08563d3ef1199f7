/// Why a byte sequence is not the JSON text `JSONParser` accepts, and where.
///
/// The offset is what makes a protocol error useful to the person debugging a client: it
/// points at the first byte the parser could not accept, counted from 0 at the start of the
/// line.
public struct JSONParseError: Error, Sendable, Equatable {
  /// The rule the input broke.
  public enum Reason: Sendable, Equatable {
    /// The input ended inside a value, or was empty.
    case unexpectedEnd
    /// A byte that cannot start or continue the construct being parsed.
    case unexpectedByte(UInt8)
    /// A complete value was followed by something other than whitespace.
    case trailingData
    /// A number that breaks RFC 8259's grammar (leading zero, missing digits, ...).
    case invalidNumber
    /// A backslash followed by something other than `" \ / b f n r t u`.
    case invalidEscape
    /// `\u` not followed by four hex digits.
    case invalidUnicodeEscape
    /// A `\uD800`-`\uDFFF` escape that is not part of a high-low surrogate pair.
    case unpairedSurrogate
    /// A raw byte below 0x20 inside a string, which must be escaped.
    case controlCharacterInString(UInt8)
    /// Bytes inside a string that are not well-formed UTF-8.
    case invalidUTF8
    /// Arrays and objects nested deeper than the parser's limit.
    case tooDeep(limit: Int)
  }

  /// Which rule of RFC 8259 (or of the parser's limits) the input broke.
  public var reason: Reason
  /// The 0-based byte offset of the first byte that could not be accepted.
  public var offset: Int

  /// An error at byte `offset` (0-based) of the input.
  public init(_ reason: Reason, at offset: Int) {
    self.reason = reason
    self.offset = offset
  }

  /// A one-line human explanation including the byte offset, e.g.
  /// `expected ',' or '}' but found 'x' at byte 17`.
  public var message: String {
    "\(explanation) at byte \(offset)"
  }

  /// The line and column (from 1; the column in bytes) where the error is in `bytes`, the
  /// document it was found in: what a person opening the file needs, rather than an offset.
  public func location(in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
      line += 1
      lineStart = index + 1
    }
    return (line, offset - lineStart + 1)
  }

  /// The explanation without the offset, e.g. `unexpected end of input`.
  public var explanation: String {
    switch reason {
    case .unexpectedEnd:
      return "unexpected end of input"
    case .unexpectedByte(let byte):
      return "unexpected \(Self.describe(byte))"
    case .trailingData:
      return "unexpected data after the JSON value"
    case .invalidNumber:
      return "invalid number"
    case .invalidEscape:
      return "invalid escape sequence in string"
    case .invalidUnicodeEscape:
      return "\\u must be followed by four hex digits"
    case .unpairedSurrogate:
      return "unpaired UTF-16 surrogate in \\u escape"
    case .controlCharacterInString(let byte):
      return "unescaped control character \(Self.hex(byte)) in string"
    case .invalidUTF8:
      return "invalid UTF-8 in string"
    case .tooDeep(let limit):
      return "arrays and objects nested deeper than \(limit) levels"
    }
  }

  /// Printable ASCII is quoted as itself so the message reads naturally; anything else is hex,
  /// so the message stays one clean line whatever the input was.
  private static func describe(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F {
      return "character '\(Character(Unicode.Scalar(byte)))'"
    }
    return "byte \(hex(byte))"
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return byte < 0x10 ? "0x0\(digits)" : "0x\(digits)"
  }
}
