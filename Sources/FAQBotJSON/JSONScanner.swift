/// A cursor over one JSON text with the RFC 8259 token rules shared by `JSONParser` (which
/// builds values) and `RequestDecoder` (which mostly validates and skips).
///
/// It works on an `UnsafeBufferPointer` that the caller keeps alive for the scanner's lifetime
/// (always inside a `withUnsafeBufferPointer` closure), because that is what lets the hot loops
/// run without retain/release traffic or per-byte bounds checks. Unsafe-pointer subscripts are
/// unchecked in optimised builds, so every read below is preceded by an explicit
/// `position < bytes.count` test: hostile input must never read past the line.
package struct JSONScanner {
  package let bytes: UnsafeBufferPointer<UInt8>
  /// The next byte to look at.
  package var position: Int
  /// How many arrays and objects may be open at once.
  package let maxDepth: Int

  package init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
    self.bytes = bytes
    self.position = 0
    self.maxDepth = maxDepth
  }

  package var isAtEnd: Bool { position >= bytes.count }

  /// The byte at the cursor, or `nil` at the end of input.
  @inline(__always)
  package var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  /// Skips the four whitespace bytes RFC 8259 allows (space, tab, LF, CR) and nothing else:
  /// no BOM, no NBSP, no form feed.
  @inline(__always)
  package mutating func skipWhitespace() {
    while position < bytes.count {
      let byte = bytes[position]
      // One range test rejects almost every non-whitespace byte; the bit mask then picks
      // exactly bytes 0x09, 0x0A, 0x0D and 0x20.
      guard byte <= JSONByte.space, Self.whitespaceMask & (1 << UInt64(byte)) != 0 else { return }
      position += 1
    }
  }

  private static var whitespaceMask: UInt64 {
    1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x20
  }

  /// The byte at the cursor, or an `unexpectedEnd` error.
  @inline(__always)
  package func requireByte() throws(JSONParseError) -> UInt8 {
    guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
    return bytes[position]
  }

  /// Consumes `byte` or fails pointing at whatever is there instead.
  @inline(__always)
  package mutating func expect(_ byte: UInt8) throws(JSONParseError) {
    let found = try requireByte()
    guard found == byte else { throw JSONParseError(.unexpectedByte(found), at: position) }
    position += 1
  }

  /// Throws if opening one more container would exceed `maxDepth`; `depth` counts that new one.
  @inline(__always)
  func checkDepth(_ depth: Int) throws(JSONParseError) {
    guard depth <= maxDepth else { throw JSONParseError(.tooDeep(limit: maxDepth), at: position) }
  }

  /// Consumes `true`, `false` or `null` (the cursor is on its first letter) and returns which.
  ///
  /// Anything else that starts with those letters, such as `nul`, `True` or `nan`, is rejected
  /// at the first byte that differs.
  mutating func scanLiteral() throws(JSONParseError) -> JSONValue {
    let first = try requireByte()
    let word: StaticString
    let value: JSONValue
    switch first {
    case UInt8(ascii: "t"):
      word = "true"
      value = .bool(true)
    case UInt8(ascii: "f"):
      word = "false"
      value = .bool(false)
    case UInt8(ascii: "n"):
      word = "null"
      value = .null
    default:
      throw JSONParseError(.unexpectedByte(first), at: position)
    }
    let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    for letter in letters {
      let found = try requireByte()
      guard found == letter else { throw JSONParseError(.unexpectedByte(found), at: position) }
      position += 1
    }
    return value
  }

  /// Consumes a number (the cursor is on `-` or a digit) and returns the range of its text.
  ///
  /// Grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. No leading zeros, no
  /// leading `+` or `.`, no trailing `.`, no hex, no `NaN` or `Infinity`. Magnitude is not
  /// checked: the text is kept, never converted, so `1e400` is as good as `1`.
  mutating func scanNumber() throws(JSONParseError) -> Range<Int> {
    let start = position
    if bytes[position] == JSONByte.minus {
      position += 1
    }
    let first = try requireByte()
    if first == JSONByte.zero {
      position += 1
      if let next = current, JSONByte.isDigit(next) {
        throw JSONParseError(.invalidNumber, at: position)
      }
    } else if JSONByte.isDigit(first) {
      skipDigits()
    } else {
      throw JSONParseError(.invalidNumber, at: position)
    }
    if current == JSONByte.period {
      position += 1
      try requireDigits()
    }
    if let marker = current, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
      position += 1
      if let sign = current, sign == JSONByte.plus || sign == JSONByte.minus {
        position += 1
      }
      try requireDigits()
    }
    return start..<position
  }

  @inline(__always)
  private mutating func skipDigits() {
    while position < bytes.count, JSONByte.isDigit(bytes[position]) {
      position += 1
    }
  }

  @inline(__always)
  private mutating func requireDigits() throws(JSONParseError) {
    let found = try requireByte()
    guard JSONByte.isDigit(found) else { throw JSONParseError(.invalidNumber, at: position) }
    skipDigits()
  }
}
