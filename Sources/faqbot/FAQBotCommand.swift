import ArgumentParser
import FAQBot

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
      ImportCommand.self, TrainCommand.self, MCPCommand.self,
    ],
    defaultSubcommand: ChatCommand.self
  )
}
