import ArgumentParser
import FAQBot
import Foundation

@main
struct FAQBotCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "faqbot",
    abstract: "A chat-style FAQ bot that answers from one document, and only from it.",
    discussion: """
      With no subcommand, faqbot opens a chat on the default knowledge pack (an article on \
      ketamine therapy). Answers are general information from the document, not medical advice.
      """,
    version: FAQBotVersion.string,
    subcommands: [
      ChatCommand.self, AskCommand.self, CheckCommand.self, EvalCommand.self, KnowledgeCommand.self,
      ImportCommand.self, TrainCommand.self, InitCommand.self, MCPCommand.self,
    ],
    defaultSubcommand: ChatCommand.self
  )

  /// Catches what the parser would misreport (a misspelt command, a bare question) and gives
  /// the root's help and completion chat's options, then parses as usual (see
  /// ``RootCommandLine``).
  static func main() async {
    let arguments = Array(CommandLine.arguments.dropFirst())
    switch RootCommandLine.action(for: arguments) {
    case .parse:
      await main(arguments)
    case .print(let text):
      print(text)
    case .mistake(let message):
      StandardError.write("Error: \(message)")
      Foundation.exit(64)
    }
  }
}
