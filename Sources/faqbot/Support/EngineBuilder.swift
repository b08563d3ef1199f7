import FAQBot
import Foundation

/// Where the trained model of an engine comes from: a `--model` file, the model cache, or
/// training right now. Kept apart from ``PackOptions`` so the rule is in one place.
struct EngineBuilder {
  var loader: PackLoader
  var configuration: EngineConfiguration
  /// A file written by `faqbot train`; it must match the pack.
  var modelFile: String?
  /// The cache directory, or nil for no cache (`--no-cache`, or no home directory). The
  /// default pack is cached too: loading its model is faster than training it (BENCHMARKS.md).
  var cacheDirectory: String?

  func makeEngine() throws -> Engine {
    if let modelFile {
      let (knowledge, pack) = try PackLoading.load(loader)
      let classifier = try Self.loadModel(modelFile, packHash: loader.contentHash())
      return Engine(pack: pack, knowledge: knowledge, configuration: configuration, classifier: classifier)
    }
    guard let cacheDirectory, let intentFiles = try? loader.intentFiles(),
      let packHash = loader.contentHash(intentFiles: intentFiles)
    else {
      let (knowledge, pack) = try PackLoading.load(loader)
      return Engine(pack: pack, knowledge: knowledge, configuration: configuration)
    }
    let cache = ModelCache(directory: cacheDirectory, salt: Self.buildFingerprint)
    var trained: Engine?
    let (model, _) = try cache.model(packHash: packHash) {
      // Only a miss parses the intent files; a hit has the pack they parse to.
      let (knowledge, pack) = try PackLoading.load(loader)
      let engine = Engine(pack: pack, knowledge: knowledge, configuration: configuration)
      trained = engine
      return TrainedModel(classifier: engine.resources.classifier, packHash: packHash, pack: pack)
    }
    if let trained { return trained }
    if let pack = model.pack?.relocated(to: intentFiles.map(\.name)) {
      let knowledge = try PackLoading.knowledge(loader)
      return Engine(
        pack: pack, knowledge: knowledge, configuration: configuration, classifier: model.classifier)
    }
    // A model stored without its pack: parse the files after all.
    let (knowledge, pack) = try PackLoading.load(loader)
    return Engine(
      pack: pack, knowledge: knowledge, configuration: configuration, classifier: model.classifier)
  }

  static func loadModel(_ path: String, packHash: String?) throws -> IntentClassifier {
    let bytes: [UInt8]
    do { bytes = try FileIO.read(path) } catch { throw CLIError("\(path): cannot read the model file") }
    do {
      return try TrainedModel.decode(bytes, packHash: packHash).classifier
    } catch .stale(.pack) {
      throw CLIError(
        "\(path): this model was trained on a different pack; retrain it with "
          + "`faqbot train` and the same --intents and --knowledge")
    } catch {
      throw CLIError("\(path): \(error.description); retrain it with `faqbot train`")
    }
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
