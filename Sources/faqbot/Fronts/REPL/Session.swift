import FAQBot

extension REPL {
  /// One person's conversation: what a line of input means and what to show for it.
  ///
  /// It knows nothing about terminals, so everything it decides can be reasoned about on its
  /// own; ``REPLFront`` reads lines and writes what it returns. Every answer comes from the
  /// engine, and commands only read the engine's resources.
  struct Session {
    /// What to show for one line, and what it changes outside the conversation.
    struct Reply: Equatable {
      var paragraphs: [Paragraph] = []
      var quits = false
      /// What history keeps for the line: the question a number stood for, so that recalling
      /// it later asks the same thing even when the numbers have changed.
      var historyEntry: String?
    }

    let engine: Engine
    let topics: TopicIndex
    /// For `/help`: where history goes, or why it does not.
    var historyNote: String
    private(set) var context = ConversationContext()
    /// The numbered suggestions on screen, which a bare number asks.
    private(set) var offers: [String] = []

    init(engine: Engine, historyNote: String) {
      self.engine = engine
      self.topics = TopicIndex(pack: engine.resources.pack, knowledge: engine.resources.knowledge)
      self.historyNote = historyNote
    }

    /// Answers one line. `echoing` repeats the question first, for the lines of a paste,
    /// whose questions are not each next to their answer on the screen.
    mutating func respond(to line: String, echoing: Bool = false) -> Reply {
      let entry = REPL.trimmed(line)
      let input = Input(line)
      // A command is not a question, but a crisis typed as one ("/ i want to die") still gets
      // emergency help first, and stays out of the history file like any crisis message.
      if input.isCommand, let crisis = engine.crisisAnswer(to: entry, context: &context) {
        offers = crisis.suggestions
        return Reply(paragraphs: Self.paragraphs(of: crisis, engine: engine, offers: offers))
      }
      switch input {
      case .blank:
        return Reply()
      case .question(let question):
        var reply = ask(question)
        if echoing { reply.paragraphs.insert(Self.echo(question), at: 0) }
        reply.historyEntry = keepsHistory ? entry : nil
        return reply
      case .suggestion(let number):
        guard offers.indices.contains(number - 1) else {
          let note =
            offers.isEmpty
            ? "There are no numbered suggestions to pick from; ask a question."
            : "There is no suggestion \(number); pick 1 to \(offers.count), or ask a question."
          return Reply(paragraphs: [Paragraph(text: note, tone: .note)], historyEntry: entry)
        }
        let question = offers[number - 1]
        var reply = ask(question)
        reply.paragraphs.insert(Self.echo(question), at: 0)
        reply.historyEntry = keepsHistory ? question : nil
        return reply
      case .command(let command, let argument):
        var reply = run(command, argument: argument)
        reply.historyEntry = entry
        return reply
      case .unknownCommand(let name):
        let paragraphs = [
          Paragraph(text: "Unknown command \(name).", tone: .warning),
          Paragraph(text: "Commands: \(Command.listing)  (/help explains them)"),
        ]
        return Reply(paragraphs: paragraphs, historyEntry: entry)
      }
    }

    /// False after a crisis answer: a crisis message is never written to the history file,
    /// which a shared terminal would keep in plain text. The engine's answer kind says so;
    /// the front does not read the message itself.
    private var keepsHistory: Bool { context.lastAnswer?.kind != .safety }

    /// The banner: who is talking, on which pack, how to get help, and what the answers are
    /// not (the pack's `disclaimer:`: a Homebrew FAQ is not "medical advice" either way).
    static func banner(packName: String, disclaimer: String) -> [Paragraph] {
      [
        Paragraph(text: "faqbot \(FAQBotVersion.string)", tone: .strong),
        Paragraph(text: packName, tone: .dim, prefix: "Pack: "),
        Paragraph(text: "Type /help for commands, or ask a question. Ctrl-D leaves."),
        Paragraph(text: disclaimer, tone: .note),
        .blank,
      ]
    }

    /// A question `/help` offers as an example: the pack's first answerable intent's first
    /// example, else (a pack without intents) the document's first section title; nil when
    /// the pack has neither.
    static func exampleQuestion(_ resources: EngineResources) -> String? {
      if let intent = resources.pack.intents.first(where: { $0.kind == .faq }),
        let example = intent.examples.first
      {
        return example
      }
      return resources.knowledge.document.sections.first { !$0.title.isEmpty && !$0.paragraphs.isEmpty }?
        .title
    }

    /// A question repeated above its answer; a pasted page is shortened to its start.
    private static func echo(_ question: String) -> Paragraph {
      let shown = question.count > 120 ? String(question.prefix(120)) + "…" : question
      return Paragraph(text: shown, tone: .dim, prefix: "-> ")
    }

    // MARK: - Answers

    private mutating func ask(_ question: String) -> Reply {
      let answer = engine.respond(to: question, context: &context)
      offers = answer.suggestions
      return Reply(paragraphs: Self.paragraphs(of: answer, engine: engine, offers: offers))
    }

    /// How `answer` is shown, with `offers` numbered under it.
    private static func paragraphs(of answer: Answer, engine: Engine, offers: [String]) -> [Paragraph] {
      var paragraphs: [Paragraph] = []
      if answer.kind == .safety {
        // A bar down the left edge keeps the crisis answer unmistakable without colour too.
        paragraphs.append(
          Paragraph(
            text: "IMPORTANT: please read this first.", tone: .safety, prefix: "! ", continuation: "! "))
        paragraphs.append(
          Paragraph(text: answer.text, tone: .strong, prefix: "! ", prefixTone: .safety, continuation: "! "))
      } else {
        paragraphs.append(Paragraph(text: answer.text))
      }
      if answer.kind == .knowledge {
        paragraphs.append(
          Paragraph(
            text: "(No prepared answer matched; this is the closest passage of the document.)", tone: .note))
      }
      if answer.truncated {
        let limit = Figures.grouped(engine.configuration.maxQuestionCharacters)
        paragraphs.append(
          Paragraph(
            text: "(Your message was long, so I read only its first \(limit) characters.)", tone: .note))
      }
      var sections: [String] = []
      for source in answer.sources where !sections.contains(source.section) {
        sections.append(source.section)
      }
      if !sections.isEmpty {
        let label = sections.count == 1 ? "Source: " : "Sources: "
        paragraphs.append(Paragraph(text: sections.joined(separator: "; "), tone: .dim, prefix: label))
      }
      if !offers.isEmpty {
        let heading =
          answer.kind == .fallback ? "Did you mean (type a number):" : "You could also ask (type a number):"
        paragraphs.append(Paragraph(text: heading, tone: .dim))
        for (index, offer) in offers.enumerated() {
          paragraphs.append(Paragraph(text: offer, prefix: "  \(index + 1). ", prefixTone: .number))
        }
      }
      return paragraphs
    }

    // MARK: - Commands

    private mutating func run(_ command: Command, argument: String) -> Reply {
      switch command {
      case .help: return Reply(paragraphs: help())
      case .topics: return Reply(paragraphs: listTopics(argument))
      case .why: return Reply(paragraphs: why())
      case .sources: return Reply(paragraphs: sources())
      case .reset:
        context.reset()
        offers = []
        let note = "Forgotten: the next question starts a new conversation."
        return Reply(paragraphs: [Paragraph(text: note, tone: .note)])
      case .quit, .exit: return Reply(quits: true)
      }
    }

    private func help() -> [Paragraph] {
      func entry(_ name: String, _ text: String) -> Paragraph {
        let padded = name + String(repeating: " ", count: max(1, 17 - name.count))
        return Paragraph(text: text, prefix: "  " + padded, prefixTone: .strong)
      }
      let kinds = TopicIndex.kindGroups.map(\.key).joined(separator: ", ")
      let example = Self.exampleQuestion(engine.resources).map { ", for example \"\($0)\"" } ?? ""
      return [
        Paragraph(text: "Ask a question in your own words\(example)."),
        Paragraph(text: "Commands:", tone: .heading),
        entry("/help", "this help"),
        entry(
          "/topics [NAME]",
          "what you can ask, grouped by section of the document. NAME is a section id "
            + "(Tab completes it), part of a section title, or one of \(kinds)"),
        entry(
          "/why",
          "why the last answer was given: the top candidates and their confidence, the words that "
            + "weighed most, the threshold, and why this kind of answer"),
        entry("/sources", "the passages of the document behind the last answer"),
        entry("/reset", "forget the conversation so far (what \"tell me more\" and \"it\" refer to)"),
        entry("/quit, /exit", "leave; so does Ctrl-D on an empty line"),
        Paragraph(text: "A number on its own asks the numbered suggestion shown after the last answer."),
        Paragraph(
          text:
            "Editing is GNU readline's: Emacs keys, or vi keys with \"set editing-mode vi\" in ~/.inputrc "
            + "(\"$if faqbot\" sections apply only here). Up and Down recall earlier lines, Ctrl-R searches "
            + "them, Tab completes commands and topic names, Ctrl-C clears the line."),
        Paragraph(text: historyNote, prefix: "History: "),
        Paragraph(text: engine.resources.pack.settings.shownDisclaimer, tone: .note),
      ]
    }

    private func listTopics(_ name: String) -> [Paragraph] {
      let groups: [TopicIndex.Group]
      var paragraphs: [Paragraph] = []
      if name.isEmpty {
        groups = topics.groups
        let heading = "What you can ask, by section of the document (/topics NAME shows one):"
        paragraphs.append(Paragraph(text: heading, tone: .heading))
      } else {
        groups = topics.groups(named: name)
        if groups.isEmpty {
          return [
            Paragraph(text: "No topic matches \"\(name)\".", tone: .warning),
            Paragraph(text: topics.keys.joined(separator: ", "), prefix: "Topics: "),
          ]
        }
      }
      for group in groups {
        paragraphs.append(Paragraph(text: "\(group.title) [\(group.key)]", tone: .heading))
        for question in group.questions { paragraphs.append(Paragraph(text: question, prefix: "  - ")) }
      }
      return paragraphs
    }

    private func why() -> [Paragraph] {
      guard let explanation = engine.explanation(of: context) else {
        let note = "Nothing to explain yet: /why explains the last answer. Ask a question first."
        return [Paragraph(text: note, tone: .note)]
      }
      return ExplanationRenderer(pack: engine.resources.pack).paragraphs(explanation)
    }

    private func sources() -> [Paragraph] {
      guard let answer = context.lastAnswer else {
        let note = "Nothing answered yet: /sources shows where the last answer comes from."
        return [Paragraph(text: note, tone: .note)]
      }
      guard !answer.sources.isEmpty else {
        return [Paragraph(text: "The last answer does not quote the document.", tone: .note)]
      }
      var paragraphs: [Paragraph] = []
      for source in answer.sources {
        let passage = engine.resources.knowledge.passage(source.id)
        let title = passage?.sectionTitle ?? source.section
        paragraphs.append(Paragraph(text: "\(title) [\(source.id)]", tone: .heading))
        if let passage { paragraphs.append(Paragraph(text: passage.text, prefix: "  ")) }
      }
      return paragraphs
    }
  }
}
