import ArgumentParser
import FAQBot
import Foundation

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Draft a pack for your own document: knowledge file, intents, settings and a starter eval set.",
    discussion: """
      Builds DOC's knowledge file (as `faqbot knowledge build` does) and drafts a pack to edit \
      rather than write from nothing, in DIR (default: DOC's name with -pack):
        knowledge.json               the document's sections, paragraphs and sentences;
        intents/pack.yaml            the pack's settings: name, threshold, emergency text, mode;
        intents/01-document.yaml     one intent per section: the id from its heading, example \
      questions drafted from the heading and the section's key words and sentences, an answer \
      citing its first passages, and comments saying what to add;
        intents/02-safety.yaml       the crisis intent every pack needs;
        intents/03-declines.yaml     with --health: declines of dosing, recreational use, obtaining;
        intents/04-not-covered.yaml  an honest "not covered" for other subjects;
        intents/05-smalltalk.yaml    greetings, thanks, goodbye, who are you;
        eval.jsonl                   a starter evaluation set, to replace with real questions.
      Then: `faqbot check --intents DIR/intents --knowledge DIR/knowledge.json` and `faqbot eval` \
      guide the edits, and `faqbot chat --watch` with the same options shows each edit at once.
      """)

  @Argument(help: "The document (Markdown or plain text).", completion: .file())
  var document: String

  @Option(name: .shortAndLong, help: "The directory to write the pack into.", completion: .directory)
  var output: String?

  @Flag(help: "A health document: also draft declines of dosing, recreational use and obtaining the drug.")
  var health = false

  @Flag(help: "Write into a directory that already holds files (replacing the draft's files).")
  var force = false

  func run() throws {
    let directory =
      output ?? URL(fileURLWithPath: document).deletingPathExtension().lastPathComponent + "-pack"
    let manager = FileManager.default
    if FileIO.kind(of: directory) == .file {
      throw CLIError("\(directory) is a file; give -o a directory for the pack (it is created if missing)")
    }
    if let existing = try? manager.contentsOfDirectory(atPath: directory), !existing.isEmpty, !force {
      throw CLIError(
        "\(directory) already holds files (its intents may have been edited); use --force to write into it")
    }
    let knowledge = try KnowledgeCommand.build(document)
    let draft = PackDraft(document: knowledge, options: .init(health: health))
    let root = URL(fileURLWithPath: directory)
    let knowledgePath = root.appendingPathComponent("knowledge.json").path
    do {
      try manager.createDirectory(
        at: root.appendingPathComponent("intents"), withIntermediateDirectories: true)
      try FileIO.writeAtomically(KnowledgeFile.encode(knowledge), to: knowledgePath)
      for file in draft.files(knowledgeFileName: "knowledge.json") {
        try FileIO.writeAtomically(Array(file.text.utf8), to: root.appendingPathComponent(file.path).path)
      }
    } catch {
      throw CLIError("\(directory): cannot write the pack: \(FileIO.reason(error))")
    }
    let intentsPath = root.appendingPathComponent("intents").path
    // The draft must load as it is: a mistake here is faqbot's, not the author's.
    let (_, pack) = try PackLoading.load(
      PackLoader(knowledgePath: knowledgePath, intentsDirectory: intentsPath))
    let sections = draft.sectionIntents.count
    print(
      "wrote \(directory): \(Plural.count(knowledge.sections.count, "section")), "
        + "\(Plural.count(pack.intents.count, "intent")) (\(Plural.count(sections, "drafted from a section", "drafted from sections"))), "
        + "\(Plural.count(pack.intents.reduce(0) { $0 + $1.examples.count }, "example"))")
    for section in draft.emptySections {
      print("  section '\(section.id)' has no text the knowledge builder kept: no intent cites it")
    }
    let options = "--intents \(intentsPath) --knowledge \(knowledgePath)"
    print(
      """
      next:
        1. edit \(intentsPath)/01-document.yaml: add your users' questions to each intent
        2. faqbot check \(options)
        3. replace \(directory)/eval.jsonl with real questions, then faqbot eval \(directory)/eval.jsonl \(options)
        4. faqbot chat --watch \(options)   (reloads on every save)
      """)
  }
}
