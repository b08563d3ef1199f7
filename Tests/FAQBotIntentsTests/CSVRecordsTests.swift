import FAQBot
import XCTest

@testable import FAQBotIntents

/// CSV records with the line each starts on: quoted commas, line breaks and doubled quotes,
/// CRLF, blank lines skipped, and lines counted past breaks inside quotes.
final class CSVRecordsTests: XCTestCase {
  private func records(_ text: String) -> [CSVRecords.Record] { CSVRecords(text: text).records() }

  func testPlainRecordsWithTheirLines() {
    XCTAssertEqual(
      records("question,intent\nhi there,greet\n"),
      [.init(line: 1, fields: ["question", "intent"]), .init(line: 2, fields: ["hi there", "greet"])])
  }

  func testQuotedFieldsHoldCommasQuotesAndLineBreaks() {
    let parsed = records("\"a, b\",x\n\"say \"\"hi\"\"\",y\n\"two\nlines\",z\nafter,w\n")
    XCTAssertEqual(
      parsed.map(\.fields), [["a, b", "x"], ["say \"hi\"", "y"], ["two\nlines", "z"], ["after", "w"]])
    XCTAssertEqual(parsed.map(\.line), [1, 2, 3, 5], "the record after a quoted line break starts on line 5")
  }

  func testCRLFAndBlankLinesAndTrimming() {
    let parsed = records("a , b\r\n\r\n  c,d  \r\n")
    XCTAssertEqual(parsed.map(\.fields), [["a", "b"], ["c", "d"]])
    XCTAssertEqual(parsed.map(\.line), [1, 3])
  }

  func testEmptyTextHasNoRecords() {
    XCTAssertEqual(records(""), [])
  }
}
