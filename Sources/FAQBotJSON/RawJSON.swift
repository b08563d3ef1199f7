/// One JSON value kept as its source text, for echoing a request's `id` back unchanged.
///
/// Clients match responses to requests by `id`, and many compare it byte for byte or keep
/// numbers wider than a `Double`; re-serialising a parsed value would turn `1.0e5` into
/// `100000.0` and `123456789012345678901234567890` into `1.2345678901234568e+29`. So the id is
/// echoed as the bytes the client sent, escapes and all.
///
/// Invariant: `bytes` is exactly one valid JSON value, UTF-8, with no surrounding whitespace,
/// and contains no raw LF, CR, U+2028 or U+2029. Those four could only occur as whitespace
/// between tokens (LF, CR) or raw inside strings (U+2028, U+2029); they are rewritten to a space
/// and to `\u2028`/`\u2029`, which denotes the same JSON value but cannot break a JSON Lines
/// reader that splits on them. That keeps every response on one line whatever id arrives.
public struct RawJSON: Sendable, Hashable, CustomStringConvertible {
  /// The value's UTF-8 text, safe to write verbatim into a response line.
  public let bytes: [UInt8]

  /// The value's text as a `String`.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The JSON text, as it is echoed.
  public var description: String { text }

  /// Validates `text` as exactly one JSON value (surrounding whitespace is trimmed); `nil` if it
  /// is not, so an invalid id can never reach a response.
  public init?(_ text: String) {
    self.init(bytes: Array(text.utf8))
  }

  /// Validates `bytes` as exactly one JSON value (surrounding whitespace is trimmed); `nil` if
  /// they are not.
  public init?(bytes: [UInt8]) {
    let validated = bytes.withUnsafeBufferPointer { buffer -> [UInt8]? in
      var scanner = JSONScanner(bytes: buffer, maxDepth: JSONParser.depthCeiling)
      scanner.skipWhitespace()
      let start = scanner.position
      do {
        try scanner.skipValue(outerDepth: 0)
      } catch {
        return nil
      }
      let end = scanner.position
      scanner.skipWhitespace()
      guard scanner.isAtEnd else { return nil }
      return Self.framed(UnsafeBufferPointer(rebasing: buffer[start..<end]))
    }
    guard let validated else { return nil }
    self.bytes = validated
  }

  /// Wraps bytes already known to be one valid JSON value with no surrounding whitespace
  /// (a slice the scanner just accepted).
  package init(validatedSlice: UnsafeBufferPointer<UInt8>) {
    self.bytes = Self.framed(validatedSlice)
  }

  /// The JSON `null`, what an absent id is written as.
  public static let null = RawJSON(uncheckedBytes: Array("null".utf8))

  private init(uncheckedBytes: [UInt8]) {
    self.bytes = uncheckedBytes
  }

  /// Copies `value`, rewriting the line-breaking characters described on the type.
  private static func framed(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    let needsRewrite = value.contains { byte in
      byte == JSONByte.lineFeed || byte == JSONByte.carriageReturn || byte == 0xE2
    }
    guard needsRewrite else { return Array(value) }
    var result: [UInt8] = []
    result.reserveCapacity(value.count + 12)
    var index = 0
    while index < value.count {
      let byte = value[index]
      if byte == JSONByte.lineFeed || byte == JSONByte.carriageReturn {
        result.append(JSONByte.space)
      } else if byte == 0xE2, index + 2 < value.count, value[index + 1] == 0x80,
        value[index + 2] == 0xA8 || value[index + 2] == 0xA9
      {
        // U+2028 / U+2029, necessarily inside a string since raw non-ASCII is invalid elsewhere.
        result.append(contentsOf: value[index + 2] == 0xA8 ? Self.escaped2028 : Self.escaped2029)
        index += 3
        continue
      } else {
        result.append(byte)
      }
      index += 1
    }
    return result
  }

  private static let escaped2028: [UInt8] = Array("\\u2028".utf8)
  private static let escaped2029: [UInt8] = Array("\\u2029".utf8)
}
