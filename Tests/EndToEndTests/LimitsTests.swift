import Foundation
import XCTest

/// Hostile sizes at the process boundary: over-long questions, absurd nesting in a request
/// line or an intent file. Each gets a defined answer or a located error, never a crash.
final class LimitsTests: XCTestCase {
  private func ask(_ question: String, _ options: [String] = []) throws -> [String: Any] {
    let arguments = ["ask", "--json"] + JSONTestPack.arguments.dropFirst() + options + [question]
    let outcome = try BinaryRunner.run(Array(arguments), environment: JSONTestPack.environment)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let responses = try ResponseLine.decodeAll(outcome.standardOutput)
    XCTAssertEqual(responses.count, 1)
    let response = try XCTUnwrap(responses.first)
    ResponseLine.assertAnswer(response)
    return response
  }

  func testAQuestionOverTheLimitIsMatchedOnItsFirstPartAndSaysSo() throws {
    let question = "What are the side effects of ketamine?"
    let short = try ask(question)
    XCTAssertEqual(short["truncated"] as? Bool, false)

    let padded = question + String(repeating: " zebra", count: 400)
    XCTAssertGreaterThan(padded.count, 2_000)
    let long = try ask(padded)
    XCTAssertEqual(long["truncated"] as? Bool, true)
    XCTAssertEqual(long["intent"] as? String, short["intent"] as? String)

    let limited = try ask(
      question + " and more words after it", ["--max-question-chars", "\(question.count)"])
    XCTAssertEqual(limited["truncated"] as? Bool, true)
    XCTAssertEqual(limited["intent"] as? String, short["intent"] as? String)
    let exact = try ask(question, ["--max-question-chars", "\(question.count)"])
    XCTAssertEqual(exact["truncated"] as? Bool, false)
  }

  func testAHundredThousandOpenBracketsOrBracesAreAnErrorEvenUnderALargeLineLimit() throws {
    let depth = 100_000
    let lines = [
      String(repeating: "[", count: depth),
      String(repeating: "{\"a\":", count: depth / 5),
      #"{"id":1,"question":"# + String(repeating: "{\"q\":[", count: depth / 6),
      #"{"id":2,"question":"What is ketamine?"}"#,
    ]
    let unlimited = try JSONTestPack.run(["--max-line-bytes", "10000000"], lines: lines)
    XCTAssertEqual(unlimited.status, 0, unlimited.errors)
    let responses = try ResponseLine.decodeAll(unlimited.standardOutput)
    guard responses.count == lines.count else {
      return XCTFail("expected \(lines.count) responses, got \(responses.count)")
    }
    for response in responses.prefix(3) {
      ResponseLine.assertError(response, code: "invalid_json")
      let message = (response["error"] as? [String: Any])?["message"] as? String ?? ""
      XCTAssertTrue(message.contains("nested deeper than"), message)
    }
    XCTAssertEqual(responses[2]["id"] as? Int, 1, "the id read before the error is echoed")
    ResponseLine.assertAnswer(responses[3])

    // Under the default line limit the same lines are simply too large.
    let limited = try JSONTestPack.run(lines: lines)
    let codes = try ResponseLine.decodeAll(limited.standardOutput).map(ResponseLine.errorCode)
    XCTAssertEqual(codes, ["too_large", "too_large", "too_large", nil])
  }

  func testAHundredThousandLevelIntentFileIsALocatedError() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("faqbot-limits-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let depth = 100_000
    let files = [
      "brackets.yaml": "intents: " + String(repeating: "[", count: depth)
        + String(repeating: "]", count: depth),
      "dashes.yaml": "intents:\n  - " + String(repeating: "- ", count: depth) + "x\n",
    ]
    for (name, text) in files.sorted(by: { $0.key < $1.key }) {
      let pack = directory.appendingPathComponent(name + ".d")
      try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: pack.appendingPathComponent(name))
      let outcome = try BinaryRunner.run(
        ["ask", "--intents", pack.path, "--no-cache", "hello"], environment: JSONTestPack.environment)
      XCTAssertEqual(outcome.status, 1, "\(name): \(outcome.errors)")
      XCTAssertNotNil(
        outcome.errors.range(of: "\(name):[0-9]+:[0-9]+: error:", options: .regularExpression),
        "\(name): \(outcome.errors)")
      // The loader's own pre-scan or libyaml's nesting limit, whichever trips first.
      XCTAssertTrue(outcome.errors.lowercased().contains("nesting"), "\(name): \(outcome.errors)")
      XCTAssertEqual(outcome.output, "")
    }
  }
}
