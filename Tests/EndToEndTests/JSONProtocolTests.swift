import Foundation
import XCTest

/// Protocol v1 as a client sees it through pipes (docs/protocol.md): ids echoed exactly,
/// one response per non-blank line in order, strict alternation, sessions.
final class JSONProtocolTests: XCTestCase {
  /// The raw id text sent and the exact bytes expected back after `{"id":`.
  private static let ids: [(sent: String, echoed: String)] = [
    ("7", "7"),
    ("-0", "-0"),
    ("1.50e+3", "1.50e+3"),
    ("123456789012345678901234567890", "123456789012345678901234567890"),
    (#""abc""#, #""abc""#),
    (#""caf\u00e9 ☕ \n""#, #""caf\u00e9 ☕ \n""#),
    ("\"\"", "\"\""),
    ("null", "null"),
    ("true", "true"),
    ("[]", "[]"),
    (#"{"a":[1,{"b":null}],"c":"d"}"#, #"{"a":[1,{"b":null}],"c":"d"}"#),
    (#"{ "spaced" : [ 1 , 2 ] }"#, #"{ "spaced" : [ 1 , 2 ] }"#),
  ]

  func testIdsAreEchoedExactly() throws {
    var lines = Self.ids.map { #"{"id":\#($0.sent),"question":"What is ketamine?"}"# }
    lines.append(#"{"question":"What is ketamine?"}"#)
    // An id is echoed on errors too, when it was read before the problem.
    lines.append(#"{"id":{"n":1},"question":42}"#)
    lines.append(#"{"id":"broken","question":"#)
    let outcome = try JSONTestPack.run(lines: lines)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let outputLines = outcome.standardOutput.split(separator: 0x0A, omittingEmptySubsequences: false)
      .dropLast()
    XCTAssertEqual(outputLines.count, lines.count)
    let expected = Self.ids.map(\.echoed) + ["null", #"{"n":1}"#, #""broken""#]
    for (line, id) in zip(outputLines, expected) {
      let prefix = Array("{\"id\":\(id),".utf8)
      XCTAssertEqual(Array(line.prefix(prefix.count)), prefix, String(decoding: line, as: UTF8.self))
    }
    let responses = try ResponseLine.decodeAll(outcome.standardOutput)
    for response in responses.prefix(Self.ids.count + 1) { ResponseLine.assertAnswer(response) }
    XCTAssertTrue(responses[Self.ids.count]["id"] is NSNull, "an absent id is answered as null")
    ResponseLine.assertError(responses[Self.ids.count + 1], code: "invalid_request")
    ResponseLine.assertError(responses[Self.ids.count + 2], code: "invalid_json")
  }

  func testAnswerShapeForEveryKind() throws {
    let questions = [
      ("What are the side effects of ketamine therapy?", "intent"),
      ("I want to kill myself", "safety"),
      ("What is the capital of Mongolia and its population?", "fallback"),
    ]
    let lines = questions.enumerated().map { #"{"id":\#($0.offset),"question":"\#($0.element.0)"}"# }
    let outcome = try JSONTestPack.run(lines: lines)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    XCTAssertEqual(outcome.errors, "", "nothing on stderr in normal operation")
    let responses = try ResponseLine.decodeAll(outcome.standardOutput)
    guard responses.count == questions.count else {
      return XCTFail("expected \(questions.count) responses, got \(responses.count)")
    }
    for (response, (question, kind)) in zip(responses, questions) {
      ResponseLine.assertAnswer(response)
      XCTAssertEqual(response["kind"] as? String, kind, question)
    }
    XCTAssertEqual(responses[0]["intent"] as? String, "side_effects")
    XCTAssertFalse((responses[0]["sources"] as? [Any] ?? []).isEmpty, "a document answer names its sources")
    XCTAssertTrue(responses[2]["intent"] is NSNull, "a fallback has no intent")
    // One compact object per line: no spaces between tokens outside strings.
    let first = String(decoding: outcome.standardOutput.prefix { $0 != 0x0A }, as: UTF8.self)
    XCTAssertTrue(first.hasPrefix(#"{"id":0,"kind":"intent","intent":"side_effects","confidence":"#), first)
  }

  func testOneResponsePerNonBlankLineInOrderWithUnknownFieldsNullSessionAndCRLF() throws {
    let input =
      "\n   \n\t\r\n"
      + #"{"id":1,"question":"hi","extra":{"nested":[1,2,3]},"version":2}"# + "\r\n"
      + "\n"
      + #"{"question":"thanks","session":null,"id":2}"# + "\n"
      + "not json\n"
      + #"{"id":4,"question":"bye"}"#  // no final line feed: still a line
    let outcome = try JSONTestPack.run(input: Data(input.utf8))
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let responses = try ResponseLine.decodeAll(outcome.standardOutput)
    // A wrong count fails here rather than crashing the whole test run on an index below.
    guard responses.count == 4 else { return XCTFail("expected 4 responses: \(outcome.output)") }
    XCTAssertEqual(responses.map { $0["id"] as? Int }, [1, 2, nil, 4])
    ResponseLine.assertAnswer(responses[0])
    ResponseLine.assertAnswer(responses[1])
    ResponseLine.assertError(responses[2], code: "invalid_json")
    ResponseLine.assertAnswer(responses[3])
  }

  func testInvalidRequestsAreAnsweredAndTheStreamGoesOn() throws {
    let lines = [
      "[1,2]", "42", "\"question\"", "null", "{}", #"{"question":null}"#, #"{"question":["q"]}"#,
      #"{"question":"q","session":7}"#, #"{"id":9,"question":"hi"}"#,
    ]
    let outcome = try JSONTestPack.run(lines: lines)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let responses = try ResponseLine.decodeAll(outcome.standardOutput)
    guard responses.count == lines.count else {
      return XCTFail("expected \(lines.count) responses, got \(responses.count)")
    }
    for response in responses.dropLast() {
      ResponseLine.assertError(response, code: "invalid_request")
      XCTAssertTrue(response["id"] is NSNull)
    }
    ResponseLine.assertAnswer(responses[responses.count - 1])
    XCTAssertEqual(responses.last?["id"] as? Int, 9)
  }

  func testStrictAlternationDoesNotDeadlock() throws {
    let bot = try JSONProcess()
    let questions = ["hi", "What is ketamine?", "Is it addictive?", "How much does it cost?", "thanks"]
    for round in 0..<4 {
      for (index, question) in questions.enumerated() {
        let id = "\(round)-\(index)"
        XCTAssertTrue(try bot.send(["id": id, "question": question]))
        let response = try bot.readResponse()
        XCTAssertEqual(response["id"] as? String, id)
        ResponseLine.assertAnswer(response)
        // Exactly one line: nothing more arrives until the next request.
        XCTAssertNil(bot.readLineBytes(timeout: 0.05), "more than one line for \(id)")
      }
    }
    bot.closeInput()
    XCTAssertEqual(bot.readRest(), [], "stdout had bytes after the last answer")
    let exit = try XCTUnwrap(bot.waitForExit())
    XCTAssertEqual(exit.reason, .exit)
    XCTAssertEqual(exit.status, 0)
  }

  func testThousandRequestsInOneWriteComeBackCompleteAndInOrder() throws {
    let questions = ["What is ketamine?", "side effects?", "cost", "I want to die", "blorp zzz", "hi"]
    let lines = (0..<1_000).map { index in
      index % 7 == 3
        ? #"{"id":\#(index),"question":\#(index)}"#  // an error, still in its place
        : #"{"id":\#(index),"question":"\#(questions[index % questions.count])","session":"s\#(index % 5)"}"#
    }
    let outcome = try JSONTestPack.run(lines: lines)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let responses = try ResponseLine.decodeAll(outcome.standardOutput)
    XCTAssertEqual(responses.count, 1_000)
    XCTAssertEqual(responses.map { $0["id"] as? Int }, Array(0..<1_000))
    for (index, response) in responses.enumerated() {
      if index % 7 == 3 {
        ResponseLine.assertError(response, code: "invalid_request")
      } else {
        ResponseLine.assertAnswer(response)
      }
    }
  }

  func testSessionsCarryContextAndStayApart() throws {
    let bot = try JSONProcess()
    func ask(_ question: String, session: String?) throws -> [String: Any] {
      var request: [String: Any] = ["question": question]
      if let session { request["session"] = session }
      XCTAssertTrue(try bot.send(request))
      let response = try bot.readResponse()
      ResponseLine.assertAnswer(response)
      return response
    }
    let followUp = "how long do they last?"
    let alone = try ask(followUp, session: nil)
    XCTAssertNotEqual(alone["intent"] as? String, "side_effect_duration", "no context, no follow-up")

    XCTAssertEqual(try ask("What are the side effects?", session: "a")["intent"] as? String, "side_effects")
    // Another conversation in between must not disturb session a.
    XCTAssertEqual(try ask("How much does ketamine therapy cost?", session: "b")["kind"] as? String, "intent")
    XCTAssertEqual(try ask(followUp, session: nil)["intent"] as? String, alone["intent"] as? String)
    let inSession = try ask(followUp, session: "a")
    XCTAssertEqual(inSession["intent"] as? String, "side_effect_duration")
    // Session b never heard about side effects.
    XCTAssertNotEqual(try ask(followUp, session: "b")["intent"] as? String, "side_effect_duration")
    bot.closeInput()
    XCTAssertEqual(bot.waitForExit()?.status, 0)
  }

  /// Lines written at once are answered in batches on every core: sessions interleaved in one
  /// write must still each see only their own earlier questions, in order.
  func testInterleavedSessionsInOneWriteKeepTheirOwnContext() throws {
    var lines: [String] = []
    for round in 0..<40 {
      lines.append(#"{"id":"a\#(round)","question":"What are the side effects?","session":"a\#(round)"}"#)
      lines.append(#"{"id":"b\#(round)","question":"Does insurance cover it?","session":"b\#(round)"}"#)
      lines.append(#"{"id":"n\#(round)","question":"hello"}"#)
    }
    for round in 0..<40 {
      lines.append(#"{"id":"a\#(round)+","question":"how long do they last?","session":"a\#(round)"}"#)
      lines.append(#"{"id":"b\#(round)+","question":"how long do they last?","session":"b\#(round)"}"#)
    }
    let outcome = try JSONTestPack.run(lines: lines)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let responses = try ResponseLine.decodeAll(outcome.standardOutput)
    XCTAssertEqual(responses.count, lines.count)
    let expectedIds = lines.compactMap { line in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
    }
    XCTAssertEqual(responses.map { $0["id"] as? String }, expectedIds)
    for response in responses {
      guard let id = response["id"] as? String, id.hasSuffix("+") else { continue }
      let intent = response["intent"] as? String
      if id.hasPrefix("a") {
        XCTAssertEqual(intent, "side_effect_duration", id)
      } else {
        XCTAssertNotEqual(intent, "side_effect_duration", id)
      }
    }
  }
}
