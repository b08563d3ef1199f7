import ArgumentParser
import FAQBot
import Foundation

struct AskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ask",
    abstract: "Answer one question and exit.",
    discussion:
      "Prints the answer as text, or as one protocol v1 JSON line with --json (see docs/protocol.md)."
  )

  @OptionGroup var pack: PackOptions

  @Flag(help: "Print the answer as one JSON line (protocol v1).")
  var json = false

  @Flag(help: "Also explain the answer: candidates, weightiest words, threshold, reason.")
  var why = false

  @Argument(help: "The question.")
  var question: [String]

  func run() throws {
    let engine = try pack.makeEngine()
    var context = ConversationContext()
    let answer = engine.respond(to: question.joined(separator: " "), context: &context)
    if json {
      var buffer: [UInt8] = []
      ResponseWriter().encode(answer, id: nil, into: &buffer)
      FileHandle.standardOutput.write(Data(buffer))
    } else {
      print(PlainRenderer().render(answer))
    }
    if why, let explanation = engine.explanation(of: context) {
      StandardError.write(ExplanationRenderer(pack: engine.resources.pack).render(explanation))
    }
  }
}
