import Foundation
import XCTest

/// What people do to a line editor besides typing a question: Ctrl-C, pastes of many lines or
/// of a whole document, bytes that are not UTF-8.
final class REPLInputTests: XCTestCase {
  func testCtrlCCancelsTheLineAndTheSessionGoesOn() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    try chat.terminal.type("what are the side")
    try chat.terminal.waitFor("what are the side")
    try chat.terminal.type(PseudoTerminal.Key.interrupt)
    try chat.terminal.waitFor("^C")
    try chat.waitForPrompt()
    // The cancelled words must not be part of the next question.
    let answer = try chat.ask("what is ketamine")
    XCTAssertTrue(answer.contains(TemporaryHome.ketamineAnswer), answer)
    XCTAssertFalse(answer.contains(TemporaryHome.sideEffectsAnswer), answer)
    XCTAssertEqual(try chat.leave(), 0)
  }

  func testPastedLinesAreEachAnswered() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    typealias Key = PseudoTerminal.Key
    try chat.terminal.type(
      Key.pasteStart + "what is ketamine\nwhat are the side effects\n\nhello" + Key.pasteEnd + Key.enter)
    // Wrapped at the terminal's width, an answer may break anywhere: whitespace collapsed.
    let answers = try chat.waitForPrompt().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let ketamine = try XCTUnwrap(answers.range(of: TemporaryHome.ketamineAnswer), answers)
    let sideEffects = try XCTUnwrap(answers.range(of: TemporaryHome.sideEffectsAnswer), answers)
    let hello = try XCTUnwrap(answers.range(of: "Hello! Ask me about ketamine therapy."), answers)
    XCTAssertTrue(
      ketamine.upperBound < sideEffects.lowerBound && sideEffects.upperBound < hello.lowerBound, answers)
    XCTAssertTrue(answers.contains("-> what are the side effects"), answers)
  }

  func testA100KilobytePasteIsAnsweredWithoutHanging() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    let words = "what is ketamine and what does it do to the brain "
    let paste = String(repeating: words, count: 100_000 / words.utf8.count + 1)
    XCTAssertGreaterThanOrEqual(paste.utf8.count, 100_000)
    typealias Key = PseudoTerminal.Key
    try chat.terminal.type(Key.pasteStart + paste + Key.pasteEnd + Key.enter)
    try chat.terminal.waitFor("I read only its first")
    try chat.waitForPrompt()
    // Still responsive, and the pasted page did not go into history.
    let answer = try chat.ask("hello")
    XCTAssertTrue(answer.contains("Hello! Ask me about ketamine therapy."), answer)
    XCTAssertEqual(try chat.leave(), 0)
    let history = try String(contentsOf: home.historyFile, encoding: .utf8)
    XCTAssertEqual(history, "hello\n")
  }

  func testAnUnbracketedPasteOnADumbTerminalIsAnsweredLineByLine() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home, term: "dumb")
    try chat.waitForStart()
    let long = String(repeating: "tell me about ketamine ", count: 2_000)
    try chat.terminal.type(long + "\rhello\r")
    try chat.terminal.waitFor("I read only its first")
    try chat.terminal.waitFor("Hello! Ask me about ketamine therapy.")
    try chat.waitForPrompt()
    XCTAssertEqual(try chat.leave(), 0)
  }

  func testBytesThatAreNotUTF8AreReplaced() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    try chat.terminal.send(Array("what is ketamine ".utf8) + [0xFF, 0xFE, 0xC3] + Array(" ok\r".utf8))
    let answer = try chat.waitForPrompt()
    XCTAssertTrue(answer.contains(TemporaryHome.ketamineAnswer), answer)
    let why = try chat.ask("/why")
    XCTAssertTrue(why.contains("Question: what is ketamine \u{FFFD}"), why)
    XCTAssertEqual(try chat.leave(), 0)
  }

  func testCtrlZStopsAndTheLineIsBackAfterContinuing() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    try chat.terminal.type("what is")
    try chat.terminal.waitFor("what is")
    try chat.terminal.type("\u{1A}")
    try chat.terminal.waitForStop()
    chat.terminal.send(signal: SIGCONT)
    try chat.waitForPrompt()
    let answer = try chat.ask(" ketamine")
    XCTAssertTrue(answer.contains(TemporaryHome.ketamineAnswer), answer)
    XCTAssertEqual(try chat.leave(), 0)
  }

  func testTerminationSignalsEndTheSessionWithTheirStatus() throws {
    for (signal, status) in [(SIGTERM, 143), (SIGHUP, 129)] {
      let home = try TemporaryHome()
      let chat = try ChatTerminal(home: home)
      try chat.waitForStart()
      try chat.terminal.type("half a question")
      try chat.terminal.waitFor("question")
      chat.terminal.send(signal: signal)
      XCTAssertEqual(try chat.terminal.waitForExit(), Int32(status))
    }
  }

  func testInputrcSectionsForFaqbotApply() throws {
    let home = try TemporaryHome()
    let inputrc = home.directory.appendingPathComponent("inputrc")
    let bindings =
      "$if faqbot\n\"\\C-xk\": \"what is ketamine\"\n$endif\n$if bash\n\"\\C-xh\": \"hello\"\n$endif\n"
    try Data(bindings.utf8).write(to: inputrc)
    let chat = try ChatTerminal(home: home, environment: ["INPUTRC": inputrc.path])
    try chat.waitForStart()
    let answer = try chat.ask("\u{18}k")
    XCTAssertTrue(answer.contains(TemporaryHome.ketamineAnswer), answer)
    // A section for another program does not apply: Ctrl-X h stays unbound.
    let other = try chat.ask("\u{18}h" + "hello")
    XCTAssertTrue(other.contains("Hello!"), other)
    XCTAssertEqual(try chat.leave(), 0)
  }
}
