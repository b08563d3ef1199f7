/// Why a tool call was not answered, in words a model can act on. Reported as a tool result
/// with `isError: true` rather than a JSON-RPC error, as MCP asks for argument mistakes, so
/// the model sees the message and can correct its call.
enum MCPToolError: Error, Sendable, Equatable, CustomStringConvertible {
  case missingArgument(String)
  case wrongType(argument: String, expected: String, got: String)
  case unknownArguments([String], allowed: [String])
  case emptyArgument(String)
  case tooLong(argument: String, bytes: Int, limit: Int)
  case outOfRange(argument: String, value: Int, range: ClosedRange<Int>)
  case unknownSection(String, known: [String])

  var description: String {
    switch self {
    case .missingArgument(let name):
      return "missing required argument \"\(name)\""
    case .wrongType(let name, let expected, let got):
      return "argument \"\(name)\" must be \(expected), got \(got)"
    case .unknownArguments(let names, let allowed):
      let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
      let expected = allowed.isEmpty ? "none" : allowed.map { "\"\($0)\"" }.joined(separator: ", ")
      return "unknown argument\(names.count == 1 ? "" : "s") \(list); this tool takes: \(expected)"
    case .emptyArgument(let name):
      return "argument \"\(name)\" is empty: ask a question in words"
    case .tooLong(let name, let bytes, let limit):
      return "argument \"\(name)\" is \(bytes) bytes, more than the limit of \(limit) bytes"
    case .outOfRange(let name, let value, let range):
      return "argument \"\(name)\" must be between \(range.lowerBound) and \(range.upperBound), got \(value)"
    case .unknownSection(let id, let known):
      return "no section \"\(id)\"; the sections are: \(known.joined(separator: ", "))"
    }
  }
}
