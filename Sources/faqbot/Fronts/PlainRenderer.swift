import FAQBot

/// Renders an answer as plain text: the answer, its sources, and the offers as a list. Not
/// numbered: pipe mode and `faqbot ask` read every line as a question, so a "1" typed after a
/// numbered list would be a question of its own.
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
      for suggestion in answer.suggestions { lines.append("  - \(suggestion)") }
    }
    return lines.joined(separator: "\n")
  }
}
