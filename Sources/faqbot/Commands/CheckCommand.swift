import ArgumentParser
import FAQBot

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate an intent pack against its knowledge file and print a summary with warnings.",
    discussion: """
      Loads the intents (the default ones, or every *.yaml/*.yml of --intents DIR) against the \
      knowledge file (the default one, or --knowledge FILE). A pack that does not load is an error: \
      each mistake is printed with its file, line and column, and the exit status is 1.

      A pack that loads exits with status 0 and prints a summary (intents by kind, examples, \
      triggers, and the knowledge sections that intents cite and that none cites), then warnings, \
      which never fail the check:
        duplicate-example         the same example, after normalisation (case, punctuation, \
      contractions, accents), in two intents or twice in one;
        few-examples              an intent with fewer than \(PackCheck.minimumExamples) examples;
        closer-to-another-intent  an example whose TF-IDF vector (the matcher's own features) is \
      clearly more similar to another intent's centroid than to the centroid of its own intent's \
      other examples: by at least \(PackCheck.closenessMargin) (cosine), and at least \
      \(PackCheck.closenessFloor) similar to the other intent. Examples of one intent are varied \
      paraphrases, so a bare "more similar" would flag a third of a good pack.
      Small talk and safety intents are left out of the closer-to-another-intent comparison: small \
      talk is short function-word phrases that sit near everything, and safety intents are matched \
      by their triggers first and must keep every phrasing of a crisis.
      """)

  @OptionGroup var pack: PackSourceOptions

  func run() throws {
    // No model is trained: the check needs only the analyzer and the TF-IDF feature space.
    let (knowledge, intents) = try PackLoading.load(pack.loader)
    let check = PackCheck(pack: intents, knowledge: knowledge)
    let summary = check.summary
    print("pack: \(pack.loader.description)")
    let kinds = summary.intentsByKind.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: ", ")
    print("intents: \(summary.intentCount) (\(kinds))")
    print("examples: \(summary.exampleCount)")
    print("triggers: \(summary.triggerCount)")
    let document = knowledge.document
    let total = summary.referencedSections.count + summary.unreferencedSections.count
    print("knowledge: \"\(document.title)\" (\(total) sections)")
    print(
      "  referenced by intents (\(summary.referencedSections.count)): \(list(summary.referencedSections))")
    print("  not referenced (\(summary.unreferencedSections.count)): \(list(summary.unreferencedSections))")
    // Every pack answers a crisis message; say with what, and which phrases the pack adds.
    let configuration = EngineConfiguration()
    let reply = configuration.crisisReply.map { CrisisReply(localized: $0) } ?? .builtIn
    let added =
      intents.intents.filter { $0.kind == .safety }.flatMap(\.triggers) + configuration.crisisPhrases
    print("Crisis answer (\(reply.isBuiltIn ? "built-in" : "the pack's own")): \(reply.text)")
    print("  crisis phrases the pack adds to the detector: \(added.count)")
    print("warnings: \(check.warnings.count)\(check.warnings.isEmpty ? "" : " (they do not fail the check)")")
    for warning in check.warnings { print("  \(warning)") }
  }

  private func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: ", ") }
}
