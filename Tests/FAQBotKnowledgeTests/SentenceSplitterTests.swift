import FAQBot
import XCTest

@testable import FAQBotKnowledge

/// Sentence boundaries: the places a reader would stop, and none of the full stops that are
/// not ends (abbreviations, initials, decimals, URLs, punctuation inside quotes or brackets).
final class SentenceSplitterTests: XCTestCase {
  private func sentences(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return SentenceSplitter().sentences(in: bytes, range: 0..<bytes.count).map {
      String(decoding: bytes[$0], as: UTF8.self)
    }
  }

  func testSplitsAtFullStopsQuestionAndExclamationMarks() {
    XCTAssertEqual(
      sentences("It works. Does it last? Yes! It does."),
      ["It works.", "Does it last?", "Yes!", "It does."])
  }

  func testAbbreviationsDoNotEndASentence() {
    XCTAssertEqual(
      sentences("Some drugs, e.g. Ketamine, act fast. Ask Dr. Smith about it. Mr. Jones agreed."),
      ["Some drugs, e.g. Ketamine, act fast.", "Ask Dr. Smith about it.", "Mr. Jones agreed."])
    XCTAssertEqual(
      sentences("The U.S. Army ran trials. One drug, i.e. Ketamine, was tested. Prof. Lee led."),
      ["The U.S. Army ran trials.", "One drug, i.e. Ketamine, was tested.", "Prof. Lee led."])
    XCTAssertEqual(sentences("He met \"Dr. Who\" there. Fine."), ["He met \"Dr. Who\" there.", "Fine."])
  }

  func testAnInitialDoesNotEndASentence() {
    XCTAssertEqual(
      sentences("A study by J. Smith found it. Others agree."),
      ["A study by J. Smith found it.", "Others agree."])
  }

  func testDecimalsAndURLsDoNotSplit() {
    XCTAssertEqual(
      sentences("A dose of 0.5 mg per kg is typical. Version 2.1.3 is out. See example.com/a.b today."),
      ["A dose of 0.5 mg per kg is typical.", "Version 2.1.3 is out.", "See example.com/a.b today."])
  }

  func testALowercaseContinuationDoesNotSplit() {
    XCTAssertEqual(
      sentences("It rose approx. two points. Then fell."), ["It rose approx. two points.", "Then fell."])
    XCTAssertEqual(sentences("Values etc. were noted. Fine."), ["Values etc. were noted.", "Fine."])
  }

  func testParenthesesDoNotSplit() {
    XCTAssertEqual(
      sentences("Some effects (Nausea. Dizziness.) pass quickly. Others last."),
      ["Some effects (Nausea. Dizziness.) pass quickly.", "Others last."])
    XCTAssertEqual(
      sentences("It helps (see Fig. 2). It is safe [Note. Mostly.] in clinics."),
      ["It helps (see Fig. 2).", "It is safe [Note. Mostly.] in clinics."])
  }

  func testASentenceEndingInsideParenthesesEndsAfterThem() {
    XCTAssertEqual(
      sentences("It works (as trials show.) Next one."), ["It works (as trials show.)", "Next one."])
  }

  func testQuotesDoNotSplit() {
    XCTAssertEqual(
      sentences("She said \"Stop. Wait here.\" and left. Then it rained."),
      ["She said \"Stop. Wait here.\" and left.", "Then it rained."])
    XCTAssertEqual(
      sentences("He wrote “It works. Truly.” in his notes. Done."),
      ["He wrote “It works. Truly.” in his notes.", "Done."])
  }

  func testAQuotationEndingASentenceKeepsItsClosingQuote() {
    XCTAssertEqual(
      sentences("She said \"Stop.\" Then she left."), ["She said \"Stop.\"", "Then she left."])
    XCTAssertEqual(sentences("He said “It works.” Then he left."), ["He said “It works.”", "Then he left."])
  }

  func testAnUnbalancedQuoteOrBracketDoesNotSwallowTheParagraph() {
    XCTAssertEqual(
      sentences("The screen is 5\" wide. It is bright. It is cheap."),
      ["The screen is 5\" wide.", "It is bright.", "It is cheap."])
    XCTAssertEqual(
      sentences("Items: a) first. It works (mostly. It is fine."),
      ["Items: a) first.", "It works (mostly.", "It is fine."])
  }

  func testRepeatedTerminatorsStayWithTheirSentence() {
    XCTAssertEqual(sentences("Really?! Yes... Fine."), ["Really?!", "Yes...", "Fine."])
  }

  func testWhitespaceAroundSentencesIsTrimmedAndLineBreaksInsideAreKept() {
    XCTAssertEqual(sentences("  One\nline. \r\n Two.  "), ["One\nline.", "Two."])
  }

  func testTextWithoutTerminatorIsOneSentence() {
    XCTAssertEqual(sentences("no full stop here"), ["no full stop here"])
    XCTAssertEqual(sentences("   "), [])
  }

  func testRangesAreExactSlicesOfTheBytes() {
    let text = "Café prices rose 2.5%. “Fine,” she said. Done!"
    let bytes = Array(text.utf8)
    let ranges = SentenceSplitter().sentences(in: bytes, range: 0..<bytes.count)
    XCTAssertEqual(ranges.count, 3)
    for range in ranges {
      XCTAssertNotNil(String(validating: bytes[range], as: UTF8.self))
    }
    XCTAssertEqual(ranges.first?.lowerBound, 0)
    XCTAssertEqual(ranges.last?.upperBound, bytes.count)
  }

  func testOnlyTheGivenRangeIsSplit() {
    let bytes = Array("Skip. Take this. And this. Skip too.".utf8)
    let ranges = SentenceSplitter().sentences(in: bytes, range: 6..<26)
    XCTAssertEqual(ranges.map { String(decoding: bytes[$0], as: UTF8.self) }, ["Take this.", "And this."])
  }
}
