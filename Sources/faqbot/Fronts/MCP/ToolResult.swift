import MCP

/// The two shapes of a tool result: text for the model with structured content for programs,
/// or an error message flagged `isError`. One place, so every tool answers the same way.
enum ToolResult {
  static func success(_ text: String, structured: Value) -> CallTool.Result {
    // `Value?`, not `Value`: the SDK's generic `Codable` overload would re-encode it and throw.
    let content: Value? = structured
    return CallTool.Result(
      content: [.text(text: text, annotations: nil, _meta: nil)], structuredContent: content)
  }

  static func failure(_ error: MCPToolError) -> CallTool.Result {
    CallTool.Result(content: [.text(text: error.description, annotations: nil, _meta: nil)], isError: true)
  }
}
