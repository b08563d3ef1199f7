import FAQBot

/// Renders an answer as plain text: the answer, its sources, and numbered offers.
struct PlainRenderer {
  func render(_ answer: Answer) -> String {
    var lines = [answer.text]
    if answer.truncated { lines.append("(Your message was long; I read only its first part.)") }
    if !answer.sources.isEmpty {
      let sources = answer.sources.map { "\($0.section) [\($0.id)]" }.joined(separator: "; ")
      lines.append("Source: \(sources)")
    }
    if !answer.suggestions.isEmpty {
      lines.append(answer.kind == .fallback ? "Did you mean:" : "You could also ask:")
      for (number, suggestion) in answer.suggestions.enumerated() {
        lines.append("  \(number + 1). \(suggestion)")
      }
    }
    return lines.joined(separator: "\n")
  }
}
