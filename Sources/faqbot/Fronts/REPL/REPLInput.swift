/// The interactive front's parts, kept in one namespace so their short names (`Session`,
/// `Layout`, `LineEditor`) cannot clash with the other fronts in this module.
enum REPL {}

extension REPL {
  /// A `/command` of the session. The raw values are what people type after the slash.
  enum Command: String, CaseIterable, Sendable {
    case help, topics, why, sources, reset, quit, exit

    /// As typed and as completed, slash included.
    var typed: String { "/" + rawValue }

    /// The list shown by `/help` and after an unknown command, in the order people need them.
    static var listing: String { allCases.map(\.typed).joined(separator: " ") }
  }

  /// What one line of input asks for, decided before anything is answered so that a number
  /// or a slash never reaches the engine by accident.
  enum Input: Equatable, Sendable {
    case blank
    case question(String)
    /// A bare number: the numbered suggestion shown after the last answer.
    case suggestion(Int)
    case command(Command, argument: String)
    case unknownCommand(String)

    /// A `/command`, known or not: a line the engine is not asked (but a crisis in it is
    /// still answered: ``Engine/crisisAnswer(to:context:)``).
    var isCommand: Bool {
      switch self {
      case .command, .unknownCommand: true
      case .blank, .question, .suggestion: false
      }
    }

    /// `/quit` or `/exit` (or the bare words).
    var quits: Bool {
      guard case .command(let command, _) = self else { return false }
      return command == .quit || command == .exit
    }

    init(_ line: String) {
      let trimmed = REPL.trimmed(line)
      guard !trimmed.isEmpty else {
        self = .blank
        return
      }
      if trimmed.first == "/" {
        let name = trimmed.dropFirst().prefix { !$0.isWhitespace }
        let argument = REPL.trimmed(trimmed.dropFirst(1 + name.count))
        if let command = Command(rawValue: name.lowercased()) {
          self = .command(command, argument: argument)
        } else {
          self = .unknownCommand("/" + name)
        }
        return
      }
      // "quit" and "exit" on their own, without the slash, mean the commands: people type them.
      let word = trimmed.lowercased().filter { $0.isLetter }
      if trimmed.count <= 6, word == "quit" || word == "exit" {
        self = .command(word == "quit" ? .quit : .exit, argument: "")
        return
      }
      // Only short, plain numbers: "2024 prices?" is still a question.
      if trimmed.count <= 3, trimmed.allSatisfy(\.isASCII), let number = Int(trimmed) {
        self = .suggestion(number)
        return
      }
      self = .question(trimmed)
    }
  }

  /// `text` without leading and trailing whitespace, newlines included, so that a pasted
  /// line's stray carriage return or indentation does not change what it asks.
  static func trimmed(_ text: some StringProtocol) -> String {
    guard let start = text.firstIndex(where: { !$0.isWhitespace }),
      let end = text.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(text[start...end])
  }

  /// The lines of what readline returned: one when typed, several when a paste (bracketed by
  /// the terminal) carried newlines; each is answered in turn, blank ones skipped.
  static func lines(of text: String) -> [String] {
    text.split(whereSeparator: \.isNewline).map(String.init).filter { !trimmed($0).isEmpty }
  }
}
