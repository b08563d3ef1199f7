import ArgumentParser
import FAQBot
import Foundation

struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train the pack's model once and save it, for --model.",
    discussion: """
      For deployments: train where it is convenient, ship MODEL beside the pack, and start with \
      `faqbot --intents DIR --model MODEL`. A model only loads with the pack (intents and knowledge) \
      and the faqbot version it was trained with. Without --model, faqbot caches models by itself \
      (in $XDG_CACHE_HOME/faqbot or ~/.cache/faqbot).
      """
  )

  @OptionGroup var source: PackSourceOptions

  @OptionGroup var modeOptions: ModeOptions

  @Option(
    name: .shortAndLong, help: "Where to write the model file.", completion: .file(extensions: ["model"]))
  var output: String

  func run() throws {
    let loader = source.loader
    // Read once: the model is labelled with the hash of the bytes it is trained on.
    guard let files = loader.readFiles() else {
      _ = try PackLoading.load(loader)  // says which file cannot be read
      throw CLIError("cannot read the pack's files")
    }
    let (knowledge, pack) = try PackLoading.load(files)
    let packHash = files.contentHash
    let start = ContinuousClock.now
    // The mode as a run of this pack would choose it: a flag, else pack.yaml's `mode:`, else
    // the default (the encoder mode for a pack without intent files).
    let mode = EffectiveSettings(
      settings: pack.settings, modeFlag: modeOptions.chosen, withoutIntents: !files.hasIntentFiles
    ).configuration.mode
    let engine = Engine(pack: pack, knowledge: knowledge, configuration: EngineConfiguration(mode: mode))
    let elapsed = ContinuousClock.now - start
    let bytes = engine.resources.trainedModel(packHash: packHash).encoded()
    guard ModelCache.writeAtomically(bytes, to: output) else {
      throw CLIError("\(output): cannot write the model file")
    }
    let examples = pack.intents.reduce(0) { $0 + $1.examples.count }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    print(
      "trained \(Plural.count(pack.intents.count, "intent")) on \(Plural.count(examples, "example")) in \(String(format: "%.2f", seconds)) s; "
        + "wrote \(output) (\(ByteCountFormatter.string(fromByteCount: Int64(bytes.count), countStyle: .file)))"
    )
  }
}
