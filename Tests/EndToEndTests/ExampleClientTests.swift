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
