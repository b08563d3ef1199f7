import Foundation

/// The JSON-RPC frame of one message, without its parameters: enough for the transport to
/// tell requests (which must be answered) from notifications and responses, and to answer
/// malformed messages itself with the `null` id JSON-RPC prescribes.
///
/// Decoding is lenient on purpose: an id or method of the wrong type is recorded as
/// `.invalid` instead of failing, so a request with `"id": 1.5` is told apart from a line
/// that is not JSON at all.
struct MessageEnvelope: Decodable, Sendable {
  /// A JSON-RPC id as sent: the SDK accepts strings and integers only.
  enum RequestID: Hashable, Sendable, Decodable {
    case string(String)
    case number(Int)
    case invalid

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let string = try? container.decode(String.self) {
        self = .string(string)
      } else if let number = try? container.decode(Int.self) {
        self = .number(number)
      } else {
        self = .invalid
      }
    }
  }

  /// A method name, or `.invalid` when `method` is present but not a string.
  enum MethodName: Sendable, Decodable {
    case name(String)
    case invalid

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      self = (try? container.decode(String.self)).map(MethodName.name) ?? .invalid
    }
  }

  /// `notifications/cancelled` parameters: the request the server will not answer.
  struct CancelParameters: Decodable, Sendable {
    var requestId: RequestID?
  }

  var jsonrpc: String?
  var id: RequestID?
  var method: MethodName?
  var hasResult: Bool
  var hasError: Bool

  private enum CodingKeys: String, CodingKey { case jsonrpc, id, method, result, error }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    jsonrpc = try? container.decodeIfPresent(String.self, forKey: .jsonrpc)
    // `null` ids are absent ids here: neither is an id a response can be matched by.
    id = try container.decodeIfPresent(RequestID.self, forKey: .id)
    method = try container.decodeIfPresent(MethodName.self, forKey: .method)
    hasResult = container.contains(.result)
    hasError = container.contains(.error)
  }

  /// What the transport does with a message.
  enum Classification: Sendable, Equatable {
    /// A request: it is answered exactly once, so it counts as in flight until then.
    case request(RequestID, method: String)
    /// A notification or a response from the client: forwarded, never answered.
    case other
    /// `notifications/cancelled`: the server will not answer the request it names.
    case cancellation
    /// Not a JSON-RPC 2.0 message: answered with an invalid-request error at once.
    case invalid(reason: String, id: RequestID?)
  }

  var classification: Classification {
    let usableID = id == .invalid ? nil : id
    guard jsonrpc == "2.0" else {
      return .invalid(reason: "\"jsonrpc\" must be \"2.0\"", id: usableID)
    }
    switch (method, id) {
    case (.invalid, _): return .invalid(reason: "\"method\" must be a string", id: usableID)
    case (_, .invalid?): return .invalid(reason: "\"id\" must be a string or an integer", id: nil)
    case (.name("notifications/cancelled"), nil): return .cancellation
    case (.name(let method), let id?): return .request(id, method: method)
    case (.name, nil): return .other
    case (nil, _?) where hasResult || hasError: return .other
    case (nil, _):
      return .invalid(reason: "a message needs a \"method\", or a \"result\" or \"error\"", id: usableID)
    }
  }
}
