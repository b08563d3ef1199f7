import Foundation
import XCTest

/// The interactive session as a person meets it on a terminal: banner, questions, /commands,
/// numbered suggestions, leaving.
final class REPLSessionTests: XCTestCase {
  func testTypedQuestionIsAnsweredAndCtrlDExitsZero() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home)
    let banner = try chat.waitForStart()
    XCTAssertTrue(banner.contains("faqbot 0."), banner)
    XCTAssertTrue(banner.contains("/help"), banner)
    XCTAssertTrue(banner.contains("Pack: "), banner)
    // The small pack (tea, no pack.yaml) says nothing of medicine: that is a pack's to say.
    XCTAssertTrue(banner.contains("Answers are general information from one document."), banner)
    XCTAssertFalse(banner.contains("medical"), banner)

    let answer = try chat.ask("what is ketamine")
    XCTAssertTrue(answer.contains(TemporaryHome.ketamineAnswer), answer)
    XCTAssertTrue(answer.contains("Source: Understanding Ketamine"), answer)
    XCTAssertEqual(try chat.leave(), 0)
  }

  func testDefaultPackAnswersFromTheDocument() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal([], home: home)
    let banner = try chat.waitForStart()
    XCTAssertTrue(banner.contains("default pack"), banner)
    XCTAssertTrue(banner.contains("not medical advice"), "the default pack's disclaimer: \(banner)")
    let help = try chat.ask("/help")
    XCTAssertTrue(help.contains("for example \"What is ketamine?\""), help)
    XCTAssertTrue(help.contains("not medical advice"), help)
    let answer = try chat.ask("What are the side effects of ketamine therapy?")
    // Wrapped at the terminal's width, the passage (now after the sentence it depends on) may
    // break anywhere: compare with whitespace collapsed.
    XCTAssertTrue(
      answer.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
        TemporaryHome.sideEffectsAnswer), answer)
    XCTAssertEqual(try chat.leave(), 0)
  }

  /// A not-covered intent cites the passage its honest answer leans on; listed under that
  /// section, "How much does ketamine therapy cost?" read as a question the article answers.
  func testTopicsKeepNotCoveredQuestionsInTheirOwnGroup() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal([], home: home)
    try chat.waitForStart()
    let topics = try chat.ask("/topics")
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let group = try XCTUnwrap(topics.range(of: "Not covered by the document"), topics)
    let cost = try XCTUnwrap(topics.range(of: "How much does ketamine therapy cost?"), topics)
    XCTAssertLessThan(group.lowerBound, cost.lowerBound, topics)
    XCTAssertEqual(try chat.leave(), 0)
  }

  func testTabCompletesCommandsAndTopicNames() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    // Without completion "/to" would be an unknown command.
    try chat.terminal.type("/to" + PseudoTerminal.Key.tab)
    try chat.terminal.waitFor("pics ")
    let topics = try chat.ask("")
    XCTAssertTrue(topics.contains("What you can ask"), topics)
    XCTAssertTrue(topics.contains("[understanding-ketamine]"), topics)
    XCTAssertTrue(topics.contains("[potential-side-effects]"), topics)

    try chat.terminal.type("/topics pot" + PseudoTerminal.Key.tab)
    try chat.terminal.waitFor("ential-side-effects")
    let one = try chat.ask("")
    XCTAssertTrue(one.contains("Potential Side Effects"), one)
    XCTAssertTrue(one.contains("What are the side effects?"), one)
    XCTAssertFalse(one.contains("Understanding Ketamine"), one)
    XCTAssertEqual(try chat.leave(), 0)
  }

  func testWhyAfterAnAnswerShowsCandidatesWordsAndThreshold() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    let before = try chat.ask("/why")
    XCTAssertTrue(before.contains("Ask a question first"), before)
    try chat.ask("what is ketamine")
    let why = try chat.ask("/why")
    XCTAssertTrue(why.contains("Top candidates:"), why)
    XCTAssertNotNil(why.range(of: #"\d+\.\d%  what_is_ketamine"#, options: .regularExpression), why)
    XCTAssertTrue(why.contains("side_effects"), why)
    XCTAssertTrue(why.contains("Words that weighed most: "), why)
    XCTAssertTrue(why.contains("Threshold: "), why)
    XCTAssertTrue(why.contains("Because: "), why)
  }

  func testSourcesShowsThePassageWithItsSectionAndResetForgets() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    try chat.ask("what is ketamine")
    let sources = try chat.ask("/sources")
    XCTAssertTrue(sources.contains("Understanding Ketamine [understanding-ketamine.p1.s1]"), sources)
    XCTAssertTrue(sources.contains(TemporaryHome.ketamineAnswer), sources)
    let reset = try chat.ask("/reset")
    XCTAssertTrue(reset.contains("Forgotten"), reset)
    let after = try chat.ask("/sources")
    XCTAssertTrue(after.contains("Nothing answered yet"), after)
  }

  func testANumberAsksTheNumberedSuggestion() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    let answer = try chat.ask("what is ketamine")
    XCTAssertTrue(answer.contains("1. What are the side effects?"), answer)
    let picked = try chat.ask("1")
    XCTAssertTrue(picked.contains("-> What are the side effects?"), picked)
    XCTAssertTrue(
      picked.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
        TemporaryHome.sideEffectsAnswer), picked)
    let missing = try chat.ask("7")
    XCTAssertTrue(missing.contains("There is no suggestion 7"), missing)
  }

  func testUnknownCommandSaysSoAndListsTheCommands() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    let reply = try chat.ask("/frobnicate now")
    XCTAssertTrue(reply.contains("Unknown command /frobnicate"), reply)
    for command in ["/help", "/topics", "/why", "/sources", "/reset", "/quit", "/exit"] {
      XCTAssertTrue(reply.contains(command), "\(command) missing from: \(reply)")
    }
    let help = try chat.ask("/help")
    XCTAssertTrue(help.contains("/sources"), help)
    // The path is long enough to be wrapped.
    let unwrapped = help.replacingOccurrences(of: "\r\n", with: "").replacingOccurrences(of: " ", with: "")
    XCTAssertTrue(unwrapped.contains("History:\(home.historyFile.path)"), help)
  }

  /// A knowledge-only bot on another team's document: its banner and /help speak of that
  /// document (its first section as the example), not of ketamine or medical advice.
  func testAKnowledgeOnlyBotsHelpSpeaksOfItsOwnDocument() throws {
    let knowledge = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "Benchmarks/documents/finding-users/pack/knowledge.json")
    let home = try TemporaryHome()
    let chat = try ChatTerminal(["--knowledge", knowledge.path, "--knowledge-only", "--fast"], home: home)
    let banner = try chat.waitForStart()
    XCTAssertFalse(banner.contains("medical"), banner)
    let help = try chat.ask("/help")
    XCTAssertTrue(help.contains("for example \"Spreading the word\""), help)
    XCTAssertFalse(help.contains("side effects"), help)
    XCTAssertFalse(help.contains("medical"), help)
    XCTAssertEqual(try chat.leave(), 0)
  }

  func testQuitAndExitLeaveWithStatusZero() throws {
    for command in ["/quit", "/exit"] {
      let home = try TemporaryHome()
      let chat = try ChatTerminal(home: home)
      try chat.waitForStart()
      try chat.terminal.type(command + PseudoTerminal.Key.enter)
      XCTAssertEqual(try chat.terminal.waitForExit(), 0, command)
    }
  }
}
