import FAQBotCore
import FAQBotKnowledge
import Foundation

/// The first draft of a pack for a document, which `faqbot init` writes for a team to edit
/// instead of writing a pack from nothing.
///
/// One intent per section of the knowledge file: its id from the heading, example questions
/// drafted from the heading and from the section's key words and sentences (those most
/// particular to it among the document's sections), and an answer that cites the section's
/// first passages. Around them, the intents nearly every document needs: a crisis intent (every
/// faqbot pack puts emergency help first), small talk, an honest "not covered" for off-topic
/// questions, and, for a health document, declines of dosing, recreational use and obtaining
/// the drug. Comments in the files say what to add; nothing here invents facts.
public struct PackDraft: Sendable {
  /// Choices a team makes for its draft.
  public struct Options: Sendable {
    /// Add the declines a health document needs (dosing, recreational use, obtaining).
    public var health = false
    /// How many key sentences of a section become examples.
    public var sentenceExamples = 40
    /// Options for a health document or not, with the other choices at their defaults.
    public init(health: Bool = false) { self.health = health }
  }

  /// One file of the draft: a path relative to the pack directory and its text.
  public struct File: Sendable, Equatable {
    /// Relative to the pack directory, e.g. `intents/01-document.yaml`.
    public var path: String
    /// The file's whole content.
    public var text: String
  }

  /// A drafted intent for one section, before it is written out.
  public struct SectionIntent: Sendable, Equatable {
    /// The intent's id, made from the section's and unique within the draft.
    public var id: String
    /// The knowledge-file section the intent is drafted from.
    public var sectionId: String
    /// The section's heading as plain text.
    public var title: String
    /// Questions drafted from the heading, key words and key sentences; never empty. A sentence
    /// repeated in two sections stays with the first.
    public var examples: [String]
    /// The passage ids the answer cites: the section's first paragraph, and the second when the
    /// first is a short lead-in; for a longer section, the section itself (``bestParagraph``).
    public var knowledge: [String]
    /// Whether the answer is `section:`, the paragraph of the section that best answers the
    /// question asked: a section of more paragraphs than its first answer holds, whose drafted
    /// examples come from all of them ("what does a replacement card cost" got the section's
    /// first paragraph, on getting a card for free).
    public var bestParagraph: Bool
    /// How many paragraphs the section has, shown in the file's comment for the author.
    public var paragraphCount: Int
  }

  /// The document the draft is made for.
  public let document: KnowledgeDocument
  /// The options the draft was made with.
  public let options: Options
  /// One intent per section with text, in document order.
  public let sectionIntents: [SectionIntent]
  /// Sections without text that the builder kept: no intent can cite them.
  public let emptySections: [KnowledgeDocument.Section]

  /// Drafts the section intents of `document` at once; the files are written on request.
  public init(document: KnowledgeDocument, options: Options = .init()) {
    self.document = document
    self.options = options
    let sections = document.sections.filter { !$0.paragraphs.isEmpty }
    emptySections = document.sections.filter(\.paragraphs.isEmpty)
    let keys = SectionKeys(sections: sections)
    var used: Set<String> = []
    // An example in two intents teaches the matcher only confusion (`faqbot check` warns
    // about it): a sentence repeated in two sections stays with the first.
    var seen: Set<String> = []
    let normalizer = TextNormalizer()
    sectionIntents = sections.enumerated().map { index, section in
      let id = Self.uniqueId(Self.intentId(section.id), used: &used)
      var examples = Self.questions(fromTitle: DraftText.plain(section.title))
      let words = keys.keyWords(of: index, count: 6)
      if words.count >= 2 { examples.append(words.prefix(3).joined(separator: " ")) }
      if words.count >= 5 { examples.append(words.dropFirst(3).prefix(3).joined(separator: " ")) }
      examples += keys.keySentences(of: index, count: options.sentenceExamples).map(DraftText.shortened)
      examples = examples.filter {
        !$0.isEmpty && seen.insert(normalizer.words($0).joined(separator: " ")).inserted
      }
      // Two sections with the same heading and no sentences of their own: the intent still needs one.
      if examples.isEmpty { examples = [DraftText.plain(section.title)] }
      // The first paragraph, and the second when the first is only a short lead-in; a section
      // with more than those, the paragraph that best answers each question.
      var knowledge = [section.paragraphs[0].id]
      if section.paragraphs[0].text.count < 160, section.paragraphs.count > 1 {
        knowledge.append(section.paragraphs[1].id)
      }
      let bestParagraph = section.paragraphs.count > knowledge.count
      return SectionIntent(
        id: id, sectionId: section.id, title: DraftText.plain(section.title), examples: examples,
        knowledge: bestParagraph ? [section.id] : knowledge, bestParagraph: bestParagraph,
        paragraphCount: section.paragraphs.count)
    }
  }

  /// Every file of the draft's intents directory (pack.yaml first), plus the starter `eval.jsonl`.
  public func files(knowledgeFileName: String) -> [File] {
    var files = [
      File(path: "intents/pack.yaml", text: settingsFile()),
      File(path: "intents/01-document.yaml", text: documentFile()),
      File(path: "intents/02-safety.yaml", text: DraftTemplates.safety),
      File(path: "intents/04-not-covered.yaml", text: DraftTemplates.notCovered(title: title)),
      File(path: "intents/05-smalltalk.yaml", text: DraftTemplates.smalltalk(title: title)),
      File(path: "eval.jsonl", text: evalFile()),
    ]
    if options.health {
      files.insert(File(path: "intents/03-declines.yaml", text: DraftTemplates.healthDeclines), at: 3)
    }
    return files
  }

  var title: String { DraftText.plain(document.title) }

  func settingsFile() -> String {
    """
    # Settings of this pack (faqbot reads pack.yaml as settings, never as intents; command-line
    # flags override them). `faqbot check --intents DIR` shows the effective values.
    name: \(DraftText.quoted(title))
    description: \(DraftText.quoted("Answers questions from \"\(title)\", and only from it."))
    # The confidence an intent needs to be answered. Tune it with `faqbot eval` on questions
    # real users asked (the output names the best threshold for them).
    threshold: \(PackDraft.draftThreshold)
    # encoder (the all-MiniLM-L6-v2 sentence encoder beside the linear classifier: better at
    # paraphrases, a few milliseconds a question) or fast (TF-IDF features and the linear
    # classifier alone, microseconds a question, for throughput).
    mode: encoder
    # The crisis text shown first for a message about suicide, self-harm or overdose: put the
    # emergency numbers of your users' countries here.
    emergency: \(DraftText.quoted(DraftTemplates.emergency))
    advice: \(DraftText.quoted(options.health
      ? "For advice about your own situation, please ask a qualified healthcare professional."
      : "For anything the document does not cover, please ask the people who maintain it."))
    # What the answers are not, shown in the chat's banner and to MCP clients.
    disclaimer: \(DraftText.quoted(options.health
      ? "This is general information from one document, not medical advice."
      : PackSettings.defaultDisclaimer))

    """
  }

  /// The threshold a draft starts with, in the encoder mode it asks for (the encoder mode's
  /// default). Chosen on the tune questions of Benchmarks/documents (BENCHMARKS.md, "Your own
  /// document"): the draft in the encoder mode at 0.5 answered 37 of 81 right and 22 of 27 not
  /// covered honestly, against 26 and 21 in the fast mode at 0.25, the draft's values before;
  /// 0.35 to 0.45 answered up to 7 more right for up to 6 fewer honest replies.
  public static let draftThreshold = 0.5

  func documentFile() -> String {
    var text = """
      # One intent per section of "\(title)", drafted by `faqbot init`. For each intent:
      # - add the ways your users ask about it, in their words rather than the document's: aim for
      #   10 or more varied examples (short and long, with typos); delete drafted ones that read badly;
      # - check that the cited passages answer it (`faqbot knowledge show KNOWLEDGE` lists them; a
      #   sentence id such as section.p2.s1 quotes one sentence), or write `text:` that paraphrases them;
      # - split an intent that covers several questions, merge two that users cannot tell apart.
      # Then `faqbot check --intents DIR --knowledge KNOWLEDGE` and `faqbot eval` guide you.

      """
    // A document whose sections have no text gets no section intent: an empty list, so the
    // draft still loads (a bare `intents:` is null, which the loader rightly refuses).
    text += sectionIntents.isEmpty ? "intents: []\n\n" : "intents:\n\n"
    for intent in sectionIntents {
      text +=
        "  # Section \"\(intent.title)\" (\(intent.sectionId), \(Plural.count(intent.paragraphCount, "paragraph"))).\n"
      text += "  - id: \(intent.id)\n    examples:\n"
      for example in intent.examples { text += "      - \(DraftText.quoted(example))\n" }
      text += "      # TODO: more questions as your users would ask them\n"
      if intent.bestParagraph {
        text += "    # The paragraph of the section that best answers each question; cite passages with\n"
        text += "    # `knowledge: [...]` instead to fix the answer.\n"
        text += "    answer:\n      section: \(intent.sectionId)\n\n"
      } else {
        text += "    answer:\n      knowledge: [\(intent.knowledge.joined(separator: ", "))]\n\n"
      }
    }
    for section in emptySections {
      text +=
        "  # Section \"\(DraftText.plain(section.title))\" (\(section.id)) has no text the knowledge builder kept,\n"
      text +=
        "  # so no intent can cite it: write its answer as `text:` if the document answers it elsewhere.\n\n"
    }
    return text
  }

  /// Starter evaluation lines: one question per intent and a few that must not be answered.
  /// They are only a format example: replace them with questions real users asked.
  func evalFile() -> String {
    var lines: [String] = []
    for intent in sectionIntents {
      lines.append(DraftText.evalLine(question: intent.examples[0], intent: intent.id))
    }
    for question in ["what's the weather like tomorrow", "who won the football last night"] {
      lines.append(DraftText.evalLine(question: question, intent: nil))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Questions from a heading

  /// Example questions from a heading: the heading itself and, for a question, its bare form;
  /// for a statement ("Spreading the word"), the ways people ask about a topic.
  static func questions(fromTitle title: String) -> [String] {
    let lower = title.lowercased()
    guard !lower.isEmpty else { return [] }
    var questions = [title]
    if lower.hasSuffix("?") {
      let bare = String(lower.dropLast()).trimmingCharacters(in: .whitespaces)
      questions.append(bare)
      for (prefix, replacement) in [
        ("how do i ", "how to "), ("how can i ", "how to "), ("can i ", "is it possible to "),
        ("why does ", "reason "), ("why do ", "reason "), ("why is ", "reason "), ("what is ", ""),
        ("what are ", ""), ("what does ", "meaning of "),
      ] where bare.hasPrefix(prefix) {
        questions.append(replacement + bare.dropFirst(prefix.count))
        break
      }
    } else {
      questions += ["tell me about \(lower)", "what about \(lower)?", "\(lower) tips"]
    }
    return questions
  }

  static func intentId(_ sectionId: String) -> String {
    let words = sectionId.split(separator: "-")
    return words.prefix(7).joined(separator: "_")
  }

  static func uniqueId(_ id: String, used: inout Set<String>) -> String {
    var candidate = id.isEmpty ? "section" : id
    var suffix = 2
    while used.contains(candidate) {
      candidate = "\(id)_\(suffix)"
      suffix += 1
    }
    used.insert(candidate)
    return candidate
  }
}
