import FAQBot
import Foundation

/// Standard input from a pipe, without --json: one question a line, one plain-text answer
/// each, separated by blank lines; no banner, prompt or colour, so scripts can use it. A line
/// that is a chat command is not a question: `/quit` (or `quit`) stops, `/reset` forgets the
/// conversation, and the commands that read a terminal's screen say they need the chat.
struct PipeFront {
  let engine: Engine

  func run() {
    var context = ConversationContext()
    var reader = LineReader(fileDescriptor: STDIN_FILENO, maxLineBytes: 1 << 20)
    var first = true
    while let line = reader.next() {
      let question: String
      switch line {
      case .line(let bytes): question = String(decoding: bytes, as: UTF8.self)
      case .tooLarge(let count):
        // Still answered, so every input line gets exactly one answer.
        question = ""
        StandardError.write("faqbot: a line of \(count) bytes is over 1 MiB; answering it as empty")
      }
      if question.allSatisfy(\.isWhitespace) { continue }
      let input = REPL.Input(question)
      let rendered: String
      if input.isCommand, let crisis = engine.crisisAnswer(to: question, context: &context) {
        rendered = PlainRenderer().render(crisis)
      } else if input.quits {
        return
      } else {
        rendered = reply(to: input, question: question, context: &context)
      }
      let text = (first ? "" : "\n") + rendered + "\n"
      first = false
      guard StandardOutput.write(Array(text.utf8)) else { return }
    }
  }

  /// What to print for one line of input: the engine's answer to a question; for a command,
  /// what it does here (a crisis typed as a command was answered before this).
  private func reply(to input: REPL.Input, question: String, context: inout ConversationContext) -> String {
    switch input {
    case .command(.reset, _):
      context = ConversationContext()
      return "Forgotten: the next question starts a new conversation."
    case .command(let command, _):
      // The session commands read what a terminal showed; a script's line would otherwise
      // reach the engine as a question ("/why" answered about something else).
      return
        "\(command.typed) works in the interactive chat only; piped input is answered one question a line "
        + "(/reset and /quit work here)."
    case .unknownCommand(let name):
      return "Unknown command \(name). Piped input is answered one question a line."
    case .blank, .question, .suggestion:
      return PlainRenderer().render(engine.respond(to: question, context: &context))
    }
  }
}
