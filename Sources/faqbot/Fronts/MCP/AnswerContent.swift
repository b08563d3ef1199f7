import FAQBot
import Foundation
import MCP

/// An ``Answer`` as the `ask` tool returns it: the JSON mode's response fields as structured
/// content, and the answer text (with its sources) for the model to read.
///
/// The fields come from the JSON front's own ``ResponseWriter`` (written, then read back as
/// an MCP value), so the two fronts cannot drift apart in names, order of candidates or the
/// rounding of confidences. MCP adds what a model cannot look up itself: each source's
/// quoted text and section id, and `emergency`, true for a crisis answer.
struct AnswerContent: Sendable {
  let knowledge: KnowledgeBase

  func structured(_ answer: Answer) -> Value {
    var line: [UInt8] = []
    ResponseWriter().encode(answer, id: nil, into: &line)
    guard case .object(var fields)? = try? JSONDecoder().decode(Value.self, from: Data(line)) else {
      // ResponseWriter writes one JSON object by construction; this keeps the tool total.
      return .object(["kind": .string(answer.kind.rawValue), "answer": .string(answer.text)])
    }
    fields["id"] = nil
    fields["sources"] = .array(answer.sources.map(source))
    fields["emergency"] = .bool(answer.kind == .safety)
    return .object(fields)
  }

  private func source(_ source: Answer.Source) -> Value {
    var fields: [String: Value] = ["id": .string(source.id), "section": .string(source.section)]
    if let passage = knowledge.passage(source.id) {
      fields["section_id"] = .string(passage.sectionId)
      fields["text"] = .string(passage.text)
    }
    return .object(fields)
  }

  /// The text a model reads: a crisis answer is marked and comes first, alone; any other
  /// answer is followed by the sections and ids it is drawn from.
  func text(_ answer: Answer) -> String {
    if answer.kind == .safety { return "EMERGENCY: " + answer.text }
    guard !answer.sources.isEmpty else { return answer.text }
    let sources = answer.sources.map { "\($0.section) [\($0.id)]" }.joined(separator: "; ")
    return answer.text + "\n\nSource: " + sources
  }
}
