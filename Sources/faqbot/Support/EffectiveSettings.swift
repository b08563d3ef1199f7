import FAQBot

/// The settings a run uses, each with where it came from: a command-line flag overrides the
/// pack's pack.yaml, which overrides faqbot's default. `faqbot check` prints them; the engine
/// is configured from them.
struct EffectiveSettings {
  struct Entry: Equatable {
    var key: String
    var value: String
    /// "--threshold", "intents/pack.yaml:3:12" or "default".
    var source: String
  }

  var configuration: EngineConfiguration
  var entries: [Entry]
  /// Settings that are accepted but not acted on as written (mode: encoder).
  var warnings: [String]

  /// `packAdvice` is the pack's advice as loaded (pack.yaml's, else an intent file's), for display.
  init(
    settings: PackSettings, packAdvice: String? = nil, base: EngineConfiguration = .init(),
    threshold flag: Double? = nil
  ) {
    var configuration = base
    var entries: [Entry] = []
    func source(_ key: String) -> String { settings.locations[key]?.description ?? "default" }
    entries.append(
      Entry(key: "name", value: settings.name.map { "\"\($0)\"" } ?? "(none)", source: source("name")))
    if let description = settings.description {
      entries.append(Entry(key: "description", value: "\"\(description)\"", source: source("description")))
    }
    if let flag {
      configuration.threshold = flag
      entries.append(Entry(key: "threshold", value: "\(flag)", source: "--threshold"))
    } else {
      configuration.threshold = settings.threshold ?? base.threshold
      entries.append(
        Entry(key: "threshold", value: "\(configuration.threshold)", source: source("threshold")))
    }
    configuration.crisisReply = settings.emergency ?? base.crisisReply
    entries.append(
      Entry(
        key: "emergency", value: settings.emergency.map(Self.shortened) ?? "(the built-in crisis answer)",
        source: source("emergency")))
    // The mode picks the model cache's entry before the pack is read, so pack.yaml's `mode:`
    // is shown and checked but not applied yet: the flags choose (--fast, --encoder).
    var warnings: [String] = []
    if let mode = settings.mode, mode.rawValue != base.mode.rawValue {
      warnings.append(
        "\(source("mode")): mode '\(mode.rawValue)' in pack.yaml is not applied yet; this run matches in "
          + "'\(base.mode.rawValue)' mode (choose with --fast or --encoder)")
    }
    entries.append(Entry(key: "mode", value: base.mode.rawValue, source: "flags or default"))
    let advice = settings.advice ?? packAdvice
    entries.append(
      Entry(
        key: "advice", value: advice.map(Self.shortened) ?? "(faqbot's: ask a qualified professional)",
        source: settings.advice != nil
          ? source("advice") : advice != nil ? "top-level advice: of an intent file" : "default"))
    self.configuration = configuration
    self.entries = entries
    self.warnings = warnings
  }

  private static func shortened(_ text: String) -> String {
    let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return "\"" + (flat.count > 60 ? String(flat.prefix(60)) + "…" : flat) + "\""
  }
}
