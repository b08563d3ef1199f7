extension REPL {
  /// How a piece of text looks on a colour terminal. The session chooses meaning, not colour,
  /// so turning colour off (NO_COLOR, a pipe) never loses information.
  enum Tone: Sendable {
    case plain, strong, dim, heading, number, note, warning, safety, prompt

    /// SGR parameters, kept to the 8 basic colours and bold/faint, which every terminal
    /// emulator and colour scheme renders legibly.
    var parameters: String? {
      switch self {
      case .plain: nil
      case .strong, .heading: "1"
      case .dim: "2"
      case .number, .prompt: "1;36"
      case .note: "33"
      case .warning: "1;33"
      case .safety: "1;31"
      }
    }
  }

  /// One paragraph of output: wrapped as a unit, with a first-line prefix (a number, a
  /// label, the safety bar) and what continuation lines start with instead.
  struct Paragraph: Sendable, Equatable {
    var text: String
    var tone: Tone = .plain
    var prefix = ""
    var prefixTone: Tone?
    /// Spaces as wide as `prefix` unless given, so wrapped lines align under the text.
    var continuation: String?

    static let blank = Paragraph(text: "")
  }
}
