import ArgumentParser
import FAQBot
import Foundation

struct ChatCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chat",
    abstract: "Chat with the bot (the default command).",
    discussion: """
      On a terminal, opens an interactive session with history, completion and /commands. \
      With standard input from a pipe, answers one question per line in plain text. \
      With --json, speaks JSON Lines protocol v1 on stdin/stdout (docs/protocol.md).
      """
  )

  @OptionGroup var pack: PackOptions

  @Flag(help: "Speak JSON Lines (protocol v1) on standard input and output, for programs.")
  var json = false

  @Option(
    parsing: .unconditional, help: "JSON mode: longer request lines are answered with a too_large error.")
  var maxLineBytes: Int = 65_536

  @Flag(help: "Do not read or write the history file.")
  var noHistory = false

  func validate() throws {
    if maxLineBytes < 64 {
      throw ValidationError("--max-line-bytes must be at least 64 (got \(maxLineBytes)).")
    }
  }

  func run() throws {
    let engine = try pack.makeEngine()
    if json {
      JSONFront(engine: engine, maxLineBytes: maxLineBytes).run()
    } else if isatty(STDIN_FILENO) != 0 {
      let source = pack.loader.description
      let name = engine.resources.pack.settings.name.map { "\($0) (\(source))" } ?? source
      REPLFront(engine: engine, packName: name, useHistory: !noHistory).run()
    } else {
      PipeFront(engine: engine).run()
    }
  }
}
