import FAQBot
import Foundation
import XCTest

@testable import FAQBotIntents

/// `faqbot import`'s engine: labelled questions (JSON or CSV) in, an intent file that loads out.
final class ExampleImporterTests: XCTestCase {
  private func load(_ result: ExampleImporter.Result) throws -> IntentPack {
    try IntentPackLoader().load(files: [("imported.yaml", result.text)])
  }

  private func importText(_ text: String, split: String? = nil) throws -> ExampleImporter.Result {
    try ExampleImporter(split: split).importFile(Array(text.utf8), fileName: "pairs")
  }

  private func errors(_ text: String, split: String? = nil) -> [IntentFileError] {
    do {
      _ = try importText(text, split: split)
      XCTFail("expected an error")
      return []
    } catch let error as IntentPackError {
      return error.errors
    } catch {
      XCTFail("unexpected \(error)")
      return []
    }
  }

  func testJSONListBecomesIntentsInFirstAppearanceOrderWithPlaceholderAnswers() throws {
    let result = try importText(
      """
      [["how do I say hello in French", "translate"], ["what is my balance", "balance"],
       ["say thanks in German", "translate"]]
      """)
    XCTAssertEqual(result.intentCount, 2)
    XCTAssertEqual(result.exampleCount, 3)
    let pack = try load(result)
    XCTAssertEqual(pack.intents.map(\.id), ["translate", "balance"])
    XCTAssertEqual(pack.intents[0].examples, ["how do I say hello in French", "say thanks in German"])
    XCTAssertEqual(pack.intents[1].answer.text, "Answer for balance.")
    XCTAssertTrue(result.text.hasPrefix("# Imported by `faqbot import`"), result.text)
    XCTAssertTrue(result.text.contains("placeholder"), result.text)
  }

  func testObjectOfListsNeedsASplitAndImportsOnlyThatOne() throws {
    let text = """
      {"train": [["freeze my card", "freeze_account"]], "test": [["lock my account", "freeze_account"]]}
      """
    let missing = errors(text)
    XCTAssertEqual(missing.count, 1)
    XCTAssertTrue(missing[0].message.contains("train, test"), missing[0].message)
    XCTAssertTrue(errors(text, split: "val")[0].message.contains("no list named 'val'"))
    let pack = try load(try importText(text, split: "test"))
    XCTAssertEqual(pack.intents.first?.examples, ["lock my account"])
  }

  func testBadJSONEntriesAreAllReportedWithTheirLines() {
    let found = errors(
      """
      [
        ["how do I pay", "pay_bill"],
        ["only one"],
        [1, "pay_bill"],
        ["   ", "pay_bill"],
        "just text"
      ]
      """)
    XCTAssertEqual(found.map(\.location.line), [3, 4, 5, 6])
    XCTAssertTrue(found[0].message.contains("entry 2"), found[0].message)
    XCTAssertEqual(found[2].message, "empty question")
  }

  func testBadRowsOfASplitAreLocatedInsideTheirList() {
    let found = errors(
      """
      {"val": [["fine", "a"]],
       "train": [
         ["fine", "a"],
         ["broken"]
       ]}
      """, split: "train")
    XCTAssertEqual(found.map(\.location.line), [4])
  }

  func testInvalidJSONIsLocatedToLineAndColumn() {
    let found = errors("[\n  [\"a\", \"b\"],\n  [\"c\" \"d\"]\n]")
    XCTAssertEqual(found.count, 1)
    XCTAssertEqual(found[0].location.line, 3)
    XCTAssertEqual(found[0].location.column, 8)
  }

  func testCSVWithHeaderQuotesCommasNewlinesAndCRLF() throws {
    let csv =
      "question,intent\r\n"
      + "\"hi, how are you\",greeting\r\n"
      + "\"she said \"\"hello\"\"\",greeting\r\n"
      + "\"two\nlines\",multi\r\n"
      + "\r\n"
      + "plain question,multi\r\n"
    let pack = try load(try importText(csv))
    XCTAssertEqual(pack.intents.map(\.id), ["greeting", "multi"])
    XCTAssertEqual(pack.intents[0].examples, ["hi, how are you", "she said \"hello\""])
    XCTAssertEqual(pack.intents[1].examples, ["two\nlines", "plain question"])
  }

  func testCSVWithoutHeaderKeepsTheFirstRow() throws {
    let pack = try load(try importText("what is my balance,balance\nhow much money do I have,balance\n"))
    XCTAssertEqual(pack.intents.first?.examples.count, 2)
  }

  func testBadCSVRowsAreReportedWithTheLineTheyStartOn() {
    let found = errors("a question,intent_a\n\"spans\ntwo lines\",x,extra\nno intent column\nq,\n")
    XCTAssertEqual(found.map(\.location.line), [2, 4, 5])
    XCTAssertTrue(found[0].message.contains("found 3"), found[0].message)
    XCTAssertTrue(found[2].message.contains("empty intent"), found[2].message)
  }

  /// A quote never closed swallows the rest of the file: the error says so, at its line,
  /// instead of only counting columns; a closed quote over two lines is no such error.
  func testAnUnclosedQuoteIsNamedAtItsLine() {
    let found = errors("question,intent\n\"hello there,greet\nbye,goodbye\n")
    XCTAssertEqual(found.map(\.location.line), [2])
    XCTAssertTrue(
      found[0].message.contains("a double quote opened on this line is never closed"), found[0].message)
    let closed = errors("a question,intent_a\n\"spans\ntwo lines\",x,extra\n")
    XCTAssertFalse(closed[0].message.contains("never closed"), closed[0].message)
  }

  /// A quote inside an unquoted field is text, spaces around a quoted field go, and a line
  /// break inside quotes (LF or CRLF) counts for the lines of the rows after it.
  func testCSVQuotesInsideFieldsAndLinesAfterQuotedBreaks() throws {
    let pack = try load(try importText("she said \"hi\" twice,greeting\n  \"a, b\"  ,greeting\n"))
    XCTAssertEqual(pack.intents[0].examples, ["she said \"hi\" twice", "a, b"])
    let found = errors("\"one\r\ntwo\nthree\",multi\r\n\n\"x\",\nlast,row,extra\n")
    XCTAssertEqual(found.map(\.location.line), [5, 6])
    XCTAssertTrue(found[1].message.contains("found 3"), found[1].message)
  }

  func testLabelsThatAreNotIdsAreRenamedAndCollisionsRefused() throws {
    let result = try importText("where is my order,Order Status\nhi,greeting\n")
    XCTAssertEqual(try load(result).intents.map(\.id), ["Order_Status", "greeting"])
    XCTAssertEqual(result.renamedIntents.map(\.id), ["Order_Status"])
    let found = errors("a,Order Status\nb,Order/Status\n")
    XCTAssertTrue(found[0].message.contains("would both get id 'Order_Status'"), found[0].message)
  }

  func testRepeatedQuestionsOfAnIntentAreKeptOnce() throws {
    let result = try importText("hi,greeting\nhi,greeting\nhi,farewell\n")
    XCTAssertEqual(result.duplicateCount, 1)
    XCTAssertEqual(try load(result).intents.map(\.examples), [["hi"], ["hi"]])
  }

  func testEmptyAndNonUTF8InputsAreRefused() {
    XCTAssertTrue(errors("\n\n")[0].message.contains("no [question, intent] pairs"))
    XCTAssertThrowsError(try ExampleImporter().importFile([0x61, 0xFF, 0x2C, 0x62], fileName: "x.csv"))
  }

  /// Every naughty string survives the trip through YAML as a question, unchanged.
  func testNaughtyStringsRoundTripAsQuestions() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/naughty-strings/blns.json")
    let strings = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String])
    var questions: [String] = []
    for string in strings {
      let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
      if !trimmed.isEmpty, trimmed == string, !questions.contains(string) { questions.append(string) }
    }
    XCTAssertGreaterThan(questions.count, 400)
    let examples = questions.map { ExampleImporter.Example(question: $0, intent: "naughty") }
    let pack = try load(try ExampleImporter().intentFile(for: examples, source: "blns.json"))
    XCTAssertEqual(pack.intents.first?.examples, questions)
  }
}

/// Rasa's entity annotations keep only their text.
final class RasaAnnotationTests: XCTestCase {
  func testAnnotationsKeepTheirText() {
    XCTAssertEqual(RasaImporter.plainText("fly to [Paris](city)"), "fly to Paris")
    XCTAssertEqual(
      RasaImporter.plainText("to [New York]{\"entity\": \"city\", \"value\": \"NYC\"} please"),
      "to New York please")
    XCTAssertEqual(RasaImporter.plainText("[a](x) and [b](y)"), "a and b")
    XCTAssertEqual(RasaImporter.plainText("a [bracket] alone"), "a [bracket] alone")
    XCTAssertEqual(RasaImporter.plainText("unclosed [here"), "unclosed [here")
  }
}
