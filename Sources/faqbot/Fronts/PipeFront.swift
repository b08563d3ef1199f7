import FAQBot
import Foundation

/// Standard input from a pipe, without --json: one question a line, one plain-text answer
/// each, separated by blank lines; no banner, prompt or colour, so scripts can use it.
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
      let answer = engine.respond(to: question, context: &context)
      let text = (first ? "" : "\n") + PlainRenderer().render(answer) + "\n"
      first = false
      guard StandardOutput.write(Array(text.utf8)) else { return }
    }
  }
}
