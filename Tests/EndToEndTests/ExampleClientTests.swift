import Foundation
import XCTest

/// The Python client in examples/ works against the real binary, as the README promises.
final class ExampleClientTests: XCTestCase {
  func testExampleClientHoldsAConversation() throws {
    guard let python = Self.findExecutable("python3") else { throw XCTSkip("python3 is not installed") }
    let script = JSONTestPack.repository.appendingPathComponent("examples/faqbot_client.py")
    // The client passes options after the binary on to it: the test pack, with its cache.
    let arguments = [script.path, BinaryRunner.binary.path] + JSONTestPack.arguments.dropFirst()
    let outcome = try BinaryRunner.run(arguments, environment: JSONTestPack.environment, executable: python)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    XCTAssertEqual(outcome.errors, "")
    let lines = outcome.output.split(separator: "\n").map(String.init)
    let questions = lines.filter { $0.hasPrefix("> ") }
    XCTAssertEqual(
      questions, ["> What is ketamine?", "> What are the side effects?", "> how long do they last?"])
    let labels = lines.filter { $0.hasPrefix("  [") }
    XCTAssertEqual(labels.count, 3, outcome.output)
    XCTAssertTrue(labels.first?.hasPrefix("  [intent: what_is_ketamine,") ?? false, outcome.output)
    XCTAssertTrue(labels.dropFirst().first?.hasPrefix("  [intent: side_effects,") ?? false, outcome.output)
    // The follow-up is understood from the session's context.
    XCTAssertTrue(labels.last?.hasPrefix("  [intent: side_effect_duration,") ?? false, outcome.output)
  }

  /// faqbot exiting on a bad pack: the client reports faqbot's own error, not a traceback.
  func testExampleClientReportsFaqbotsErrorWhenItExits() throws {
    guard let python = Self.findExecutable("python3") else { throw XCTSkip("python3 is not installed") }
    let script = JSONTestPack.repository.appendingPathComponent("examples/faqbot_client.py")
    let pack = FileManager.default.temporaryDirectory.appendingPathComponent(
      "faqbot-client-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: pack) }
    try Data("intents:\n  - id: a\n    anwser: Hi.\n".utf8).write(to: pack.appendingPathComponent("bad.yaml"))
    let outcome = try BinaryRunner.run(
      [script.path, BinaryRunner.binary.path, "--intents", pack.path], executable: python)
    XCTAssertEqual(outcome.status, 1, outcome.output)
    XCTAssertTrue(
      outcome.errors.hasPrefix("error: faqbot exited with status 1: Error: the intent files have"),
      outcome.errors)
    XCTAssertTrue(outcome.errors.contains("bad.yaml:3:5: error: unknown key 'anwser'"), outcome.errors)
    XCTAssertFalse(outcome.errors.contains("Traceback"), outcome.errors)
    XCTAssertFalse(outcome.errors.contains("JSONDecodeError"), outcome.errors)
  }

  /// The first executable called `name` on PATH.
  private static func findExecutable(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }
}
