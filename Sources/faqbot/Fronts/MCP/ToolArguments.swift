import MCP

/// A tool call's arguments, read by name and type: every mistake becomes an
/// ``MCPToolError`` naming the argument, never a crash or a silently ignored value.
struct ToolArguments: Sendable {
  let values: [String: Value]

  /// Fails when an argument not in `allowed` was given: a misspelt optional argument
  /// (`sesion`) would otherwise be dropped without the model ever knowing.
  init(_ values: [String: Value]?, allowed: [String]) throws(MCPToolError) {
    self.values = values ?? [:]
    let unknown = self.values.keys.filter { !allowed.contains($0) }.sorted()
    if !unknown.isEmpty { throw .unknownArguments(unknown, allowed: allowed) }
  }

  /// A string argument; `null` counts as absent.
  func string(_ name: String) throws(MCPToolError) -> String? {
    switch values[name] {
    case nil, .null?: return nil
    case .string(let string)?: return string
    case let value?: throw .wrongType(argument: name, expected: "a string", got: Self.typeName(value))
    }
  }

  func requiredString(_ name: String) throws(MCPToolError) -> String {
    guard let string = try string(name) else { throw .missingArgument(name) }
    return string
  }

  /// An integer argument in `range`; a number with a fractional part is refused, an
  /// integral one (`5.0`, which some clients send for 5) is accepted.
  func integer(_ name: String, in range: ClosedRange<Int>) throws(MCPToolError) -> Int? {
    let number: Int
    switch values[name] {
    case nil, .null?: return nil
    case .int(let value)?: number = value
    case .double(let value)? where value.rounded() == value && abs(value) < 1e15: number = Int(value)
    case let value?: throw .wrongType(argument: name, expected: "an integer", got: Self.typeName(value))
    }
    guard range.contains(number) else { throw .outOfRange(argument: name, value: number, range: range) }
    return number
  }

  static func typeName(_ value: Value) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "a boolean"
    case .int, .double: return "a number"
    case .string, .data: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}
