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

  @Flag(
    help:
      "Reload the pack whenever its files change (retraining in the background): for authors editing a pack.")
  var watch = false

  func validate() throws {
    if watch, json {
      throw ValidationError(
        "--watch is for the interactive chat; a program reading --json restarts faqbot instead.")
    }
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
      var watcher: PackWatcher?
      if watch {
        let builder = pack.engineBuilder
        watcher = PackWatcher(
          directory: pack.source.intentsDirectory, knowledgeFile: pack.source.knowledgeFile,
          build: { try builder.makeEngine() })
        watcher?.start()
      }
      REPLFront(engine: engine, packName: name, useHistory: !noHistory, watcher: watcher).run()
    } else {
      if watch { StandardError.write("warning: --watch reloads only in the interactive chat (a terminal)") }
      PipeFront(engine: engine).run()
    }
  }
}
