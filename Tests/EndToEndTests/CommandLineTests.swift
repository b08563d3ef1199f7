import Foundation
import XCTest

/// The command tree as a user meets it: help, version, one-shot questions, exit statuses.
final class CommandLineTests: XCTestCase {
  func testHelpListsTheSubcommands() throws {
    let outcome = try BinaryRunner.run(["--help"])
    XCTAssertEqual(outcome.status, 0)
    for command in ["chat", "ask", "check", "eval", "knowledge"] {
      XCTAssertTrue(outcome.output.contains(command), "--help does not list \(command)")
    }
  }

  func testVersionIsPrinted() throws {
    let outcome = try BinaryRunner.run(["--version"])
    XCTAssertEqual(outcome.status, 0)
    XCTAssertTrue(
      outcome.output.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil, outcome.output)
  }

  func testAskAnswersFromTheDocumentWithItsSource() throws {
    let outcome = try BinaryRunner.run(["ask", "--json", "What are the side effects of ketamine therapy?"])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: outcome.standardOutput) as? [String: Any])
    XCTAssertEqual(object["intent"] as? String, "side_effects")
    let sources = try XCTUnwrap(object["sources"] as? [[String: Any]])
    XCTAssertFalse(sources.isEmpty)
  }

  func testUnknownSubcommandFailsWithUsage() throws {
    let outcome = try BinaryRunner.run(["frobnicate", "--nope"])
    XCTAssertNotEqual(outcome.status, 0)
    XCTAssertTrue(
      outcome.errors.lowercased().contains("usage") || outcome.errors.contains("Error"), outcome.errors)
  }
}
