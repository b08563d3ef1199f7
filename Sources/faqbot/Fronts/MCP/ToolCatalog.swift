import FAQBot
import MCP

/// The tools `faqbot mcp` offers, with descriptions written for a model choosing among tools:
/// what document they answer from, that dosing and similar requests are declined, and that
/// an uncovered question gets an honest "I don't know" rather than a guess.
struct ToolCatalog: Sendable {
  /// The knowledge document's title, named in every description.
  let documentTitle: String
  /// The longest question `ask` and `search` accept, in UTF-8 bytes.
  let maxQuestionBytes: Int
  /// What the answers are not, in the pack's words (pack.yaml's `disclaimer`).
  var disclaimer = PackSettings.defaultDisclaimer
  /// Whether crisis help is the engine's built-in text (988 in the US) or the pack's own.
  var builtInCrisisReply = true
  /// The pack's decline intents, as words ("recreational use", "obtaining"): what it refuses
  /// besides the doses every pack declines.
  var declines: [String] = []

  private var declined: String {
    let own = declines.filter { $0 != "dosing" }
    return "doses of a medicine or drug"
      + (own.isEmpty ? "" : ", and what the pack declines (\(own.joined(separator: ", ")))")
  }

  private var emergencyHelp: String {
    builtInCrisisReply
      ? "call or text 988 in the US, or local emergency services" : "the pack's emergency numbers"
  }

  static let ask = "ask"
  static let search = "search"
  static let topics = "topics"
  static let getSection = "get_section"
  static let searchLimits = 1...20

  var tools: [Tool] {
    let readOnly = Tool.Annotations(readOnlyHint: true, destructiveHint: false, openWorldHint: false)
    return [
      Tool(
        name: Self.ask, title: "Ask the FAQ bot",
        description: """
          Answers a question in plain words from one document only, "\(documentTitle)", \
          quoting or paraphrasing it and citing the sections and passage ids the answer comes \
          from. Use it for questions about that document's subject. It says "I don't know" when \
          the document does not cover the question (it never answers from general knowledge), \
          and it declines requests for \(declined). A message about suicide, self-harm or \
          overdose gets emergency help first (\(emergencyHelp)), marked EMERGENCY and with \
          `emergency: true`. \(disclaimer) Pass the same `session` id on follow-up questions ("how long do they \
          last?") so they are understood in context. Structured result: kind (intent, \
          knowledge, fallback, safety), intent, confidence, answer, sources (id, section, \
          section_id, quoted text), candidates, suggestions, truncated, emergency.
          """,
        inputSchema: .object([
          "type": "object",
          "properties": .object([
            "question": .object([
              "type": "string", "minLength": 1, "maxLength": .int(maxQuestionBytes),
              "description": "The question, in plain words, as a person would ask it.",
            ]),
            "session": .object([
              "type": "string",
              "description": """
              Conversation id, any string you choose: questions with the same id are \
              answered in the context of the earlier ones. Omit for a one-off question.
              """,
            ]),
          ]),
          "required": ["question"],
          "additionalProperties": false,
        ]),
        annotations: readOnly),
      Tool(
        name: Self.search, title: "Search the document",
        description: """
          Full-text search (BM25) over the passages of "\(documentTitle)": returns the best \
          sentences and paragraphs with their ids, section titles, scores and text, best first. \
          Use it to find and quote exact wording; use `ask` for an answer. An empty result means \
          the document does not mention the words.
          """,
        inputSchema: .object([
          "type": "object",
          "properties": .object([
            "query": .object([
              "type": "string", "minLength": 1, "maxLength": .int(maxQuestionBytes),
              "description": "Words to look for.",
            ]),
            "limit": .object([
              "type": "integer", "minimum": .int(Self.searchLimits.lowerBound),
              "maximum": .int(Self.searchLimits.upperBound), "default": 5,
              "description": "How many passages to return (default 5).",
            ]),
          ]),
          "required": ["query"],
          "additionalProperties": false,
        ]),
        annotations: readOnly),
      Tool(
        name: Self.topics, title: "List the topics",
        description: """
          Lists what `ask` can answer from "\(documentTitle)", by section of the document: each \
          section's id and title with example questions. Questions it declines and crisis help \
          are not listed.
          """,
        inputSchema: .object([
          "type": "object", "properties": .object([:]), "additionalProperties": false,
        ]),
        annotations: readOnly),
      Tool(
        name: Self.getSection, title: "Read a section",
        description: """
          Returns one section of "\(documentTitle)" in full: its title and every paragraph and \
          sentence with its id (the ids `ask` and `search` cite). Takes a section id, or a \
          paragraph or sentence id to get the section holding it.
          """,
        inputSchema: .object([
          "type": "object",
          "properties": .object([
            "id": .object([
              "type": "string",
              "description": "A section id (from `topics`), or a cited passage id such as a source id.",
            ])
          ]),
          "required": ["id"],
          "additionalProperties": false,
        ]),
        annotations: readOnly),
    ]
  }
}
