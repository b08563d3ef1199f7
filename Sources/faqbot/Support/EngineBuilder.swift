import FAQBot
import Foundation

/// Where the trained model of an engine comes from: a `--model` file, the model cache, or
/// training right now. Kept apart from ``PackOptions`` so the rule is in one place.
struct EngineBuilder: Sendable {
  var loader: PackLoader
  /// The configuration before the pack's settings: flags other than --threshold.
  var configuration: EngineConfiguration
  /// --threshold, which overrides the pack's own.
  var threshold: Double? = nil
  /// --fast or --encoder, which override the pack's `mode:`; nil when neither was given.
  var modeFlag: EngineMode? = nil
  /// A file written by `faqbot train`; it must match the pack.
  var modelFile: String?
  /// The cache directory, or nil for no cache (`--no-cache`, or no home directory). The
  /// default pack is cached too: loading its model is faster than training it (BENCHMARKS.md).
  var cacheDirectory: String?

  func makeEngine() throws -> Engine {
    // The crisis detector's built-in patterns are compiled on the other core while the pack
    // and model load; the engine's own detector then finds them built (docs/performance.md).
    Thread.detachNewThread { CrisisDetector.prepare() }
    // Read once: the hash the model is found or filed under is of the bytes it is trained on.
    guard let files = loader.readFiles() else {
      // A file that cannot be read: loading says which.
      let (knowledge, pack) = try PackLoading.load(loader)
      let classifier = try modelFile.map { try Self.loadModel($0, packHash: nil).classifier }
      let configuration = effective(pack.settings, withoutIntents: pack.intents.isEmpty)
      return Engine(pack: pack, knowledge: knowledge, configuration: configuration, classifier: classifier)
    }
    let settings: PackSettings
    do {
      settings = try IntentPackLoader().settings(files: files.intentFiles)
    } catch {
      // Report the settings' mistakes together with the intent files' own.
      _ = try PackLoading.load(files)
      throw CLIError(error.description)
    }
    let configuration = effective(settings, withoutIntents: !files.hasIntentFiles)
    if let modelFile {
      let model: TrainedModel
      do {
        model = try Self.loadModel(modelFile, packHash: files.contentHash)
      } catch {
        // A pack that does not load reports its own errors first: they are why it differs.
        _ = try PackLoading.load(files)
        throw error
      }
      return try engine(using: model, files: files, configuration: configuration)
    }
    guard let cacheDirectory else {
      let (knowledge, pack) = try PackLoading.load(files)
      return Engine(pack: pack, knowledge: knowledge, configuration: configuration)
    }
    // A model trained for the encoder mode holds the head and the examples' vectors as well;
    // each mode has its own entry, so a fast run never pays for encoding.
    let cache = ModelCache(
      directory: cacheDirectory, salt: Self.buildFingerprint + " mode \(configuration.mode.rawValue)")
    var trained: Engine?
    let (model, _) = try cache.model(packHash: files.contentHash) {
      let (knowledge, pack) = try PackLoading.load(files)
      let engine = Engine(pack: pack, knowledge: knowledge, configuration: configuration)
      trained = engine
      return engine.resources.trainedModel(packHash: files.contentHash)
    }
    return try trained ?? engine(using: model, files: files, configuration: configuration)
  }

  /// The configuration with the pack's settings applied under the flags, warning on stderr
  /// about settings that are accepted but not acted on.
  private func effective(_ settings: PackSettings, withoutIntents: Bool) -> EngineConfiguration {
    let effective = EffectiveSettings(
      settings: settings, base: configuration, threshold: threshold, modeFlag: modeFlag,
      withoutIntents: withoutIntents)
    for warning in effective.warnings { StandardError.write("warning: \(warning)") }
    return effective.configuration
  }

  /// The engine of a model that matches the pack's files. The pack it stores is what parsing
  /// those files gives, so they are parsed only when it stores none; the analyzer's
  /// vocabulary it stores is what tokenising them and the knowledge file gives.
  private func engine(using model: TrainedModel, files: PackFiles, configuration: EngineConfiguration)
    throws -> Engine
  {
    if var pack = model.pack?.relocated(to: files.intentFiles.map(\.name)) {
      // The model stores no settings: they are read from pack.yaml on every start.
      pack.settings = try IntentPackLoader().settings(files: files.intentFiles)
      let knowledge = try PackLoading.knowledge(files)
      return Engine(model: model, pack: pack, knowledge: knowledge, configuration: configuration)
    }
    let (knowledge, pack) = try PackLoading.load(files)
    return Engine(model: model, pack: pack, knowledge: knowledge, configuration: configuration)
  }

  static func loadModel(_ path: String, packHash: String?) throws -> TrainedModel {
    let model: TrainedModel?
    do {
      model = try TrainedModel.decode(contentsOf: path, packHash: packHash)
    } catch .stale(.pack) {
      throw CLIError(
        "\(path): this model was trained on a different pack; retrain it with "
          + "`faqbot train` and the same --intents and --knowledge")
    } catch {
      throw CLIError("\(path): \(error.description); retrain it with `faqbot train`")
    }
    guard let model else { throw CLIError("\(path): cannot read the model file") }
    return model
  }

  /// The size and time of this executable: a rebuilt faqbot (a tuned matcher) never loads
  /// models its predecessor cached, even when nobody bumped a version.
  static let buildFingerprint: String = {
    guard let path = Bundle.main.executablePath,
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    else { return "" }
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
    let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "build \(size) \(time)"
  }()
}
