import Foundation
import XCTest

/// What the session draws: colour only when allowed, lines no wider than the terminal.
final class REPLScreenTests: XCTestCase {
  /// SGR sequences (colour, bold): the only escapes faqbot itself writes.
  private let colourEscape = #"\x1B\[[0-9;]*m"#

  func testNoColorLeavesOnlyReadlinesOwnEscapes() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home, colour: false)
    let banner = try chat.waitForStart()
    let answer = try chat.ask("what is ketamine")
    let why = try chat.ask("/why")
    let help = try chat.ask("/help")
    XCTAssertEqual(try chat.leave(), 0)
    XCTAssertTrue(answer.contains(TemporaryHome.ketamineAnswer), answer)
    XCTAssertNil(chat.terminal.text.range(of: colourEscape, options: .regularExpression), chat.terminal.text)
    // What faqbot writes (banner, answers) has no escape at all; readline's line echo may.
    for output in [banner, why, help] {
      let written = output.components(separatedBy: "\u{1B}[?2004l").last ?? output
      XCTAssertFalse(written.contains("\u{1B}"), written.debugDescription)
    }
  }

  func testDumbTerminalGetsNoEscapesAtAll() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home, term: "dumb", colour: true)
    try chat.waitForStart()
    try chat.ask("what is ketamine")
    try chat.ask("/why")
    XCTAssertEqual(try chat.leave(), 0)
    XCTAssertFalse(chat.terminal.text.contains("\u{1B}"), chat.terminal.text.debugDescription)
  }

  func testColourWhenStdoutIsATerminalAndNoColorIsUnset() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home, colour: true)
    let banner = try chat.waitForStart()
    let answer = try chat.ask("what is ketamine")
    XCTAssertEqual(try chat.leave(), 0)
    XCTAssertNotNil(banner.range(of: colourEscape, options: .regularExpression), banner.debugDescription)
    XCTAssertNotNil(answer.range(of: colourEscape, options: .regularExpression), answer.debugDescription)
  }

  func testAnswersWrapToTheWidthAndRewrapAfterAResize() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home, columns: 80)
    try chat.waitForStart()
    let wide = Self.writtenLines(try chat.ask("what are the side effects"))
    XCTAssertGreaterThan(wide.map(\.count).max() ?? 0, 40, wide.joined(separator: "\n"))
    XCTAssertLessThanOrEqual(wide.map(\.count).max() ?? 0, 80, wide.joined(separator: "\n"))

    chat.terminal.resize(columns: 20)
    let narrow = Self.writtenLines(try chat.ask("what are the side effects"))
    XCTAssertGreaterThan(narrow.count, wide.count)
    for line in narrow { XCTAssertLessThanOrEqual(line.count, 20, narrow.joined(separator: "\n")) }
    XCTAssertTrue(
      narrow.joined(separator: " ").contains("However, the drug can"), narrow.joined(separator: "\n"))
    XCTAssertEqual(try chat.leave(), 0)
  }

  func testATwentyColumnTerminalWrapsFromTheStart() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home, columns: 20)
    let banner = Self.writtenLines(try chat.waitForStart())
    for line in banner { XCTAssertLessThanOrEqual(line.count, 20, banner.joined(separator: "\n")) }
    let why = Self.writtenLines(try chat.ask("what is ketamine") + chat.ask("/why"))
    for line in why { XCTAssertLessThanOrEqual(line.count, 20, why.joined(separator: "\n")) }
    XCTAssertEqual(try chat.leave(), 0)
  }

  /// The lines faqbot wrote after readline gave the terminal back (after the line echo).
  static func writtenLines(_ output: String) -> [String] {
    let written = output.components(separatedBy: "\u{1B}[?2004l\r").last ?? output
    return written.components(separatedBy: "\r\n").filter { !$0.isEmpty }
  }
}
