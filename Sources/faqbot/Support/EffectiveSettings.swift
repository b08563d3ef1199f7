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
  /// Settings that are accepted but not acted on as written (none today; kept for `check`).
  var warnings: [String]

  /// `packAdvice` is the pack's advice as loaded (pack.yaml's, else an intent file's), for
  /// display; `modeFlag` is the mode chosen by `--fast` or `--encoder`, nil when neither was
  /// given (then pack.yaml's `mode:` applies, else the default: the encoder mode for a pack
  /// `withoutIntents`, which answers from its passages alone, the base's otherwise).
  init(
    settings: PackSettings, packAdvice: String? = nil, base: EngineConfiguration = .init(),
    threshold flag: Double? = nil, modeFlag: EngineMode? = nil, withoutIntents: Bool = false
  ) {
    var configuration = base
    // The mode first: it sets the threshold's default (the encoder mode's confidence has a
    // scale of its own).
    let packMode = settings.mode.flatMap { EngineMode(rawValue: $0.rawValue) }
    let defaultMode = withoutIntents ? EngineMode.encoder : base.mode
    let mode = modeFlag ?? packMode ?? defaultMode
    if mode != base.mode {
      configuration.mode = mode
      configuration.threshold = EngineConfiguration(mode: mode).threshold
    }
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
      configuration.threshold = settings.threshold ?? configuration.threshold
      entries.append(
        Entry(key: "threshold", value: "\(configuration.threshold)", source: source("threshold")))
    }
    configuration.crisisReply = settings.emergency ?? base.crisisReply
    entries.append(
      Entry(
        key: "emergency", value: settings.emergency.map(Self.shortened) ?? "(the built-in crisis answer)",
        source: source("emergency")))
    // The settings are read before the model cache is looked in, so the mode chosen here also
    // picks the cache's entry (EngineBuilder).
    let warnings: [String] = []
    entries.append(
      Entry(
        key: "mode", value: mode.rawValue,
        source: modeFlag != nil
          ? "--\(mode.rawValue)"
          : packMode == nil && withoutIntents ? "default for a pack without intents" : source("mode")))
    let advice = settings.advice ?? packAdvice
    entries.append(
      Entry(
        key: "advice", value: advice.map(Self.shortened) ?? "(faqbot's: ask a qualified professional)",
        source: settings.advice != nil
          ? source("advice") : advice != nil ? "top-level advice: of an intent file" : "default"))
    entries.append(
      Entry(
        key: "disclaimer",
        value: settings.disclaimer.map(Self.shortened) ?? "\"\(PackSettings.defaultDisclaimer)\"",
        source: source("disclaimer")))
    self.configuration = configuration
    self.entries = entries
    self.warnings = warnings
  }

  private static func shortened(_ text: String) -> String {
    let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return "\"" + (flat.count > 60 ? String(flat.prefix(60)) + "…" : flat) + "\""
  }
}
