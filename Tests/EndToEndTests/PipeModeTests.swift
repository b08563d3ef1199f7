import Foundation
import XCTest

/// Standard input from a pipe without --json: one plain-text answer per question line, for
/// scripts; no banner, prompt or colour.
final class PipeModeTests: XCTestCase {
  func testEchoedQuestionGetsAPlainAnswer() throws {
    let home = try TemporaryHome()
    // `echo "what is ketamine" | faqbot`, on the small pack for speed (the same front answers
    // on any pack). NO_COLOR is emptied so that only the pipe keeps colour off.
    let outcome = try BinaryRunner.run(
      ["--intents", home.smallPack.path], lines: ["what is ketamine"], environment: ["NO_COLOR": ""])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    XCTAssertTrue(outcome.output.hasPrefix("Ketamine is a dissociative anesthetic drug"), outcome.output)
    XCTAssertTrue(outcome.output.contains("Source: Understanding Ketamine"), outcome.output)
    XCTAssertFalse(outcome.output.contains("\u{1B}"), outcome.output.debugDescription)
    XCTAssertFalse(outcome.output.contains("faqbot 0."), outcome.output)
    XCTAssertFalse(outcome.output.contains("> "), outcome.output)
    XCTAssertFalse(outcome.output.contains("/help"), outcome.output)
    XCTAssertEqual(outcome.errors, "")
  }

  func testEachLineGetsOneAnswerSeparatedByABlankLine() throws {
    let home = try TemporaryHome()
    let outcome = try BinaryRunner.run(
      ["chat", "--intents", home.smallPack.path],
      lines: ["what is ketamine", "", "hello", "what are the side effects"])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let blocks = outcome.output.components(separatedBy: "\n\n")
    XCTAssertEqual(blocks.count, 3, outcome.output)
    XCTAssertTrue(blocks[0].hasPrefix(TemporaryHome.ketamineAnswer), outcome.output)
    XCTAssertTrue(blocks[1].hasPrefix("Hello!"), outcome.output)
    // The passage opens with "However, …": it is quoted after the sentence it depends on.
    XCTAssertTrue(blocks[2].contains(TemporaryHome.sideEffectsAnswer), outcome.output)
    XCTAssertTrue(outcome.output.hasSuffix("\n") && !outcome.output.hasSuffix("\n\n"), outcome.output)
  }

  func testBytesThatAreNotUTF8AreAnsweredNotFatal() throws {
    let home = try TemporaryHome()
    let input = Data("hello \u{0}".utf8) + Data([0xFF, 0xC3, 0x0A]) + Data("what is ketamine\n".utf8)
    let outcome = try BinaryRunner.run(["--intents", home.smallPack.path], input: input)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    XCTAssertEqual(outcome.output.components(separatedBy: "\n\n").count, 2, outcome.output)
    XCTAssertTrue(outcome.output.contains(TemporaryHome.ketamineAnswer), outcome.output)
  }

  /// A chat command on a line of its own is not a question: "/why" was answered as one
  /// (about antidepressants), and "/quit" did not stop.
  func testCommandsAreNotAnsweredAsQuestions() throws {
    let home = try TemporaryHome()
    let outcome = try BinaryRunner.run(
      ["--intents", home.smallPack.path],
      lines: ["what is ketamine", "/why", "/frobnicate", "/reset", "/quit", "what are the side effects"])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let blocks = outcome.output.components(separatedBy: "\n\n")
    XCTAssertEqual(blocks.count, 4, outcome.output)
    XCTAssertTrue(blocks[0].hasPrefix(TemporaryHome.ketamineAnswer), outcome.output)
    XCTAssertTrue(blocks[1].hasPrefix("/why works in the interactive chat only"), outcome.output)
    XCTAssertTrue(blocks[2].hasPrefix("Unknown command /frobnicate."), outcome.output)
    XCTAssertTrue(blocks[3].hasPrefix("Forgotten"), outcome.output)
    // Nothing after /quit is answered.
    XCTAssertFalse(outcome.output.contains(TemporaryHome.sideEffectsAnswer), outcome.output)
  }
}
