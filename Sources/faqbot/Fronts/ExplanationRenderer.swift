import FAQBot

/// Presents the `/why` of an answer: the top candidates with their confidence, the words that
/// weighed most, the threshold, and why this kind of answer was chosen. The REPL wraps and
/// colours its paragraphs; `ask --why` prints them as plain lines.
struct ExplanationRenderer {
  /// When given, each candidate is shown with its first example question, which says more to
  /// a person than an intent id.
  var pack: IntentPack?

  /// Plain text lines, without colour or wrapping.
  func render(_ explanation: Explanation) -> String {
    String(REPL.Layout.unwrapped.render(paragraphs(explanation)).dropLast())
  }

  func paragraphs(_ explanation: Explanation) -> [REPL.Paragraph] {
    var paragraphs = [
      REPL.Paragraph(text: explanation.question, prefix: "Question: ", prefixTone: .strong),
      REPL.Paragraph(text: Self.describe(explanation), prefix: "Answer: ", prefixTone: .strong),
      REPL.Paragraph(text: explanation.reason, prefix: "Because: ", prefixTone: .strong),
    ]
    // A knowledge-only pack has no intent to hold to the threshold: the "Because" line gives
    // what its passage answers need instead.
    if !(pack?.intents.isEmpty ?? false) {
      paragraphs.append(
        REPL.Paragraph(
          text: "\(Percent(explanation.threshold)) (an intent below this confidence is not answered)",
          prefix: "Threshold: ", prefixTone: .strong))
    }
    if !explanation.candidates.isEmpty {
      paragraphs.append(REPL.Paragraph(text: "Top candidates:", tone: .heading))
      for candidate in explanation.candidates {
        let example = pack?.intent(candidate.intent)?.examples.first.map { " (\"\($0)\")" } ?? ""
        let confidence = Percent(candidate.confidence).description
        let padding = String(repeating: " ", count: max(0, 6 - confidence.count))
        paragraphs.append(
          REPL.Paragraph(text: candidate.intent + example, prefix: "  \(padding)\(confidence)  "))
      }
    }
    if !explanation.weightiestWords.isEmpty {
      let words = explanation.weightiestWords.map { "\($0.word) (\(Figures.signed($0.weight)))" }
      paragraphs.append(
        REPL.Paragraph(
          text: words.joined(separator: ", "), prefix: "Words that weighed most: ", prefixTone: .strong))
    }
    if !explanation.normalizedWords.isEmpty {
      paragraphs.append(
        REPL.Paragraph(
          text: explanation.normalizedWords.joined(separator: " "), tone: .dim, prefix: "Matched as: "))
    }
    return paragraphs
  }

  private static func describe(_ explanation: Explanation) -> String {
    let confidence = Percent(explanation.confidence).description
    switch explanation.kind {
    case .intent: return "intent \(explanation.intent ?? "?"), confidence \(confidence)"
    case .safety: return "safety answer (\(explanation.intent ?? "crisis")), confidence \(confidence)"
    case .knowledge: return "a passage of the document, confidence \(confidence)"
    case .fallback: return "not covered (best confidence \(confidence))"
    }
  }
}
