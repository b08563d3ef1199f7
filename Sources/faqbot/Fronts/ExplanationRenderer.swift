import FAQBot
import Foundation

/// Renders the `/why` of an answer as plain text lines.
struct ExplanationRenderer {
  func render(_ explanation: Explanation) -> String {
    var lines = ["question as matched: \(explanation.normalizedWords.joined(separator: " "))"]
    lines.append("answer: \(explanation.kind.rawValue)\(explanation.intent.map { " (\($0))" } ?? "")")
    lines.append("why: \(explanation.reason)")
    lines.append("threshold: \(String(format: "%.2f", explanation.threshold))")
    lines.append("candidates:")
    for candidate in explanation.candidates {
      lines.append("  \(String(format: "%5.1f%%", candidate.confidence * 100))  \(candidate.intent)")
    }
    if !explanation.weightiestWords.isEmpty {
      let words = explanation.weightiestWords.map { "\($0.word) (\(String(format: "%.2f", $0.weight)))" }
      lines.append("words that weighed most: \(words.joined(separator: ", "))")
    }
    return lines.joined(separator: "\n")
  }
}

/// `print(..., to: &StandardErrorStream.shared)` for diagnostics.
struct StandardErrorStream: TextOutputStream {
  nonisolated(unsafe) static var shared = StandardErrorStream()
  mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
