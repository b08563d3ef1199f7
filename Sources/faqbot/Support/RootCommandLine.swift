import ArgumentParser
import FAQBot

/// What the root `faqbot` command does before swift-argument-parser sees the arguments.
///
/// faqbot's default subcommand is `chat`, so the parser treats a first word that is not a
/// subcommand as an argument of chat and answers "Unexpected argument" with chat's usage:
/// unhelpful for `faqbot chekc` (a slip for check) and for `faqbot "what is ketamine"` (a
/// question, which `ask` takes). And the root's help and shell completion know only the root's
/// own options, not chat's (--json, --intents …), which are the options `faqbot` takes.
enum RootCommandLine {
  enum Action: Equatable {
    /// Hand the arguments to the parser.
    case parse
    /// Print this text on standard output and exit 0.
    case print(String)
    /// Print this on standard error and exit with the usage status.
    case mistake(String)
  }

  static let subcommands = FAQBotCommand.configuration.subcommands.map { $0._commandName } + ["help"]

  static func action(for arguments: [String]) -> Action {
    guard let first = arguments.first else { return .parse }
    if arguments.count == 1, ["-h", "--help", "help"].contains(first) { return .print(help()) }
    if arguments.count == 2, first == "--generate-completion-script", arguments[1] == "bash" {
      return .print(bashCompletion())
    }
    if first.hasPrefix("-") || subcommands.contains(first) { return .parse }
    let question = arguments.joined(separator: " ")
    if arguments.count == 1, !first.contains(" "),
      let meant = EditDistance.suggestion(for: first, among: subcommands)
    {
      return .mistake("unknown command '\(first)' (did you mean '\(meant)'?)")
    }
    let commands = "faqbot's commands: \(subcommands.joined(separator: ", "))"
    if arguments.count > 1 || first.contains(" ") {
      return .mistake("to ask one question, use: faqbot ask \(shellQuoted(question)) (\(commands))")
    }
    return .mistake(
      "unknown command '\(first)' (\(commands)); to ask one question, use: faqbot ask \(shellQuoted(question))"
    )
  }

  /// The root's help followed by the options of chat, the command `faqbot` runs by default.
  static func help() -> String {
    let root = FAQBotCommand.helpMessage()
    let chat = FAQBotCommand.helpMessage(for: ChatCommand.self)
    guard let start = chat.range(of: "OPTIONS:\n") else { return root }
    let options = chat[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.contains("--version") && !$0.contains("-h, --help") }
      .joined(separator: "\n")
    return root.replacingOccurrences(
      of: "SUBCOMMANDS:",
      with: "OPTIONS OF chat (the default: `faqbot --json` is `faqbot chat --json`):\n"
        + options.trimmingTrailingNewlines() + "\n\nSUBCOMMANDS:")
  }

  /// The parser's bash completion, with words after `faqbot` that start with a dash
  /// completed as chat's (so `faqbot --intents <Tab>` offers directories, not subcommands).
  static func bashCompletion() -> String {
    let script = FAQBotCommand.completionScript(for: .bash)
    // The root function is the first to offer its own flags before the subcommands.
    let anchor =
      "    __faqbot_offer_flags_options 0\n\n    # Offer subcommand / subcommand argument completions"
    guard let range = script.range(of: anchor) else { return script }
    let chat = """
          # faqbot without a subcommand is chat: after an option, complete chat's options and values.
          if [[ "${unparsed_words[0]}" == -* ]]; then
              _faqbot_chat
              return
          fi

      """
    return script.replacingCharacters(in: range, with: chat + anchor)
  }

  private static func shellQuoted(_ text: String) -> String {
    "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "$", with: "\\$").replacingOccurrences(of: "`", with: "\\`") + "\""
  }
}

extension StringProtocol {
  fileprivate func trimmingTrailingNewlines() -> String {
    var text = String(self)
    while text.last == "\n" { text.removeLast() }
    return text
  }
}
