import FAQBot
import MCP

/// What each tool does with its arguments: every call goes to the engine's public API (the
/// same `respond` the JSON front calls, `search`, the knowledge base) and comes back as a
/// tool result. Argument mistakes come back as results with `isError: true`; an unknown tool
/// is a JSON-RPC error (invalid params), as MCP specifies.
struct Toolbox: Sendable {
  let engine: Engine
  let sessions: MCPSessions
  let catalog: ToolCatalog
  private let answers: AnswerContent
  private let topicIndex: TopicIndex

  init(engine: Engine, sessions: MCPSessions, maxQuestionBytes: Int) {
    self.engine = engine
    self.sessions = sessions
    let knowledge = engine.resources.knowledge
    let pack = engine.resources.pack
    self.catalog = ToolCatalog(
      documentTitle: knowledge.document.title, maxQuestionBytes: maxQuestionBytes,
      disclaimer: pack.settings.shownDisclaimer, builtInCrisisReply: engine.resources.crisisReply.isBuiltIn,
      declines: pack.intents.filter { $0.kind == .decline }.map {
        $0.id.replacingOccurrences(of: "_", with: " ")
      })
    self.answers = AnswerContent(knowledge: knowledge)
    self.topicIndex = TopicIndex(pack: engine.resources.pack, knowledge: knowledge, kinds: [.faq])
  }

  func call(_ parameters: CallTool.Parameters) async throws -> CallTool.Result {
    do {
      switch parameters.name {
      case ToolCatalog.ask: return try await ask(parameters.arguments)
      case ToolCatalog.search: return try search(parameters.arguments)
      case ToolCatalog.topics: return try topics(parameters.arguments)
      case ToolCatalog.getSection: return try section(parameters.arguments)
      default:
        let names = catalog.tools.map(\.name).joined(separator: ", ")
        throw MCPError.invalidParams("Unknown tool: \(parameters.name) (the tools are: \(names))")
      }
    } catch let error as MCPToolError {
      return ToolResult.failure(error)
    }
  }

  private func ask(_ values: [String: Value]?) async throws(MCPToolError) -> CallTool.Result {
    let arguments = try ToolArguments(values, allowed: ["question", "session"])
    let question = try text(arguments.requiredString("question"), argument: "question")
    let session = try arguments.string("session")
    let answer: Answer
    if let session {
      answer = await sessions.respond(to: question, session: session)
    } else {
      answer = engine.respond(to: question)
    }
    return ToolResult.success(answers.text(answer), structured: answers.structured(answer))
  }

  private func search(_ values: [String: Value]?) throws(MCPToolError) -> CallTool.Result {
    let arguments = try ToolArguments(values, allowed: ["query", "limit"])
    let query = try text(arguments.requiredString("query"), argument: "query")
    let limit = try arguments.integer("limit", in: ToolCatalog.searchLimits) ?? 5
    // A search query is a message too: a crisis in it gets emergency help, not passages.
    if let crisis = engine.crisisAnswer(to: query) {
      return ToolResult.success(
        answers.text(crisis),
        structured: .object([
          "query": .string(query), "results": .array([]), "emergency": .bool(true),
          "safety": .string(crisis.text),
        ]))
    }
    let matches = engine.search(query, limit: limit)
    let results: [Value] = matches.map { match in
      .object([
        "id": .string(match.passage.id),
        "section_id": .string(match.passage.sectionId),
        "section": .string(match.passage.sectionTitle),
        "score": .double((match.score * 10_000).rounded() / 10_000),
        "coverage": .double((match.coverage * 10_000).rounded() / 10_000),
        "text": .string(match.passage.text),
      ])
    }
    let text =
      matches.isEmpty
      ? "No passage of the document matches \"\(query)\"."
      : matches.map { "[\($0.passage.id)] (\($0.passage.sectionTitle)) \($0.passage.text)" }
        .joined(separator: "\n\n")
    return ToolResult.success(
      text, structured: .object(["query": .string(query), "results": .array(results)]))
  }

  private func topics(_ values: [String: Value]?) throws(MCPToolError) -> CallTool.Result {
    _ = try ToolArguments(values, allowed: [])
    let sections = Set(engine.resources.knowledge.document.sections.map(\.id))
    let groups: [Value] = topicIndex.groups.map { group in
      .object([
        "section_id": sections.contains(group.key) ? .string(group.key) : .null,
        "title": .string(group.title),
        "questions": .array(group.questions.map(Value.string)),
      ])
    }
    let text = topicIndex.groups.map { group in
      let heading = sections.contains(group.key) ? "\(group.title) [\(group.key)]" : group.title
      return heading + "\n" + group.questions.map { "- \($0)" }.joined(separator: "\n")
    }.joined(separator: "\n\n")
    return ToolResult.success(text, structured: .object(["topics": .array(groups)]))
  }

  private func section(_ values: [String: Value]?) throws(MCPToolError) -> CallTool.Result {
    let arguments = try ToolArguments(values, allowed: ["id"])
    let id = try arguments.requiredString("id")
    let knowledge = engine.resources.knowledge
    let sections = knowledge.document.sections
    guard let sectionId = knowledge.passage(id)?.sectionId,
      let section = sections.first(where: { $0.id == sectionId })
    else { throw .unknownSection(id, known: sections.map(\.id)) }
    let content = SectionContent(section: section, knowledge: knowledge)
    return ToolResult.success(content.markdown, structured: content.structured)
  }

  /// A question or query as the engine takes it: not empty, and not so long that reading it
  /// is the cost (the engine matches on the first `--max-question-chars` anyway).
  private func text(_ value: String, argument: String) throws(MCPToolError) -> String {
    let bytes = value.utf8.count
    if bytes > catalog.maxQuestionBytes {
      throw .tooLong(argument: argument, bytes: bytes, limit: catalog.maxQuestionBytes)
    }
    if value.allSatisfy(\.isWhitespace) { throw .emptyArgument(argument) }
    return value
  }
}
