import ArgumentParser
import FAQBot

struct MCPCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mcp",
    abstract: "Serve the bot to agents and editors as a Model Context Protocol server on stdio.",
    discussion: """
      Speaks MCP (JSON-RPC, one message a line) on standard input and output, for an MCP \
      host to start as a child process; logs go to standard error. Tools: ask, search, \
      topics, get_section; resources: each knowledge section and the knowledge file. \
      Exits when standard input closes or on SIGTERM. See docs/mcp.md.
      """
  )

  @OptionGroup var pack: PackOptions

  @Option(help: "Longer messages are answered with an error without being read into memory.")
  var maxMessageBytes: Int = 16 << 20

  @Option(help: "Longer questions and search queries are refused with a tool error.")
  var maxQuestionBytes: Int = 65_536

  func validate() throws {
    if maxMessageBytes < 1_024 { throw ValidationError("--max-message-bytes must be at least 1024.") }
    if maxQuestionBytes < 1 { throw ValidationError("--max-question-bytes must be at least 1.") }
  }

  func run() async throws {
    let engine = try pack.makeEngine()
    try await MCPFront(
      engine: engine, maxMessageBytes: maxMessageBytes, maxQuestionBytes: maxQuestionBytes
    ).run()
  }
}
