import FAQBotJSON

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns one request line into a `Request` or the `ProtocolError` to answer it with.
///
/// This is the hot path of the JSON front, so it does not build a `JSONValue`: it walks the
/// top-level object once, decodes only `question` and `session`, remembers where the `id`
/// value's bytes are (to echo them verbatim), and validates-and-skips everything else. It
/// still applies every rule `JSONParser` applies to the whole line, so a line it accepts is
/// valid JSON and valid UTF-8.
///
/// Semantics beyond the JSON grammar:
/// - Duplicate members: the last one wins (as in JavaScript's `JSON.parse`).
/// - `"session": null` means no session; any other non-string session is `invalid_request`.
/// - Error classification follows the protocol's order: an over-long line is `too_large`; a
///   line that fails to parse and is not valid UTF-8 anywhere is `invalid_utf8` (equivalent to
///   checking UTF-8 first, without paying for a separate pass on good lines: a line that
///   parses is necessarily valid UTF-8); otherwise `invalid_json`; valid JSON that is not a
///   request is `invalid_request`.
/// - An error carries the request's id whenever the id value had been read completely before
///   the error, so clients can match even `invalid_json` answers.
public struct RequestDecoder: Sendable {
  /// Lines longer than this are `too_large` without being looked at.
  public let maxLineBytes: Int
  /// How deeply arrays and objects may nest, counting the request object itself.
  public let maxDepth: Int

  /// A decoder of lines up to `maxLineBytes`, refusing JSON nested deeper than `maxDepth`.
  public init(maxLineBytes: Int = 65_536, maxDepth: Int = 512) {
    self.maxLineBytes = max(maxLineBytes, 0)
    self.maxDepth = max(maxDepth, 1)
  }

  /// Decodes one line (without its LF; a trailing CR is harmless whitespace).
  public func decode(line: [UInt8]) -> Result<Request, ProtocolError> {
    line.withUnsafeBufferPointer { decode(line: $0) }
  }

  /// Decodes one line held in memory the caller keeps alive for the duration of the call.
  public func decode(line: UnsafeBufferPointer<UInt8>) -> Result<Request, ProtocolError> {
    guard line.count <= maxLineBytes else {
      return .failure(.tooLarge(byteCount: line.count, limit: maxLineBytes))
    }
    var fields = Fields()
    var scanner = JSONScanner(bytes: line, maxDepth: maxDepth)
    do {
      try Self.scanRequest(&scanner, into: &fields)
    } catch {
      let id = fields.id(in: line)
      if let offset = UTF8Validation.firstInvalidOffset(in: line) {
        return .failure(.invalidUTF8(at: offset, id: id))
      }
      return .failure(.invalidJSON(error, id: id))
    }
    return fields.request(id: fields.id(in: line))
  }

  /// What a member value turned out to be, for the fields whose type matters.
  enum FieldValue {
    case absent
    case string(String)
    case null
    /// Any other JSON type, by name, for the error message.
    case other(String)
  }

  /// The members of interest found so far; kept outside the parse so that an error part-way
  /// through can still report an id read before it.
  struct Fields {
    var idRange: Range<Int>?
    var question = FieldValue.absent
    var session = FieldValue.absent
    /// Set when the top-level value is not an object; names its type.
    var notAnObject: String?

    func id(in line: UnsafeBufferPointer<UInt8>) -> RawJSON? {
      guard let idRange else { return nil }
      return RawJSON(validatedSlice: UnsafeBufferPointer(rebasing: line[idRange]))
    }

    func request(id: RawJSON?) -> Result<Request, ProtocolError> {
      if let notAnObject {
        return .failure(
          .invalidRequest("request must be a JSON object, got \(notAnObject)", id: id))
      }
      let question: String
      switch self.question {
      case .string(let text):
        question = text
      case .absent:
        return .failure(.invalidRequest("request has no \"question\" field", id: id))
      case .null:
        return .failure(.invalidRequest("\"question\" must be a string, got null", id: id))
      case .other(let type):
        return .failure(.invalidRequest("\"question\" must be a string, got \(type)", id: id))
      }
      let session: String?
      switch self.session {
      case .string(let text):
        session = text
      case .absent, .null:
        session = nil
      case .other(let type):
        return .failure(.invalidRequest("\"session\" must be a string, got \(type)", id: id))
      }
      return .success(Request(id: id, question: question, session: session))
    }
  }

  /// The members this decoder looks at.
  private enum Member {
    case id, question, session, other
  }

  /// Walks the whole line: the top-level object's members, then trailing whitespace.
  private static func scanRequest(
    _ scanner: inout JSONScanner, into fields: inout Fields
  ) throws(JSONParseError) {
    scanner.skipWhitespace()
    let first = try scanner.requireByte()
    guard first == JSONByte.openBrace else {
      try scanner.skipValue(outerDepth: 0)
      try finish(&scanner)
      fields.notAnObject = typeName(startingWith: first)
      return
    }
    scanner.position += 1
    scanner.skipWhitespace()
    if scanner.current == JSONByte.closeBrace {
      scanner.position += 1
      try finish(&scanner)
      return
    }
    while true {
      let member = try scanMemberName(&scanner)
      scanner.skipWhitespace()
      switch member {
      case .id:
        let start = scanner.position
        try scanner.skipValue(outerDepth: 1)
        fields.idRange = start..<scanner.position
      case .question:
        fields.question = try scanStringField(&scanner)
      case .session:
        fields.session = try scanStringField(&scanner)
      case .other:
        try scanner.skipValue(outerDepth: 1)
      }
      scanner.skipWhitespace()
      let next = try scanner.requireByte()
      scanner.position += 1
      if next == JSONByte.comma {
        scanner.skipWhitespace()
        continue
      }
      guard next == JSONByte.closeBrace else {
        throw JSONParseError(.unexpectedByte(next), at: scanner.position - 1)
      }
      try finish(&scanner)
      return
    }
  }

  /// Only whitespace may follow the request.
  private static func finish(_ scanner: inout JSONScanner) throws(JSONParseError) {
    scanner.skipWhitespace()
    guard scanner.isAtEnd else { throw JSONParseError(.trailingData, at: scanner.position) }
  }

  /// Reads a member name and its colon, comparing the raw bytes when the name has no escapes
  /// (always, in practice) so no `String` is made for it.
  private static func scanMemberName(_ scanner: inout JSONScanner) throws(JSONParseError) -> Member {
    let quote = scanner.position
    let byte = try scanner.requireByte()
    guard byte == JSONByte.quote else {
      throw JSONParseError(.unexpectedByte(byte), at: scanner.position)
    }
    let hadEscape = try scanner.skipString()
    let member: Member
    if hadEscape {
      var nameScanner = JSONScanner(bytes: scanner.bytes, maxDepth: scanner.maxDepth)
      nameScanner.position = quote
      member = Self.member(named: try nameScanner.scanString())
    } else {
      let name = UnsafeBufferPointer(rebasing: scanner.bytes[(quote + 1)..<(scanner.position - 1)])
      member = Self.member(rawName: name)
    }
    scanner.skipWhitespace()
    try scanner.expect(JSONByte.colon)
    return member
  }

  private static func member(rawName name: UnsafeBufferPointer<UInt8>) -> Member {
    if matches(name, "id") { return .id }
    if matches(name, "question") { return .question }
    if matches(name, "session") { return .session }
    return .other
  }

  /// Byte comparison with a literal; `elementsEqual` against a `String.UTF8View` was a fifth
  /// of the decoding time.
  @inline(__always)
  private static func matches(_ name: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
    guard name.count == literal.utf8CodeUnitCount, let base = name.baseAddress else { return false }
    return memcmp(base, literal.utf8Start, name.count) == 0
  }

  private static func member(named name: String) -> Member {
    switch name {
    case "id": return .id
    case "question": return .question
    case "session": return .session
    default: return .other
    }
  }

  /// Decodes a string value, or validates and skips a value of another type, naming it.
  private static func scanStringField(
    _ scanner: inout JSONScanner
  ) throws(JSONParseError) -> FieldValue {
    let first = try scanner.requireByte()
    if first == JSONByte.quote {
      return .string(try scanner.scanString())
    }
    try scanner.skipValue(outerDepth: 1)
    return first == UInt8(ascii: "n") ? .null : .other(typeName(startingWith: first))
  }

  /// The JSON type of a value that parsed successfully, from its first byte.
  private static func typeName(startingWith byte: UInt8) -> String {
    switch byte {
    case JSONByte.openBrace: return "object"
    case JSONByte.openBracket: return "array"
    case JSONByte.quote: return "string"
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return "boolean"
    case UInt8(ascii: "n"): return "null"
    default: return "number"
    }
  }
}
