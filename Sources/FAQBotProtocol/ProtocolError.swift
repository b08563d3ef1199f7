import FAQBotJSON

/// A request line the bot cannot answer, and why, in the shape the protocol reports it.
///
/// The message is meant for a person reading a client's log, so it names the rule broken and,
/// for malformed input, the 0-based byte offset in the line where reading stopped.
public struct ProtocolError: Error, Sendable, Equatable {
  /// The machine-readable class of error, written as `error.code`.
  public enum Code: String, Sendable {
    /// The line is not a JSON text.
    case invalidJSON = "invalid_json"
    /// The line is JSON but not a request: not an object, or no string `question`.
    case invalidRequest = "invalid_request"
    /// The line is not UTF-8.
    case invalidUTF8 = "invalid_utf8"
    /// The line is longer than the front accepts.
    case tooLarge = "too_large"
  }

  /// The machine-readable code clients match on (`too_large`, `invalid_utf8`, …).
  public var code: Code
  /// A sentence for people reading logs; its wording may change.
  public var message: String
  /// The request's id, when it could be read before the error, so the client can still match
  /// the error to its request.
  public var id: RawJSON?

  /// An error answered with `id` when the request's id could be read before the problem.
  public init(code: Code, message: String, id: RawJSON? = nil) {
    self.code = code
    self.message = message
    self.id = id
  }

  /// The line is longer than `limit` bytes; it was skipped without being read whole, so it has
  /// no id.
  public static func tooLarge(byteCount: Int, limit: Int) -> ProtocolError {
    ProtocolError(
      code: .tooLarge,
      message: "line is \(byteCount) bytes, more than the limit of \(limit) bytes")
  }

  static func invalidJSON(_ error: JSONParseError, id: RawJSON?) -> ProtocolError {
    ProtocolError(code: .invalidJSON, message: "invalid JSON: \(error.message)", id: id)
  }

  static func invalidUTF8(at offset: Int, id: RawJSON?) -> ProtocolError {
    ProtocolError(
      code: .invalidUTF8, message: "line is not valid UTF-8: malformed sequence at byte \(offset)",
      id: id)
  }

  static func invalidRequest(_ message: String, id: RawJSON?) -> ProtocolError {
    ProtocolError(code: .invalidRequest, message: message, id: id)
  }
}
