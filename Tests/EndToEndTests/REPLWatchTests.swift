import Foundation
import XCTest

/// `chat --watch` on a pseudo-terminal: an edit to an intent file is picked up (the pack is
/// retrained in the background) and answered with at the next question; a broken edit shows
/// its located errors and the previous pack keeps answering.
final class REPLWatchTests: XCTestCase {
  /// Asks `line` until the answer contains `expected` (the reload runs in the background).
  private func ask(_ chat: ChatTerminal, _ line: String, until expected: String) throws -> String {
    let deadline = Date().addingTimeInterval(30)
    var answer = ""
    while Date() < deadline {
      answer = try chat.ask(line)
      if answer.contains(expected) { return answer }
      Thread.sleep(forTimeInterval: 0.3)
    }
    XCTFail("no \(expected) within 30 s; last answer:\n\(answer)")
    return answer
  }

  func testAnEditIsAnsweredWithAndABrokenEditKeepsThePreviousPack() throws {
    let home = try TemporaryHome()
    let file = home.smallPack.appendingPathComponent("small.yaml")
    let chat = try ChatTerminal(
      ["chat", "--watch", "--no-cache", "--intents", home.smallPack.path], home: home)
    try chat.waitForStart()
    XCTAssertTrue(try chat.ask("hello").contains("Hello! Ask me about ketamine therapy."))

    let edited = TemporaryHome.smallPackText.replacingOccurrences(
      of: "Hello! Ask me about ketamine therapy.", with: "Hi, this answer was edited.")
    try Data(edited.utf8).write(to: file)
    let reloaded = try ask(chat, "hello", until: "pack reloaded (3 intents)")
    XCTAssertTrue(reloaded.contains("Hi, this answer was edited."), reloaded)

    try Data((edited + "  - id: broken\n    anwser: x\n").utf8).write(to: file)
    let failed = try ask(chat, "hello", until: "pack not reloaded")
    XCTAssertTrue(failed.contains("small.yaml:"), failed)
    XCTAssertTrue(failed.contains("unknown key 'anwser'"), failed)
    XCTAssertTrue(failed.contains("Hi, this answer was edited."), "the previous pack answers:\n\(failed)")
    XCTAssertEqual(try chat.leave(), 0)
  }

  func testWatchIsRefusedWithJSON() throws {
    let outcome = try BinaryRunner.run(["chat", "--watch", "--json"])
    XCTAssertEqual(outcome.status, 64)
    XCTAssertTrue(outcome.errors.contains("--watch is for the interactive chat"), outcome.errors)
  }
}
