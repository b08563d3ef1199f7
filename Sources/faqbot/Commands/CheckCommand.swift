import ArgumentParser
import FAQBot

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate an intent pack against its knowledge file and print a summary with warnings.",
    discussion: """
      Loads the intents (the default ones, or every *.yaml/*.yml of --intents DIR, with DIR's \
      pack.yaml as the pack's settings) against the knowledge file (the default one, or \
      --knowledge FILE). A pack that does not load is an error: each mistake is printed with its \
      file, line and column, in file and line order, and the exit status is 1.

      A pack that loads exits with status 0 and prints its effective settings (each with where it \
      comes from: pack.yaml's line, or the default), a summary (intents by kind, examples, \
      triggers, and the knowledge sections that intents cite and that none cites), then warnings \
      in file and line order, which never fail the check:
        duplicate-example           the same example, after normalisation (case, punctuation, \
      contractions, accents), in two intents or twice in one;
        few-examples                an intent with fewer than \(PackCheck.minimumExamples) examples;
        answered-as-another-intent  two or more examples of an intent that the bot, trained \
      without them, answers with the same other intent: the two intents overlap;
        not-answered                a third or more of an intent's examples that the bot, trained \
      without them, answers with no intent (below the threshold, or only with a passage of a \
      section the intent does not cite).
      The last two come from cross-validation: the examples are split into --folds parts and each \
      part is asked of a bot trained on the others (that many trainings, run in parallel). An \
      example the bot misses that way is one whose paraphrases users will see missed too. A reply \
      of the intent's kind from another stage counts as answered (crisis help from the crisis \
      detector, the engine's small talk, an honest "not covered"). A single example answered by \
      another intent is counted after the warnings and listed with --each-example.
      """)

  @OptionGroup var pack: PackSourceOptions

  @Option(
    parsing: .unconditional,
    help: "Parts for the cross-validated check (at least 2; 0 skips it and trains nothing).")
  var folds: Int = PackCheck.defaultFolds

  @Flag(
    help: "Also list each example answered by another intent that is the only one of its intent so answered.")
  var eachExample = false

  func validate() throws {
    if folds == 1 || folds < 0 {
      throw ValidationError(
        "--folds must be 0 (skip the cross-validated check) or at least 2 (got \(folds)).")
    }
  }

  func run() throws {
    let (knowledge, intents) = try PackLoading.load(pack.loader)
    // Without intent files the pack runs in the encoder mode unless its pack.yaml says otherwise.
    let hasIntentFiles = pack.loader.readFiles()?.hasIntentFiles ?? !intents.intents.isEmpty
    let settings = EffectiveSettings(
      settings: intents.settings, packAdvice: intents.advice, withoutIntents: !hasIntentFiles)
    print("pack: \(pack.loader.description)")
    print("settings:")
    let width = settings.entries.map(\.key.count).max() ?? 0
    for entry in settings.entries {
      let padding = String(repeating: " ", count: width - entry.key.count)
      print("  \(entry.key)\(padding)  \(entry.value)  (\(entry.source))")
    }
    let check = PackCheck(
      pack: intents, knowledge: knowledge, configuration: settings.configuration, folds: folds)
    let summary = check.summary
    let kinds = summary.intentsByKind.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: ", ")
    print("intents: \(summary.intentCount) (\(kinds))")
    print("examples: \(summary.exampleCount)")
    print("triggers: \(summary.triggerCount)")
    let document = knowledge.document
    let total = summary.referencedSections.count + summary.unreferencedSections.count
    print("knowledge: \"\(document.title)\" (\(Plural.count(total, "section")))")
    print(
      "  referenced by intents (\(summary.referencedSections.count)): \(list(summary.referencedSections))")
    print("  not referenced (\(summary.unreferencedSections.count)): \(list(summary.unreferencedSections))")
    // Every pack answers a crisis message; say with what, and which phrases the pack adds.
    let configuration = settings.configuration
    let reply = configuration.crisisReply.map { CrisisReply(localized: $0) } ?? .builtIn
    let added =
      intents.intents.filter { $0.kind == .safety }.flatMap(\.triggers) + configuration.crisisPhrases
    print("Crisis answer (\(reply.isBuiltIn ? "built-in" : "the pack's own")): \(reply.text)")
    print("  crisis phrases the pack adds to the detector: \(added.count)")
    // A team's intents on the embedded article, citing none of it, were most likely meant for
    // a document of their own: retrieval would quote the ketamine article to their users.
    let loader = pack.loader
    var knowledgeWarnings: [String] = []
    if let directory = loader.intentsDirectory, loader.knowledgePath == nil, !loader.knowledgeOnly,
      hasIntentFiles, summary.referencedSections.isEmpty
    {
      knowledgeWarnings.append(
        "\(directory): warning: no intent cites the default knowledge file (\"\(document.title)\"), "
          + "yet a question no intent answers may be answered from it: give your own document with --knowledge FILE "
          + "[knowledge]")
    }
    let warnings =
      knowledgeWarnings + settings.warnings.map { "\($0) [settings]" } + check.warnings.map(\.description)
    var counts = check.warningCounts.map { "\($0.count) \($0.kind.rawValue)" }
    if !settings.warnings.isEmpty { counts.insert("\(settings.warnings.count) settings", at: 0) }
    if !knowledgeWarnings.isEmpty { counts.insert("\(knowledgeWarnings.count) knowledge", at: 0) }
    print(
      "warnings: \(warnings.count)"
        + (warnings.isEmpty ? "" : " (\(counts.joined(separator: ", ")); they do not fail the check)"))
    for warning in warnings { print("  \(warning)") }
    let singles = check.singleConfusions
    guard !singles.isEmpty else { return }
    print(
      "\(Plural.count(singles.count, "more example")) answered by another intent, each the only one of "
        + "its intent answered by that intent (usually an unusual wording, not an overlap)"
        + (eachExample ? ":" : "; --each-example lists them"))
    if eachExample { for single in singles { print("  \(single.location): note: \(single.message)") } }
  }

  private func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: ", ") }
}
