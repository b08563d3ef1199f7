import ArgumentParser
import FAQBot

/// `--fast` / `--encoder`: which matcher a run uses (``EngineMode``), for every command that
/// answers or trains. Without either, the default mode (``EngineMode/default``).
struct ModeOptions: ParsableArguments {
  @Flag(
    help: "Fast mode: the TF-IDF and token-vector matcher alone (microseconds a question, for throughput).")
  var fast = false

  @Flag(
    help:
      "Encoder mode: add the all-MiniLM-L6-v2 sentence encoder (better at paraphrases and off-topic questions; milliseconds a question)."
  )
  var encoder = false

  func validate() throws {
    if fast, encoder { throw ValidationError("--fast and --encoder cannot be used together.") }
  }

  /// The chosen mode, or nil when the run chose none.
  var chosen: EngineMode? { fast ? .fast : encoder ? .encoder : nil }

  var mode: EngineMode { chosen ?? .default }
}
