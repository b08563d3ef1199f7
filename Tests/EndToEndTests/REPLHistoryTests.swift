import Foundation
import XCTest

/// History in `$XDG_STATE_HOME/faqbot/history`: kept between sessions, capped, never fatal.
final class REPLHistoryTests: XCTestCase {
  func testHistoryIsKeptForTheNextSessionWhereUpRecallsIt() throws {
    let home = try TemporaryHome()
    do {
      let chat = try ChatTerminal(home: home)
      try chat.waitForStart()
      try chat.ask("hello")
      try chat.ask("what is ketamine")
      try chat.ask("what is ketamine")
      XCTAssertEqual(try chat.leave(), 0)
    }
    // Consecutive duplicates are kept once.
    XCTAssertEqual(try String(contentsOf: home.historyFile, encoding: .utf8), "hello\nwhat is ketamine\n")
    let directory = home.historyFile.deletingLastPathComponent().path
    let permissions = try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int
    XCTAssertEqual(permissions, 0o700)

    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    try chat.terminal.type(PseudoTerminal.Key.up)
    try chat.terminal.waitFor("what is ketamine")
    let answer = try chat.ask("")
    XCTAssertTrue(answer.contains(TemporaryHome.ketamineAnswer), answer)
    XCTAssertEqual(try chat.leave(), 0)
  }

  func testNoHistoryNeitherReadsNorWrites() throws {
    let home = try TemporaryHome()
    try FileManager.default.createDirectory(
      at: home.historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("what is ketamine\n".utf8).write(to: home.historyFile)
    let chat = try ChatTerminal(["--intents", home.smallPack.path, "--no-history"], home: home)
    try chat.waitForStart()
    try chat.ask("hello")
    // Up recalls this session's line, not the file's.
    try chat.terminal.type(PseudoTerminal.Key.up + PseudoTerminal.Key.up)
    let answer = try chat.ask("")
    XCTAssertTrue(answer.contains("Hello!"), answer)
    XCTAssertFalse(answer.contains(TemporaryHome.ketamineAnswer), answer)
    XCTAssertEqual(try chat.leave(), 0)
    XCTAssertEqual(try String(contentsOf: home.historyFile, encoding: .utf8), "what is ketamine\n")
  }

  func testAnUnusableHistoryFileWarnsOnceAndTheSessionGoesOn() throws {
    let home = try TemporaryHome()
    // A directory where the file should be cannot be read or written, even by root.
    try FileManager.default.createDirectory(at: home.historyFile, withIntermediateDirectories: true)
    let chat = try ChatTerminal(home: home)
    let banner = try chat.waitForStart()
    let first = try chat.ask("hello")
    let second = try chat.ask("what is ketamine")
    let warnings = (banner + first + second).components(separatedBy: "faqbot: history:").count - 1
    XCTAssertEqual(warnings, 1, banner + first + second)
    XCTAssertTrue(second.contains(TemporaryHome.ketamineAnswer), second)
    XCTAssertEqual(try chat.leave(), 0)
  }

  func testHistoryKeepsTheLastThousandEntries() throws {
    let home = try TemporaryHome()
    try FileManager.default.createDirectory(
      at: home.historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
    let old = (1...1_500).map { "question \($0)\n" }.joined()
    try Data(old.utf8).write(to: home.historyFile)
    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    try chat.ask("hello")
    XCTAssertEqual(try chat.leave(), 0)
    let lines = try String(contentsOf: home.historyFile, encoding: .utf8).split(separator: "\n")
    XCTAssertEqual(lines.count, 1_000)
    XCTAssertEqual(lines.first, "question 502")
    XCTAssertEqual(lines.last, "hello")
  }
}
