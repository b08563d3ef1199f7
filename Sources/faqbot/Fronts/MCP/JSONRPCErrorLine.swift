import Foundation

/// A JSON-RPC error response the transport writes itself, for lines it does not pass to the
/// SDK's server: too large, not UTF-8, not JSON, not a JSON-RPC message, a tool call whose
/// parameters the SDK cannot decode. The SDK would answer
/// some of these with a made-up random id; JSON-RPC 2.0 says the id is `null` when it could
/// not be read, which is what clients expect.
struct JSONRPCErrorLine: Encodable, Sendable {
  struct Body: Encodable, Sendable {
    var code: Int
    var message: String
  }

  /// The standard JSON-RPC codes the transport uses.
  enum Code: Int, Sendable {
    case parseError = -32700
    case invalidRequest = -32600
    case invalidParams = -32602
  }

  let jsonrpc = "2.0"
  var id: MessageEnvelope.RequestID?
  var error: Body

  init(_ code: Code, _ message: String, id: MessageEnvelope.RequestID? = nil) {
    self.id = id
    self.error = Body(code: code.rawValue, message: message)
  }

  private enum CodingKeys: String, CodingKey { case jsonrpc, id, error }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(jsonrpc, forKey: .jsonrpc)
    switch id {
    case .string(let string)?: try container.encode(string, forKey: .id)
    case .number(let number)?: try container.encode(number, forKey: .id)
    case .invalid?, nil: try container.encodeNil(forKey: .id)
    }
    try container.encode(error, forKey: .error)
  }

  /// The line's bytes, without the LF.
  var bytes: Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Encoding a struct of strings and integers cannot fail; the fallback keeps it total.
    return (try? encoder.encode(self))
      ?? Data(#"{"error":{"code":-32603,"message":"internal error"},"id":null,"jsonrpc":"2.0"}"#.utf8)
  }
}
