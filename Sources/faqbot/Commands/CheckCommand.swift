import ArgumentParser
import FAQBot

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate an intent pack against its knowledge file and print a summary with warnings.")

  @OptionGroup var pack: PackOptions

  func run() throws {
    let (knowledge, intents) = try PackLoading.load(pack.loader)
    _ = knowledge
    print("\(intents.intents.count) intents")
  }
}
