/// What a pack says about itself in `pack.yaml` beside its intent files: its name, the
/// threshold it was tuned at, its localised emergency text, its matching mode, its advice and
/// what its answers are not.
///
/// Every field is optional: an absent one keeps the engine's default, and a command-line flag
/// overrides a present one. Each present field remembers where it was written, so that
/// `faqbot check` can say where an effective setting came from.
public struct PackSettings: Sendable, Equatable {
  /// How questions are matched. Only `fast` exists today; `encoder` is accepted so a pack
  /// can ask for the sentence encoder ahead of time, and falls back to `fast` with a warning.
  public enum Mode: String, Sendable, CaseIterable {
    case fast
    case encoder
  }

  /// The file name the loader reads as settings rather than as intents.
  public static let fileNames: Set<String> = ["pack.yaml", "pack.yml"]

  /// A short name for banners ("Homebrew FAQ").
  public var name: String?
  /// One sentence on what the pack answers, for people choosing a pack.
  public var description: String?
  /// The confidence an intent needs to be answered (0...1), as tuned with `faqbot eval`.
  public var threshold: Double?
  /// The crisis text with the emergency numbers of the pack's audience, shown first for a
  /// crisis message in place of the safety intent's answer.
  public var emergency: String?
  /// The mode the pack asks for; the command-line flags choose the engine's mode, and a
  /// different one here is reported as a warning.
  public var mode: Mode?
  /// Where to send people for what the document does not answer (also accepted as a
  /// top-level `advice:` of an intent file, as before pack.yaml existed).
  public var advice: String?
  /// What the answers are not, in the pack's words ("General information, not medical
  /// advice."), for the fronts to show beside them: only a pack knows whether its document is
  /// medical, legal or about a command-line tool, so faqbot does not say it for every pack.
  public var disclaimer: String?
  /// Where each present field is written, by key.
  public var locations: [String: SourceLocation]

  /// Settings as given; the loader reads them from pack.yaml, with their locations.
  public init(
    name: String? = nil, description: String? = nil, threshold: Double? = nil, emergency: String? = nil,
    mode: Mode? = nil, advice: String? = nil, disclaimer: String? = nil,
    locations: [String: SourceLocation] = [:]
  ) {
    self.name = name
    self.description = description
    self.threshold = threshold
    self.emergency = emergency
    self.mode = mode
    self.advice = advice
    self.disclaimer = disclaimer
    self.locations = locations
  }

  /// What the fronts say of the answers of a pack whose pack.yaml has no `disclaimer:`: true
  /// of every pack, whatever its document is about.
  public static let defaultDisclaimer = "Answers are general information from one document."

  /// The note the fronts show: `disclaimer`, else ``defaultDisclaimer``.
  public var shownDisclaimer: String { disclaimer ?? Self.defaultDisclaimer }

  /// Whether `path` (a path or a bare name) is a settings file rather than an intent file.
  public static func isSettingsFile(_ path: String) -> Bool {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return fileNames.contains(name)
  }
}
