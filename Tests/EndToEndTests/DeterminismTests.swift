import Foundation
import XCTest

/// The same input gives the same output bytes in every process: no hashing seed, thread
/// timing, dictionary order or clock reaches an answer.
///
/// The input mixes sessions, follow-ups, errors and seeded random questions, and the two runs
/// are separate processes of the real binary (the first may train and fill the model cache,
/// the second loads it, so a cached model must answer exactly like a freshly trained one).
final class DeterminismTests: XCTestCase {
  func testTwoProcessesGiveByteIdenticalTranscripts() throws {
    let lines = Self.transcriptInput()
    let first = try JSONTestPack.run(lines: lines)
    let second = try JSONTestPack.run(lines: lines)
    XCTAssertEqual(first.status, 0, first.errors)
    XCTAssertEqual(second.status, 0, second.errors)
    XCTAssertEqual(try ResponseLine.decodeAll(first.standardOutput).count, lines.count)
    XCTAssertEqual(first.standardOutput, second.standardOutput, Self.firstDifference(first, second))
  }

  func testAskGivesTheSameBytesEveryTime() throws {
    let arguments = ["ask", "--json"] + JSONTestPack.arguments.dropFirst() + ["Is ketamine addictive?"]
    let runs = try (0..<2).map { _ in
      try BinaryRunner.run(Array(arguments), environment: JSONTestPack.environment)
    }
    XCTAssertEqual(runs[0].status, 0, runs[0].errors)
    XCTAssertFalse(runs[0].standardOutput.isEmpty)
    XCTAssertEqual(runs[0].standardOutput, runs[1].standardOutput)
  }

  /// About two hundred requests: fixed questions in three sessions with follow-ups, malformed
  /// lines, and seeded random questions from the pack's own words.
  static func transcriptInput() -> [String] {
    var lines: [String] = []
    let fixed = [
      "What is ketamine?", "tell me more", "Is it addictive?", "more", "What are the side effects?",
      "how long does a session last", "What's the weather like?", "thanks!", "¿Qué es la ketamina?",
      "KETAMINE??", "", "🙂",
    ]
    for (index, question) in fixed.enumerated() {
      for session in ["a", "b", "c"] where index % 3 != 2 || session != "c" {
        lines.append(request(id: lines.count, question: question, session: session))
      }
    }
    lines += [#"{"id":"bad","question":1}"#, "[1,2", #"{"question":"x"} trailing"#, "\u{00E9}"]
    var random = SplitMix64(seed: 7)
    func pick(below count: Int) -> Int { Int(random.next() % UInt64(count)) }
    let words = fixed.joined(separator: " ").split(separator: " ").map(String.init)
    for _ in 0..<120 {
      let count = 1 + pick(below: 8)
      let question = (0..<count).map { _ in words[pick(below: words.count)] }
      let session = ["s1", "s2", nil][pick(below: 3)]
      lines.append(request(id: lines.count, question: question.joined(separator: " "), session: session))
    }
    return lines
  }

  static func request(id: Int, question: String, session: String?) -> String {
    var object: [String: Any] = ["id": id, "question": question]
    if let session { object["session"] = session }
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  static func firstDifference(_ first: BinaryRunner.Outcome, _ second: BinaryRunner.Outcome) -> String {
    let a = first.output.split(separator: "\n")
    let b = second.output.split(separator: "\n")
    for (index, (x, y)) in zip(a, b).enumerated() where x != y {
      return "line \(index + 1) differs:\n\(x)\n\(y)"
    }
    return "\(a.count) lines vs \(b.count) lines"
  }
}
