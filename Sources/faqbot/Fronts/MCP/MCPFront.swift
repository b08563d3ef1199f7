import FAQBot
import Foundation
import Logging
import MCP

/// The Model Context Protocol front (`faqbot mcp`, docs/mcp.md): one engine, its sessions,
/// four tools and the knowledge as resources, served over stdio to an agent or editor.
///
/// Built on the official SDK's `Server`, with faqbot's own ``StdioLineTransport``, which also
/// refuses requests before `initialize`. Standard output carries protocol
/// messages only; the SDK's logs go to standard error.
struct MCPFront {
  let engine: Engine
  /// The longest message read; a longer line is answered with an error without being held.
  let maxMessageBytes: Int
  /// The longest question or query the tools take.
  let maxQuestionBytes: Int

  func run() async throws {
    // A client that goes away must end us through EPIPE on the next write, not SIGPIPE.
    StandardOutput.ignoreBrokenPipes()
    MCPStop.install()

    var logger = Logger(label: "faqbot.mcp") { StreamLogHandler.standardError(label: $0) }
    logger.logLevel = .error
    let channel = OutputChannel()
    let transport = StdioLineTransport(maxMessageBytes: maxMessageBytes, channel: channel, logger: logger)
    let toolbox = Toolbox(
      engine: engine, sessions: MCPSessions(engine: engine), maxQuestionBytes: maxQuestionBytes)
    let resources = KnowledgeResources(knowledge: engine.resources.knowledge)

    let server = Server(
      name: "faqbot", version: FAQBotVersion.string, title: "faqbot",
      instructions: """
        faqbot answers questions from one document only, "\(engine.resources.knowledge.document.title)", \
        citing its sections. Use `ask` for answers, `search` to find passages, `topics` for \
        what it covers and `get_section` to read a section. It says when the document does not \
        cover a question, declines dosing requests, and answers crisis messages with \
        emergency help first. \(engine.resources.pack.settings.shownDisclaimer)
        """,
      capabilities: Server.Capabilities(
        resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)),
      // Lenient: the transport refuses requests before `initialize` itself (see there why).
      configuration: .default)
    let tools = toolbox.catalog.tools
    await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: tools) }
    await server.withMethodHandler(CallTool.self) { try await toolbox.call($0) }
    await server.withMethodHandler(ListResources.self) { _ in ListResources.Result(resources: resources.list)
    }
    await server.withMethodHandler(ListResourceTemplates.self) { _ in
      ListResourceTemplates.Result(templates: [])
    }
    await server.withMethodHandler(ReadResource.self) { try resources.read($0.uri) }

    try await server.start(transport: transport)
    await server.waitUntilCompleted()
  }
}
