import ArgumentParser
import FAQBot
import Foundation

/// Which pack a command works on: `--intents DIR` and `--knowledge FILE`, each replacing its
/// embedded default. Shared by every command that loads a pack, answering or not.
struct PackSourceOptions: ParsableArguments {
  @Option(
    name: .customLong("intents"),
    help: "A directory of intent files (*.yaml) that replaces the default intents.",
    completion: .directory)
  var intentsDirectory: String?

  @Option(
    name: .customLong("knowledge"), help: "A knowledge file that replaces the default one.",
    completion: .file(extensions: ["json"]))
  var knowledgeFile: String?

  @Flag(
    help:
      "Use no intents: answer from the knowledge file's passages alone (the same as --intents on an empty directory), in the encoder mode unless --fast is given."
  )
  var knowledgeOnly = false

  func validate() throws {
    if knowledgeOnly, intentsDirectory != nil {
      throw ValidationError("--knowledge-only and --intents cannot be used together.")
    }
    if let intentsDirectory {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: intentsDirectory, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        throw ValidationError(
          "\(intentsDirectory) is a file, not a directory: --intents takes the directory that holds the "
            + "intent files (and its pack.yaml)")
      }
    }
  }

  var loader: PackLoader {
    PackLoader(knowledgePath: knowledgeFile, intentsDirectory: intentsDirectory, knowledgeOnly: knowledgeOnly)
  }
}

/// The options every command that answers questions shares: which pack, and how strict.
struct PackOptions: ParsableArguments {
  @OptionGroup var source: PackSourceOptions

  @OptionGroup var modeOptions: ModeOptions

  // Numbers are parsed unconditionally, so that "-5" is read as a (wrong) value rather than
  // as an unknown option, which the parser reports as "Missing value".
  @Option(
    parsing: .unconditional,
    help:
      "Confidence (0...1) an intent needs to be answered (default: the pack's pack.yaml, else \(EngineConfiguration.defaultEncoderThreshold) in the encoder mode, \(EngineConfiguration.defaultThreshold) in the fast mode)."
  )
  var threshold: Double?

  @Option(
    parsing: .unconditional,
    help: "Questions longer than this many characters are matched on their first part.")
  var maxQuestionChars: Int = 2_000

  @Option(
    help: "A model file from `faqbot train` to use instead of training (it must match the pack).",
    completion: .file(extensions: ["model"]))
  var model: String?

  @Flag(help: "Train at start without reading or writing the model cache (~/.cache/faqbot).")
  var noCache = false

  /// Hidden: turns the subject check off, to measure what it changes (Benchmarks/run).
  @Flag(help: .hidden)
  var noSubjectCheck = false

  func validate() throws {
    if let threshold, !(0...1).contains(threshold) {
      throw ValidationError("--threshold must be between 0 and 1 (got \(threshold)).")
    }
    if maxQuestionChars < 1 {
      throw ValidationError("--max-question-chars must be at least 1 (got \(maxQuestionChars)).")
    }
  }

  var loader: PackLoader { source.loader }

  /// The configuration from flags other than --threshold, which ``EngineBuilder`` applies
  /// over the pack's own settings.
  var configuration: EngineConfiguration {
    var configuration = EngineConfiguration(mode: modeOptions.mode)
    configuration.maxQuestionCharacters = maxQuestionChars
    configuration.subjectCheck = !noSubjectCheck
    return configuration
  }

  /// Loads the pack and its model (from --model, the cache, or training), turning any
  /// mistake into a one-line CLI error.
  func makeEngine() throws -> Engine {
    try engineBuilder.makeEngine()
  }

  /// What makes this pack's engine; `chat --watch` runs it again whenever the files change.
  var engineBuilder: EngineBuilder {
    let cache = noCache ? nil : ModelCache.defaultDirectory(environment: ProcessInfo.processInfo.environment)
    return EngineBuilder(
      loader: loader, configuration: configuration, threshold: threshold, modeFlag: modeOptions.chosen,
      modelFile: model, cacheDirectory: cache)
  }
}

enum PackLoading {
  /// Loads the pack of `loader`, reading its files as it goes: for commands that do not
  /// cache, and to report why a pack's files cannot be read.
  static func load(_ loader: PackLoader) throws -> (KnowledgeBase, IntentPack) {
    try load(knowledge: loader.loadKnowledge, intents: loader.loadIntents(knowledge:), loader: loader)
  }

  /// Loads the pack from files already read, the ones its content hash was computed from.
  static func load(_ files: PackFiles) throws -> (KnowledgeBase, IntentPack) {
    try load(knowledge: files.loadKnowledge, intents: files.loadIntents(knowledge:), loader: files.loader)
  }

  static func knowledge(_ files: PackFiles) throws -> KnowledgeBase {
    try knowledge(files.loadKnowledge)
  }

  private static func load(
    knowledge loadKnowledge: () throws(KnowledgeError) -> KnowledgeDocument,
    intents loadIntents: (KnowledgeBase) throws(IntentPackError) -> IntentPack, loader: PackLoader
  ) throws -> (KnowledgeBase, IntentPack) {
    let knowledge = try knowledge(loadKnowledge)
    do {
      return (knowledge, try loadIntents(knowledge))
    } catch {
      // `--knowledge` alone keeps the default intents, which cite the ketamine article's
      // passages: a team's document gets a screenful of missing ids instead of what to do.
      if loader.intentsDirectory == nil, !loader.knowledgeOnly, let path = loader.knowledgePath,
        error.errors.allSatisfy({ $0.message.contains("does not exist in the knowledge file") })
      {
        throw CLIError(
          "\(path) is another document than the default intents were written for (their \(error.errors.count) "
            + "references to the ketamine article are not in it): give your own intents with --intents DIR "
            + "(`faqbot init` drafts them from the document), or answer from the document alone with --knowledge-only"
        )
      }
      // The located lines follow a header, so ArgumentParser's "Error: " prefix does not
      // run into the first of them ("Error: a.yaml:3:5: error: …").
      let count = error.errors.count
      throw CLIError(
        "the intent files have \(count) \(count == 1 ? "error" : "errors"):\n\(error.description)")
    }
  }

  private static func knowledge(
    _ load: () throws(KnowledgeError) -> KnowledgeDocument
  ) throws -> KnowledgeBase {
    do { return KnowledgeBase(document: try load()) } catch {
      throw CLIError(error.description)
    }
  }

  static func knowledgeDocument(path: String?) throws -> KnowledgeDocument {
    do { return try PackLoader(knowledgePath: path).loadKnowledge() } catch {
      throw CLIError(error.description)
    }
  }
}
