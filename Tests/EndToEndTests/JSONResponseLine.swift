import Foundation
import XCTest

/// Checks on response lines that every test applies: valid UTF-8, one compact JSON object,
/// and the shape protocol v1 promises.
enum ResponseLine {
  static let answerKeys: Set<String> = [
    "id", "kind", "intent", "confidence", "answer", "sources", "candidates", "suggestions", "truncated",
    "category",
  ]
  static let errorCodes: Set<String> = ["invalid_json", "invalid_request", "invalid_utf8", "too_large"]

  /// Decodes one response line (without LF) and checks it is valid UTF-8 and a JSON object.
  static func decode(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> [String:
    Any]
  {
    let text = try XCTUnwrap(
      String(validating: bytes, as: UTF8.self), "response is not valid UTF-8", file: file, line: line)
    XCTAssertFalse(bytes.contains(0x0D), "raw CR in a response line", file: file, line: line)
    XCTAssertFalse(
      text.contains("\u{2028}") || text.contains("\u{2029}"), "raw U+2028/9", file: file, line: line)
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? [String: Any],
      "response is not a JSON object: \(text.prefix(200))", file: file, line: line)
    return object
  }

  /// Splits a whole stdout into lines, checking it ends with LF and every line decodes.
  static func decodeAll(_ output: Data, file: StaticString = #filePath, line: UInt = #line) throws
    -> [[String: Any]]
  {
    let bytes = [UInt8](output)
    guard !bytes.isEmpty else { return [] }
    XCTAssertEqual(bytes.last, 0x0A, "stdout does not end with a line feed", file: file, line: line)
    return try bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map {
      try decode(Array($0), file: file, line: line)
    }
  }

  /// The error code of an error response, or nil for an answer.
  static func errorCode(_ response: [String: Any]) -> String? {
    (response["error"] as? [String: Any])?["code"] as? String
  }

  /// Asserts `response` is a well-formed answer (not an error) as protocol v1 describes it.
  static func assertAnswer(_ response: [String: Any], file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(Set(response.keys), answerKeys, "\(response)", file: file, line: line)
    let kinds: Set<String> = ["intent", "knowledge", "fallback", "safety"]
    XCTAssertTrue(kinds.contains(response["kind"] as? String ?? ""), "\(response)", file: file, line: line)
    XCTAssertTrue(response["intent"] is String || response["intent"] is NSNull, file: file, line: line)
    let confidence = response["confidence"] as? Double ?? -1
    XCTAssertTrue((0...1).contains(confidence), "confidence \(confidence)", file: file, line: line)
    XCTAssertNotNil(response["answer"] as? String, file: file, line: line)
    XCTAssertFalse((response["answer"] as? String ?? "").isEmpty, "empty answer", file: file, line: line)
    let sources = response["sources"] as? [[String: Any]]
    XCTAssertNotNil(sources, file: file, line: line)
    for source in sources ?? [] {
      XCTAssertNotNil(source["id"] as? String, file: file, line: line)
      XCTAssertNotNil(source["section"] as? String, file: file, line: line)
    }
    let candidates = response["candidates"] as? [[String: Any]] ?? []
    XCTAssertTrue(
      (1...3).contains(candidates.count), "\(candidates.count) candidates", file: file, line: line)
    let confidences = candidates.compactMap { $0["confidence"] as? Double }
    XCTAssertEqual(confidences.count, candidates.count, file: file, line: line)
    XCTAssertEqual(
      confidences, confidences.sorted(by: >), "candidates not best first", file: file, line: line)
    XCTAssertTrue(confidences.allSatisfy { (0...1).contains($0) }, file: file, line: line)
    XCTAssertEqual(
      candidates.compactMap { $0["intent"] as? String }.count, candidates.count, file: file, line: line)
    XCTAssertNotNil(response["suggestions"] as? [String], file: file, line: line)
    XCTAssertNotNil(response["truncated"] as? Bool, file: file, line: line)
    let categories: Set<String> = ["answer", "not_covered", "decline", "small_talk", "safety", "fallback"]
    XCTAssertTrue(
      categories.contains(response["category"] as? String ?? ""), "\(response)", file: file, line: line)
    if response["kind"] as? String == "fallback" {
      XCTAssertTrue(
        response["intent"] is NSNull, "a fallback names no intent: \(response)", file: file, line: line)
    }
  }

  /// Asserts `response` is an error response with one of the protocol's codes.
  static func assertError(
    _ response: [String: Any], code: String? = nil, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(Set(response.keys), ["id", "error"], "\(response)", file: file, line: line)
    let error = response["error"] as? [String: Any] ?? [:]
    XCTAssertEqual(Set(error.keys), ["code", "message"], file: file, line: line)
    let actual = error["code"] as? String ?? ""
    XCTAssertTrue(errorCodes.contains(actual), "unknown code \(actual)", file: file, line: line)
    if let code { XCTAssertEqual(actual, code, "\(response)", file: file, line: line) }
    XCTAssertFalse((error["message"] as? String ?? "").isEmpty, file: file, line: line)
  }
}
