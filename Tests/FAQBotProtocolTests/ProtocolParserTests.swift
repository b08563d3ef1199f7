import FAQBot
import Foundation
import XCTest

@testable import FAQBotJSON
@testable import FAQBotProtocol

/// The strict JSON parser and the request decoder: what they accept, what they reject and
/// with which protocol error, and that an id comes back exactly as it was sent.
final class ProtocolParserTests: XCTestCase {
  private static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/jsontestsuite/test_parsing")

  private let parser = JSONParser()
  private let decoder = RequestDecoder()

  // MARK: - JSONTestSuite

  func testJSONTestSuite() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).sorted()
    var counts: [String: Int] = [:]
    for name in names where name.hasSuffix(".json") {
      let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
      let parsed = Result { () throws(JSONParseError) -> JSONValue in try parser.parse(bytes) }
      let decoded = decoder.decode(line: bytes)
      let decodedAsJSON: Bool
      switch decoded {
      case .success:
        decodedAsJSON = true
      case .failure(let error):
        decodedAsJSON = error.code == .invalidRequest
        XCTAssertTrue(error.message.contains("byte") || error.code == .invalidRequest, name)
      }
      switch name.prefix(2) {
      case "y_":
        XCTAssertTrue(UTF8Validation.isValid(bytes), "\(name) is not UTF-8")
        XCTAssertNoThrow(try parsed.get(), name)
        XCTAssertTrue(decodedAsJSON, "\(name): \(decoded)")
        counts["y", default: 0] += 1
      case "n_":
        XCTAssertThrowsError(try parsed.get(), name)
        XCTAssertFalse(decodedAsJSON, "\(name) decoded as JSON")
        counts["n", default: 0] += 1
      default:
        // Either answer is allowed; the parser and the decoder must only agree and not crash.
        XCTAssertEqual((try? parsed.get()) != nil, decodedAsJSON, name)
        counts["i", default: 0] += 1
      }
    }
    XCTAssertEqual(counts, ["y": 95, "n": 188, "i": 35], "fixture set changed or not found")
  }

  func testUnpairedSurrogateEscapesAreRejected() {
    for text in [#"["\uD800"]"#, #"["\uDC00"]"#, #"["\uD800\u0041"]"#, #"["\uDd1e\uD834"]"#] {
      XCTAssertThrowsError(try parser.parse(text), text) { error in
        XCTAssertEqual((error as? JSONParseError)?.reason, .unpairedSurrogate, text)
      }
    }
    XCTAssertEqual(try parser.parse(#""\uD834\uDD1E""#), .string("\u{1D11E}"))
  }

  // MARK: - Nesting

  func testHundredThousandOpeningBracketsFailWithoutOverflow() {
    for opener in ["[", "{\"a\":", "[{\"a\":"] {
      let bytes = [UInt8](String(repeating: opener, count: 100_000).utf8)
      XCTAssertThrowsError(try parser.parse(bytes)) { error in
        XCTAssertEqual((error as? JSONParseError)?.reason, .tooDeep(limit: 512))
      }
      let wide = RequestDecoder(maxLineBytes: 1 << 24)
      let line = [UInt8]("{\"id\":".utf8) + bytes
      XCTAssertEqual(wide.decode(line: line).failureValue?.code, .invalidJSON)
      XCTAssertTrue(wide.decode(line: line).failureValue?.message.contains("nested") ?? false)
      XCTAssertEqual(wide.decode(line: bytes).failureValue?.code, .invalidJSON)
      XCTAssertNil(RawJSON(bytes: bytes))
    }
  }

  func testBalancedDeepNestingIsRejectedToo() {
    let bytes = [UInt8](
      (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
    XCTAssertThrowsError(try parser.parse(bytes))
    XCTAssertEqual(RequestDecoder(maxLineBytes: 1 << 24).decode(line: bytes).failureValue?.code, .invalidJSON)
  }

  func testDepthLimitIsExact() throws {
    func nested(_ depth: Int) -> String {
      String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }
    XCTAssertNoThrow(try parser.parse(nested(512)))
    XCTAssertThrowsError(try parser.parse(nested(513)))
    XCTAssertNoThrow(try JSONParser(maxDepth: 2).parse("[{}]"))
    XCTAssertThrowsError(try JSONParser(maxDepth: 2).parse("[[{}]]"))
    XCTAssertEqual(JSONParser(maxDepth: 1_000_000).maxDepth, JSONParser.depthCeiling)
    // The request object itself counts as one level.
    let shallow = RequestDecoder(maxDepth: 3)
    XCTAssertNotNil(shallow.decode(line: Array(#"{"id":[[1]],"question":"q"}"#.utf8)).successValue)
    XCTAssertEqual(
      shallow.decode(line: Array(#"{"id":[[[1]]],"question":"q"}"#.utf8)).failureValue?.code, .invalidJSON)
  }

  // MARK: - Values

  func testParsesValuesKeepingOrderDuplicatesAndNumberText() throws {
    let value = try parser.parse(
      " {\"b\":[1,-0.5e+3,true,false,null,\"x\\u00e9\\ud83d\\ude00\\n\\/\"],\"a\":{},\"b\":1E400}\r\n")
    let expected = JSONValue.object([
      (
        "b",
        .array([
          .number(raw: "1"), .number(raw: "-0.5e+3"), .bool(true), .bool(false), .null,
          .string("xé😀\n/"),
        ])
      ),
      ("a", .object([])),
      ("b", .number(raw: "1E400")),
    ])
    XCTAssertEqual(value, expected)
    XCTAssertEqual(value["b"], .number(raw: "1E400"))
    XCTAssertNotEqual(JSONValue.number(raw: "1.0"), .number(raw: "1"))
    XCTAssertEqual(try parser.parse(#""\u0000""#), .string("\u{0}"))
  }

  func testRejectsWhatRFC8259Forbids() {
    let invalid = [
      "", " ", "01", "-01", "1.", ".5", "+1", "-", "1e", "1e+", "NaN", "Infinity", "-Infinity", "0x10",
      "nul", "tru", "True", "[1,]", "{\"a\":1,}", "[1] x", "[1]]", "{\"a\" 1}", "{'a':1}", "{a:1}",
      "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"a\tb\"", "\"a\nb\"", "\"abc", "[\u{0C}1]", "\u{FEFF}[]",
      "[\u{A0}1]", "[1 2]", "{\"a\":1 \"b\":2}", "/* c */ 1",
    ]
    for text in invalid {
      XCTAssertThrowsError(try parser.parse(text), "accepted \(text.debugDescription)")
    }
    XCTAssertThrowsError(try parser.parse([0x22, 0xC0, 0xAF, 0x22]))
    XCTAssertThrowsError(try parser.parse([0x22, 0xED, 0xA0, 0x80, 0x22]))
  }

  func testErrorsNameTheByteOffset() {
    XCTAssertThrowsError(try parser.parse("[1,}")) { error in
      let parseError = error as? JSONParseError
      XCTAssertEqual(parseError?.offset, 3)
      XCTAssertEqual(parseError?.message, "unexpected character '}' at byte 3")
    }
    XCTAssertThrowsError(try parser.parse("[1] 2")) { error in
      XCTAssertEqual((error as? JSONParseError)?.offset, 4)
    }
    let failure = decoder.decode(line: Array(#"{"question": "a",}"#.utf8)).failureValue
    XCTAssertEqual(failure?.code, .invalidJSON)
    XCTAssertEqual(failure?.message, "invalid JSON: unexpected character '}' at byte 17")
  }

  // MARK: - Requests

  func testDecodesTypicalRequest() throws {
    let request = try decoder.decode(
      line: Array(#"{"id": 17, "question": "what are the side effects?", "session": "a"}"#.utf8)
    ).get()
    XCTAssertEqual(request.id?.text, "17")
    XCTAssertEqual(request.question, "what are the side effects?")
    XCTAssertEqual(request.session, "a")
  }

  func testIdEchoIsExact() throws {
    let ids = [
      "1.0e5", "123456789012345678901234567890", "-0", "1E+2", "0.10", "null", "true",
      #""a\"b\\c\u00e9\/ é""#, #""\ud83d\ude00""#, "[1, 2,\t{\"k\" : [ ]}]", #"{"z":1,"a":[null]}"#,
    ]
    for id in ids {
      let line = Array("{\"question\":\"q\", \"id\" :  \(id)  }".utf8)
      let request = try decoder.decode(line: line).get()
      XCTAssertEqual(request.id?.text, id)
      var output: [UInt8] = []
      ResponseWriter().encode(
        Answer(kind: .fallback, intent: nil, confidence: 0, text: ""), id: request.id, into: &output)
      XCTAssertTrue(String(decoding: output, as: UTF8.self).hasPrefix("{\"id\":\(id),\"kind\""), id)
    }
    XCTAssertNil(try decoder.decode(line: Array(#"{"question":"q"}"#.utf8)).get().id)
  }

  func testIdEchoCannotBreakTheLine() throws {
    var line = Array("{\"id\":[1,\r\n2, \"\u{2028}\u{2029}\"],\"question\":\"q\"}".utf8)
    let request = try decoder.decode(line: line).get()
    XCTAssertEqual(request.id?.text, #"[1,  2, "\u2028\u2029"]"#)
    XCTAssertEqual(
      try parser.parse(request.id?.bytes ?? []),
      .array([.number(raw: "1"), .number(raw: "2"), .string("\u{2028}\u{2029}")]))
    line = Array("{\"id\":\"\u{2028}\",\"question\":5}".utf8)
    XCTAssertEqual(decoder.decode(line: line).failureValue?.id?.text, #""\u2028""#)
  }

  func testMemberNamesWithEscapesAndDuplicates() throws {
    let request = try decoder.decode(
      line: Array(
        #"{"qu\u0065stion": "first", "\u0069d": 1, "question": "second", "id": 2, "x": {"question": 3}}"#
          .utf8)
    ).get()
    XCTAssertEqual(request.question, "second")
    XCTAssertEqual(request.id?.text, "2")
    XCTAssertEqual(
      try decoder.decode(line: Array(#"{"question":"a\nb\u00e9"}"#.utf8)).get().question, "a\nbé")
    XCTAssertNil(try decoder.decode(line: Array(#"{"question":"q","session":null}"#.utf8)).get().session)
    XCTAssertEqual(
      try decoder.decode(line: Array(#"{"Question":"x","question":"q","extra":[1,{"a":null}]}"#.utf8)).get(),
      Request(question: "q"))
  }

  func testInvalidRequests() {
    let cases: [(line: String, id: String?)] = [
      ("[]", nil), ("\"question\"", nil), ("1", nil), ("null", nil), ("{}", nil),
      (#"{"id": 4}"#, "4"), (#"{"question": 5}"#, nil), (#"{"question": null}"#, nil),
      (#"{"question": ["a"]}"#, nil), (#"{"id": "x", "question": true}"#, #""x""#),
      (#"{"question": "q", "session": 3}"#, nil), (#"{"id":[7],"question":{}}"#, "[7]"),
    ]
    for (line, id) in cases {
      let error = decoder.decode(line: Array(line.utf8)).failureValue
      XCTAssertEqual(error?.code, .invalidRequest, line)
      XCTAssertEqual(error?.id?.text, id, line)
    }
    XCTAssertEqual(
      decoder.decode(line: Array(#"{"question": 5}"#.utf8)).failureValue?.message,
      "\"question\" must be a string, got number")
    XCTAssertEqual(
      decoder.decode(line: Array("[1]".utf8)).failureValue?.message,
      "request must be a JSON object, got array")
  }

  func testInvalidJSONEchoesAnIdReadBeforeTheError() {
    let withId = decoder.decode(line: Array(#"{"id": 9, "question": }"#.utf8)).failureValue
    XCTAssertEqual(withId?.code, .invalidJSON)
    XCTAssertEqual(withId?.id?.text, "9")
    let without = decoder.decode(line: Array(#"{"question": "q", "id": [1,}"#.utf8)).failureValue
    XCTAssertEqual(without?.code, .invalidJSON)
    XCTAssertNil(without?.id)
    XCTAssertEqual(decoder.decode(line: Array("".utf8)).failureValue?.code, .invalidJSON)
  }

  func testInvalidUTF8IsReportedAsSuch() {
    let prefix = Array(#"{"id": 3, "question": "a"#.utf8)
    let suffix = Array(#""}"#.utf8)
    for bad: [UInt8] in [
      [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE6, 0x97], [0xF4, 0x90, 0x80, 0x80],
    ] {
      let error = decoder.decode(line: prefix + bad + suffix).failureValue
      XCTAssertEqual(error?.code, .invalidUTF8, "\(bad)")
      XCTAssertEqual(error?.message, "line is not valid UTF-8: malformed sequence at byte \(prefix.count)")
    }
    // Outside strings too, even where the JSON grammar would fail first.
    let trailing = decoder.decode(line: Array(#"{"id": 3, "question": "q"}"#.utf8) + [0xFF]).failureValue
    XCTAssertEqual(trailing?.code, .invalidUTF8)
    XCTAssertEqual(trailing?.id?.text, "3")
    XCTAssertEqual(
      decoder.decode(line: [0xFF] + Array(#"{"id":1,"question":"q"}"#.utf8)).failureValue?.code, .invalidUTF8)
    XCTAssertNil(
      decoder.decode(line: [0x7B, 0xFF] + Array(#""id":1,"question":"q"}"#.utf8)).failureValue?.id)
  }

  func testTooLargeLine() {
    let small = RequestDecoder(maxLineBytes: 20)
    XCTAssertNotNil(small.decode(line: Array(#"{"question":"12345"}"#.utf8)).successValue)
    let error = small.decode(line: Array(#"{"question":"123456"}"#.utf8)).failureValue
    XCTAssertEqual(error?.code, .tooLarge)
    XCTAssertEqual(error?.message, "line is 21 bytes, more than the limit of 20 bytes")
  }

  func testBlankLines() {
    XCTAssertTrue(RequestDecoder.isBlank([]))
    XCTAssertTrue(RequestDecoder.isBlank(Array(" \t \r".utf8)))
    XCTAssertFalse(RequestDecoder.isBlank(Array(" x ".utf8)))
    XCTAssertFalse(RequestDecoder.isBlank([0x0C]))
    XCTAssertFalse(RequestDecoder.isBlank(Array("\u{A0}".utf8)))
  }

  func testRawJSONValidates() {
    XCTAssertEqual(RawJSON(" 1.0e5 \n")?.text, "1.0e5")
    XCTAssertEqual(RawJSON(#"{"a":[1]}"#)?.text, #"{"a":[1]}"#)
    XCTAssertNil(RawJSON("1 2"))
    XCTAssertNil(RawJSON("[1,"))
    XCTAssertNil(RawJSON(""))
    XCTAssertNil(RawJSON(#""\uD800""#))
    XCTAssertEqual(RawJSON.null.text, "null")
  }
}

extension Result {
  fileprivate var failureValue: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }

  fileprivate var successValue: Success? {
    if case .success(let value) = self { return value }
    return nil
  }
}
