import Foundation
import XCTest

/// `faqbot mcp` under the official Python MCP client (the `mcp` package from PyPI): every
/// tool and resource, the bad inputs a client can send through the SDK, and 1,000 `ask`
/// calls in a row, each answer checked (Tests/EndToEndTests/mcp/mcp_client_test.py).
///
/// The client lives in a virtual environment that `.ci/run` (or `scripts/mcp-venv`) creates
/// at `.build/mcp-venv`, or at `$FAQBOT_MCP_VENV`. Without it the test fails, saying so: a
/// skipped test would let CI pass without the MCP server ever meeting a real client.
final class MCPClientTests: XCTestCase {
  static var venv: URL {
    if let path = ProcessInfo.processInfo.environment["FAQBOT_MCP_VENV"] { return URL(fileURLWithPath: path) }
    return JSONTestPack.repository.appendingPathComponent(".build/mcp-venv")
  }

  func testOfficialPythonClientEndToEnd() throws {
    let python = Self.venv.appendingPathComponent("bin/python3")
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
      XCTFail(
        "no Python virtual environment with the `mcp` package at \(Self.venv.path): run scripts/mcp-venv")
      return
    }
    let script = JSONTestPack.repository.appendingPathComponent("Tests/EndToEndTests/mcp/mcp_client_test.py")
    let intents = JSONTestPack.repository.appendingPathComponent("intents").path
    let outcome = try BinaryRunner.run(
      [script.path, BinaryRunner.binary.path, "--asks", "1000", "--intents", intents],
      environment: JSONTestPack.environment, executable: python)
    XCTAssertNotEqual(outcome.status, 2, "the `mcp` package is not importable: \(outcome.errors)")
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let figures = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any], outcome.output)
    XCTAssertEqual(figures["asks"] as? Int, 1000)
  }
}
