import FAQBot
import Foundation
import XCTest

@testable import FAQBotJSON
@testable import FAQBotProtocol

/// The response writer: exact line layout, escaping that round-trips through two independent
/// parsers, and confidence formatting.
final class ProtocolWriterTests: XCTestCase {
  private static let naughtyStrings = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/naughty-strings/blns.json")

  private let writer = ResponseWriter()

  private func line(_ answer: Answer, id: RawJSON? = nil) -> String {
    var buffer: [UInt8] = []
    writer.encode(answer, id: id, into: &buffer)
    return String(decoding: buffer, as: UTF8.self)
  }

  private func line(_ error: ProtocolError) -> String {
    var buffer: [UInt8] = []
    writer.encode(error, into: &buffer)
    return String(decoding: buffer, as: UTF8.self)
  }

  func testAnswerLayoutAndKeyOrder() {
    let answer = Answer(
      kind: .knowledge, intent: "side_effects", confidence: 0.97314, text: "Mild.",
      sources: [.init(id: "se.p1", section: "Side effects"), .init(id: "se.p2", section: "More")],
      candidates: [.init(intent: "side_effects", confidence: 0.9), .init(intent: "dose", confidence: 0.05)],
      suggestions: ["How long?", "Who to call?"], truncated: true)
    XCTAssertEqual(
      line(answer, id: RawJSON("1.0e5")),
      #"{"id":1.0e5,"kind":"knowledge","intent":"side_effects","confidence":0.9731,"answer":"Mild.","#
        + #""sources":[{"id":"se.p1","section":"Side effects"},{"id":"se.p2","section":"More"}],"#
        + #""candidates":[{"intent":"side_effects","confidence":0.9},{"intent":"dose","confidence":0.05}],"#
        + #""suggestions":["How long?","Who to call?"],"truncated":true,"category":"answer"}"# + "\n")
    XCTAssertEqual(
      line(Answer(kind: .fallback, intent: nil, confidence: 1, text: "")),
      #"{"id":null,"kind":"fallback","intent":null,"confidence":1,"answer":"","sources":[],"#
        + #""candidates":[],"suggestions":[],"truncated":false,"category":"fallback"}"# + "\n")
  }

  func testErrorLayout() {
    XCTAssertEqual(
      line(ProtocolError(code: .invalidRequest, message: "no \"question\"", id: RawJSON("[1, \"a\"]"))),
      #"{"id":[1, "a"],"error":{"code":"invalid_request","message":"no \"question\""}}"# + "\n")
    XCTAssertEqual(
      line(ProtocolError.tooLarge(byteCount: 70_000, limit: 65_536)),
      #"{"id":null,"error":{"code":"too_large","#
        + #""message":"line is 70000 bytes, more than the limit of 65536 bytes"}}"# + "\n")
  }

  func testAppendsToExistingContent() {
    var buffer = Array("previous\n".utf8)
    writer.encode(ProtocolError(code: .invalidJSON, message: "m"), into: &buffer)
    writer.encode(Answer(kind: .safety, intent: "crisis", confidence: 0.5, text: "t"), id: nil, into: &buffer)
    let lines = String(decoding: buffer, as: UTF8.self).split(separator: "\n")
    XCTAssertEqual(lines.count, 3)
    XCTAssertEqual(lines[0], "previous")
    XCTAssertTrue(lines[2].hasPrefix(#"{"id":null,"kind":"safety","intent":"crisis","confidence":0.5"#))
  }

  func testEscaping() {
    XCTAssertEqual(JSONStringEscaping.encoded("a\"b\\c/"), #""a\"b\\c/""#)
    XCTAssertEqual(
      JSONStringEscaping.encoded("\n\r\t\u{08}\u{0C}\u{0}\u{1F}\u{7F}"),
      #""\n\r\t\b\f\u0000\u001f"# + "\u{7F}\"")
    XCTAssertEqual(
      JSONStringEscaping.encoded("x\u{2028}y\u{2029}z\u{2027}"), #""x\u2028y\u2029z"# + "\u{2027}\"")
    XCTAssertEqual(
      JSONStringEscaping.encoded("é😀 long enough to take the fast path"),
      "\"é😀 long enough to take the fast path\"")
    XCTAssertEqual(JSONStringEscaping.encoded(""), #""""#)
  }

  func testEveryCodePointClassRoundTrips() throws {
    var samples = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
    samples.append(String((0..<0x80).map { Character(UnicodeScalar(UInt8($0))) }))
    samples += [
      "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}", "\u{2028}\u{2029}", "\u{FEFF}",
    ]
    samples.append("ascii run with \"quotes\" and \\ in the middle of a long line\u{2028}and more text")
    try assertRoundTrips(samples)
  }

  func testNaughtyStringsRoundTrip() throws {
    let bytes = [UInt8](try Data(contentsOf: Self.naughtyStrings))
    guard case .array(let values) = try JSONParser().parse(bytes) else {
      return XCTFail("blns.json is not an array")
    }
    let strings = values.compactMap { value -> String? in
      if case .string(let text) = value { return text }
      return nil
    }
    XCTAssertGreaterThan(strings.count, 500)
    // Our parser and Foundation's read the fixture the same way (but for Foundation's quirk).
    let foundation = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String])
    XCTAssertEqual(foundation.count, strings.count)
    for (theirs, ours) in zip(foundation, strings) where !Self.foundationDropsLeadingBOM(ours) {
      XCTAssertEqual(theirs, ours)
    }
    try assertRoundTrips(strings)
  }

  /// Writes each string in every string field of an answer, then reads the line back with our
  /// parser and with Foundation's, which must both give the original strings.
  private func assertRoundTrips(_ strings: [String], file: StaticString = #filePath, line: UInt = #line)
    throws
  {
    for text in strings {
      let answer = Answer(
        kind: .intent, intent: text, confidence: 0.5, text: text, sources: [.init(id: text, section: text)],
        candidates: [.init(intent: text, confidence: 0.25)], suggestions: [text, text])
      var buffer: [UInt8] = []
      writer.encode(answer, id: RawJSON("7"), into: &buffer)
      XCTAssertEqual(buffer.last, 0x0A, file: file, line: line)
      let body = Array(buffer.dropLast())
      XCTAssertFalse(
        body.contains(0x0A) || body.contains(0x0D), text.debugDescription, file: file, line: line)
      XCTAssertFalse(String(decoding: body, as: UTF8.self).contains("\u{2028}"), file: file, line: line)

      let parsed = try JSONParser().parse(body)
      XCTAssertEqual(parsed["answer"], .string(text), text.debugDescription, file: file, line: line)
      XCTAssertEqual(parsed["intent"], .string(text), file: file, line: line)
      XCTAssertEqual(parsed["suggestions"], .array([.string(text), .string(text)]), file: file, line: line)

      guard !Self.foundationDropsLeadingBOM(text) else { continue }
      let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
      XCTAssertEqual(object?["answer"] as? String, text, text.debugDescription, file: file, line: line)
      let sources = object?["sources"] as? [[String: String]]
      XCTAssertEqual(sources?.first?["section"], text, file: file, line: line)
    }
  }

  /// Foundation's `JSONSerialization` on Linux silently drops a U+FEFF at the start of a
  /// string value (`["\u{FEFF}x"]` reads as `["x"]`), so it cannot judge those strings; our own
  /// parser still checks them.
  private static func foundationDropsLeadingBOM(_ text: String) -> Bool {
    text.unicodeScalars.first == "\u{FEFF}"
  }

  func testConfidenceFormatting() {
    let cases: [(Double, String)] = [
      (0, "0"), (1, "1"), (0.5, "0.5"), (0.97314, "0.9731"), (0.97315, "0.9732"), (0.05, "0.05"),
      (0.0001, "0.0001"), (0.00004, "0"), (0.00005, "0.0001"), (0.99996, "1"), (0.1234, "0.1234"),
      (0.1, "0.1"), (0.25, "0.25"), (-0.0, "0"), (-1, "0"), (2, "1"), (.infinity, "1"),
      (-.infinity, "0"), (.nan, "0"), (.leastNonzeroMagnitude, "0"), (.greatestFiniteMagnitude, "1"),
    ]
    for (value, expected) in cases {
      XCTAssertEqual(ConfidenceFormat.string(value), expected, "\(value)")
    }
    let written = line(
      Answer(
        kind: .intent, intent: "x", confidence: .nan, text: "",
        candidates: [.init(intent: "y", confidence: .infinity)]))
    XCTAssertTrue(written.contains(#""confidence":0,"#))
    XCTAssertTrue(written.contains(#"{"intent":"y","confidence":1}"#))
  }

  func testEveryConfidenceIsAValidNumberInRange() throws {
    for step in 0...20_000 {
      let value = Double(step) / 20_000
      let text = ConfidenceFormat.string(value)
      XCTAssertLessThanOrEqual(text.count, 6)
      let number = try XCTUnwrap(Double(text))
      XCTAssertEqual(number, value, accuracy: 0.00005 + 1e-12)
      XCTAssertEqual(try JSONParser().parse(text), .number(raw: text))
    }
  }
}
