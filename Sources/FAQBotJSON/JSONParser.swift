/// A strict RFC 8259 parser from bytes to `JSONValue`.
///
/// Foundation's `JSONSerialization` accepts things the protocol must reject (and has crashed on
/// deep nesting on Linux); this parser accepts exactly RFC 8259 JSON text: every JSONTestSuite
/// `y_` case and none of its `n_` cases. In particular it rejects trailing data, leading zeros,
/// `NaN`/`Infinity`, unknown escapes, unpaired surrogate escapes, raw control bytes and malformed
/// UTF-8 in strings, a byte-order mark, and any whitespace other than space, tab, LF and CR.
///
/// It is iterative, with its own stack of open containers, so nesting depth is bounded by
/// `maxDepth` rather than by the thread's stack.
public struct JSONParser: Sendable {
  /// The deepest `maxDepth` a parser will honour.
  ///
  /// Parsing is iterative, but the `JSONValue` it returns is a recursive enum whose
  /// destruction and `==` recurse once per level, at up to about 250 bytes of stack each
  /// (measured: depth 4096 overflows a 512 KiB thread stack, depth 1024 fits in 256 KiB). The
  /// cap keeps any parsed value safe to drop and compare on small secondary-thread stacks.
  public static let depthCeiling = 1024

  /// How many arrays and objects may be open at once; deeper input is a `tooDeep` error.
  public let maxDepth: Int

  /// - Parameter maxDepth: clamped to `1...JSONParser.depthCeiling`.
  public init(maxDepth: Int = 512) {
    self.maxDepth = min(max(maxDepth, 1), Self.depthCeiling)
  }

  /// Parses one complete JSON text; surrounding whitespace is allowed, anything else is not.
  public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
      try parse(buffer)
    }
  }

  /// Parses the UTF-8 of `text`; convenient in tests and for literals.
  public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  /// Parses bytes the caller keeps alive for the duration of the call.
  public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
    var scanner = JSONScanner(bytes: bytes, maxDepth: maxDepth)
    let value = try scanner.parseValue()
    scanner.skipWhitespace()
    guard scanner.isAtEnd else { throw JSONParseError(.trailingData, at: scanner.position) }
    return value
  }
}

extension JSONScanner {
  /// Builds the value starting at (or after whitespace before) the cursor.
  ///
  /// Open containers live in parallel stacks rather than one stack of enum frames so that
  /// appending to the innermost array or object mutates it in place instead of copying it out
  /// of an enum payload and back.
  mutating func parseValue() throws(JSONParseError) -> JSONValue {
    var openIsObject: [Bool] = []
    var openArrays: [[JSONValue]] = []
    var openObjects: [[(String, JSONValue)]] = []
    var pendingNames: [String] = []

    while true {
      skipWhitespace()
      var value: JSONValue
      let byte = try requireByte()
      switch byte {
      case JSONByte.openBracket:
        try checkDepth(openIsObject.count + 1)
        position += 1
        skipWhitespace()
        if current == JSONByte.closeBracket {
          position += 1
          value = .array([])
        } else {
          openIsObject.append(false)
          openArrays.append([])
          continue
        }
      case JSONByte.openBrace:
        try checkDepth(openIsObject.count + 1)
        position += 1
        skipWhitespace()
        if current == JSONByte.closeBrace {
          position += 1
          value = .object([])
        } else {
          pendingNames.append(try scanMemberName())
          openIsObject.append(true)
          openObjects.append([])
          continue
        }
      case JSONByte.quote:
        value = .string(try scanString())
      case JSONByte.minus, JSONByte.zero...(JSONByte.zero + 9):
        let range = try scanNumber()
        value = .number(raw: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
      default:
        value = try scanLiteral()
      }

      // A value just ended: add it to its container, and close every container that ends here.
      while true {
        guard let isObject = openIsObject.last else { return value }
        if isObject {
          openObjects[openObjects.count - 1].append((pendingNames.removeLast(), value))
        } else {
          openArrays[openArrays.count - 1].append(value)
        }
        skipWhitespace()
        let next = try requireByte()
        if next == JSONByte.comma {
          position += 1
          if isObject {
            skipWhitespace()
            pendingNames.append(try scanMemberName())
          }
          break
        }
        guard next == (isObject ? JSONByte.closeBrace : JSONByte.closeBracket) else {
          throw JSONParseError(.unexpectedByte(next), at: position)
        }
        position += 1
        openIsObject.removeLast()
        value = isObject ? .object(openObjects.removeLast()) : .array(openArrays.removeLast())
      }
    }
  }

  /// Reads `"name"` and the `:` after it (the cursor is where the name should start).
  private mutating func scanMemberName() throws(JSONParseError) -> String {
    let byte = try requireByte()
    guard byte == JSONByte.quote else { throw JSONParseError(.unexpectedByte(byte), at: position) }
    let name = try scanString()
    skipWhitespace()
    try expect(JSONByte.colon)
    return name
  }
}
