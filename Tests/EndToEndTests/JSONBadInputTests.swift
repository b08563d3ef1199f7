import Foundation
import XCTest

/// Hostile and broken input through pipes: whatever arrives, every non-blank line gets exactly
/// one valid UTF-8 JSON line back, and the process keeps answering.
final class JSONBadInputTests: XCTestCase {
  private static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// A request that must be answered normally; sent after each bad line to prove the process
  /// is still answering.
  private static func probe(_ index: Int) -> [UInt8] {
    Array(#"{"id":"probe-\#(index)","question":"What is ketamine?"}"#.utf8) + [0x0A]
  }

  /// Only spaces, tabs and CRs: a blank line, which protocol v1 skips without answering.
  private static func isBlank(_ bytes: [UInt8]) -> Bool {
    bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
  }

  func testEveryJSONTestSuiteFileGetsOneResponseAndTheProcessGoesOn() throws {
    let directory = Self.fixtures.appendingPathComponent("jsontestsuite/test_parsing")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".json") }.sorted()
    var cases: [(name: String, bytes: [UInt8])] = []
    for name in names {
      let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
      if !bytes.contains(0x0A) { cases.append((name, bytes)) }
    }
    XCTAssertEqual(cases.count, 308, "fixture set changed or not found")

    var input: [UInt8] = []
    for (index, testCase) in cases.enumerated() {
      input += testCase.bytes + [0x0A]
      input += Self.probe(index)
    }
    let outcome = try JSONTestPack.run(input: Data(input))
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    XCTAssertEqual(outcome.errors, "")
    var responses = try ResponseLine.decodeAll(outcome.standardOutput)[...]
    var blankCount = 0
    for (index, testCase) in cases.enumerated() {
      if Self.isBlank(testCase.bytes) {
        // n_single_space and n_structure_no_data: blank lines are skipped by design.
        blankCount += 1
      } else {
        let response = try XCTUnwrap(responses.popFirst(), "no response for \(testCase.name)")
        let code = ResponseLine.errorCode(response)
        switch testCase.name.prefix(2) {
        case "y_":
          XCTAssertNotEqual(code, "invalid_json", testCase.name)
          XCTAssertNotEqual(code, "invalid_utf8", testCase.name)
          XCTAssertNotEqual(code, "too_large", testCase.name)
        case "n_":
          XCTAssertNotNil(code, "\(testCase.name) was answered as a request")
          ResponseLine.assertError(response)
        default:
          XCTAssertTrue(code != nil || response["answer"] != nil, testCase.name)
        }
      }
      let probe = try XCTUnwrap(responses.popFirst(), "no answer after \(testCase.name)")
      XCTAssertEqual(probe["id"] as? String, "probe-\(index)", "responses out of step after \(testCase.name)")
      ResponseLine.assertAnswer(probe)
    }
    XCTAssertEqual(blankCount, 2)
    XCTAssertTrue(responses.isEmpty, "\(responses.count) extra lines")
  }

  func testEveryNaughtyStringIsAnswered() throws {
    let url = Self.fixtures.appendingPathComponent("naughty-strings/blns.json")
    let strings = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String])
    XCTAssertEqual(strings.count, 515)
    var input = Data()
    for (index, string) in strings.enumerated() {
      input.append(
        try JSONSerialization.data(withJSONObject: ["id": index, "question": string] as [String: Any]))
      input.append(0x0A)
      // The same string as a session id and as an id must not break anything either.
      input.append(
        try JSONSerialization.data(
          withJSONObject: ["id": string, "question": string, "session": string] as [String: Any]))
      input.append(0x0A)
    }
    let outcome = try JSONTestPack.run(input: input)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let responses = try ResponseLine.decodeAll(outcome.standardOutput)
    guard responses.count == 2 * strings.count else {
      return XCTFail("expected \(2 * strings.count) responses, got \(responses.count)")
    }
    for (index, string) in strings.enumerated() where 2 * index + 1 < responses.count {
      ResponseLine.assertAnswer(responses[2 * index])
      XCTAssertEqual(responses[2 * index]["id"] as? Int, index)
      ResponseLine.assertAnswer(responses[2 * index + 1])
      XCTAssertEqual(responses[2 * index + 1]["id"] as? String, string, "id \(index) not echoed exactly")
    }
  }

  func testTenMegabyteLineIsTooLargeAndTheNextIsAnswered() throws {
    let bot = try JSONProcess()
    XCTAssertTrue(bot.writeLine(#"{"id":0,"question":"hi"}"#))
    ResponseLine.assertAnswer(try bot.readResponse())
    let baseline = Self.peakResidentKilobytes(of: bot.processIdentifier)

    let body = [UInt8](repeating: UInt8(ascii: "a"), count: 10_000_000)
    XCTAssertTrue(bot.write(Array(#"{"id":1,"question":""#.utf8) + body + Array("\"}\n".utf8)))
    XCTAssertTrue(bot.writeLine(#"{"id":2,"question":"What is ketamine?"}"#))
    let tooLarge = try bot.readResponse()
    ResponseLine.assertError(tooLarge, code: "too_large")
    XCTAssertTrue(tooLarge["id"] is NSNull, "the line was never read whole, so its id is unknown")
    let next = try bot.readResponse()
    ResponseLine.assertAnswer(next)
    XCTAssertEqual(next["id"] as? Int, 2)

    // The line was skipped, not held: the peak resident size grew by far less than 10 MB.
    if let baseline, let peak = Self.peakResidentKilobytes(of: bot.processIdentifier) {
      XCTAssertLessThan(peak - baseline, 4_000, "peak RSS grew from \(baseline) kB to \(peak) kB")
    }
    bot.closeInput()
    XCTAssertEqual(bot.waitForExit()?.status, 0)
  }

  func testLineJustOverTheLimitIsTooLargeAndTheLimitIsConfigurable() throws {
    let question = String(repeating: "b", count: 200)
    let line = #"{"id":1,"question":"\#(question)"}"#
    let atLimit = try JSONTestPack.run(["--max-line-bytes", "\(line.utf8.count)"], lines: [line])
    ResponseLine.assertAnswer(try XCTUnwrap(ResponseLine.decodeAll(atLimit.standardOutput).first))
    let over = try JSONTestPack.run(
      ["--max-line-bytes", "\(line.utf8.count - 1)"], lines: [line, "{\"question\":\"hi\"}"])
    let responses = try ResponseLine.decodeAll(over.standardOutput)
    guard responses.count == 2 else {
      return XCTFail("expected \(2) responses, got \(responses.count)")
    }
    ResponseLine.assertError(responses[0], code: "too_large")
    ResponseLine.assertAnswer(responses[1])
  }

  func testThirtyThousandNestedArraysAreAnErrorNotACrash() throws {
    let arrays = String(repeating: "[", count: 30_000) + String(repeating: "]", count: 30_000)
    let asId =
      #"{"id":"#
      + String(repeating: "[", count: 30_000) + String(repeating: "]", count: 30_000) + #","question":"hi"}"#
    let asQuestion = #"{"question":"# + String(repeating: "[", count: 30_000)
    let lines = [arrays, asId, asQuestion, #"{"id":"after","question":"hi"}"#]
    XCTAssertTrue(lines.allSatisfy { $0.utf8.count < 65_536 }, "must stay under the line limit")
    let outcome = try JSONTestPack.run(lines: lines)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    XCTAssertEqual(outcome.errors, "")
    let responses = try ResponseLine.decodeAll(outcome.standardOutput)
    guard responses.count == 4 else {
      return XCTFail("expected \(4) responses, got \(responses.count)")
    }
    for response in responses.prefix(3) {
      ResponseLine.assertError(response, code: "invalid_json")
      let message = (response["error"] as? [String: Any])?["message"] as? String ?? ""
      XCTAssertTrue(message.contains("nested deeper than 512"), message)
    }
    ResponseLine.assertAnswer(responses[3])
    XCTAssertEqual(responses[3]["id"] as? String, "after")
  }

  func testInvalidUTF8IsReportedAndNeverEchoed() throws {
    var input: [UInt8] = []
    input += [0xFF, 0xFE, 0x0A]
    input += Array(#"{"id":7,"question":"caf"#.utf8) + [0xE9] + Array("\"}\n".utf8)  // Latin-1 é
    // A UTF-16 surrogate encoded in UTF-8, in a field the decoder only skips.
    input += Array(#"{"id":8,"question":"x","junk":""#.utf8) + [0xED, 0xA0, 0x80] + Array("\"}\n".utf8)
    input += Array(#"{"id":""#.utf8) + [0xC0, 0xAF] + Array(#"","question":"x"}"#.utf8) + [0x0A]  // overlong
    input += Array(#"{"id":9,"question":"hi"}"#.utf8) + [0x0A]
    let outcome = try JSONTestPack.run(input: Data(input))
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let responses = try ResponseLine.decodeAll(outcome.standardOutput)
    guard responses.count == 5 else {
      return XCTFail("expected \(5) responses, got \(responses.count)")
    }
    for response in responses.prefix(4) { ResponseLine.assertError(response, code: "invalid_utf8") }
    XCTAssertEqual(responses.map { $0["id"] as? Int }, [nil, 7, 8, nil, 9])
    XCTAssertTrue(responses[3]["id"] is NSNull, "an id that is not UTF-8 is never echoed")
    ResponseLine.assertAnswer(responses[4])
  }

  func testRandomBytesAlwaysGetOneValidLineEach() throws {
    var generator = SplitMix64(seed: 0x5EED)
    var lines: [[UInt8]] = []
    let pieces =
      Array(#"{"id":1,"question":"sessionid\u00e9\ud83d\ude00[]{},:"#.utf8) + [
        0x00, 0x1F, 0x7F, 0xC3, 0xA9, 0xF0, 0xFF,
      ]
    while lines.count < 400 {
      let count = Int(generator.next() % 80) + 1
      let line = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
      if !line.contains(0x0A) && !Self.isBlank(line) { lines.append(line) }
    }
    let outcome = try JSONTestPack.run(input: Data(lines.flatMap { $0 + [0x0A] }))
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let responses = try ResponseLine.decodeAll(outcome.standardOutput)
    XCTAssertEqual(responses.count, lines.count)
  }

  /// The peak resident set size of a live process, from /proc (nil where there is none).
  private static func peakResidentKilobytes(of pid: Int32) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
    return nil
  }
}
