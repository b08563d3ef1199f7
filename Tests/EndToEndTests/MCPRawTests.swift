import Foundation
import XCTest

/// `faqbot mcp` through raw pipes, with the inputs no SDK client sends: requests before
/// `initialize`, lines that are not UTF-8 or not JSON, a message over the size limit, and a
/// client that closes stdin mid-call, goes away, or sends SIGTERM. Every line on stdout must
/// be a JSON-RPC 2.0 message, and every request must get its answer or an error.
final class MCPRawTests: XCTestCase {
  private static let initialize =
    #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","#
    + #""capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"#
  private static let initialized = #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#

  private func start(_ extra: [String] = []) throws -> JSONProcess {
    let intents = JSONTestPack.repository.appendingPathComponent("intents").path
    return try JSONProcess(arguments: ["mcp", "--intents", intents] + extra)
  }

  private func started(_ extra: [String] = []) throws -> JSONProcess {
    let process = try start(extra)
    XCTAssertTrue(process.writeLine(Self.initialize))
    XCTAssertEqual(try message(process)["id"] as? Int, 1)
    XCTAssertTrue(process.writeLine(Self.initialized))
    return process
  }

  /// The next line on stdout as a JSON-RPC 2.0 message.
  private func message(_ process: JSONProcess, file: StaticString = #filePath, line: UInt = #line) throws
    -> [String: Any]
  {
    let bytes = try XCTUnwrap(process.readLineBytes(), "no message", file: file, line: line)
    let object = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any], "not an object", file: file,
      line: line)
    XCTAssertEqual(object["jsonrpc"] as? String, "2.0", file: file, line: line)
    return object
  }

  private func errorCode(_ message: [String: Any]) -> Int? {
    (message["error"] as? [String: Any])?["code"] as? Int
  }

  private func call(_ id: Int, _ tool: String, _ arguments: String) -> String {
    #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"\#(tool)","arguments":\#(arguments)}}"#
  }

  private func exitsCleanly(_ process: JSONProcess, file: StaticString = #filePath, line: UInt = #line) {
    let exit = process.waitForExit()
    XCTAssertEqual(exit?.reason, .exit, file: file, line: line)
    XCTAssertEqual(exit?.status, 0, file: file, line: line)
    let errors = process.standardError()
    XCTAssertFalse(errors.contains("Fatal error"), errors, file: file, line: line)
  }

  func testRequestsBeforeInitializeAreRefusedAndAnswered() throws {
    let process = try start()
    XCTAssertTrue(process.writeLine(#"{"jsonrpc":"2.0","id":"early","method":"tools/list"}"#))
    XCTAssertTrue(process.writeLine(call(2, "ask", #"{"question":"What is ketamine?"}"#)))
    let first = try message(process)
    XCTAssertEqual(first["id"] as? String, "early")
    XCTAssertEqual(errorCode(first), -32600)
    XCTAssertEqual(errorCode(try message(process)), -32600)
    XCTAssertTrue(process.writeLine(#"{"jsonrpc":"2.0","id":3,"method":"ping"}"#))
    XCTAssertNotNil(try message(process)["result"])
    XCTAssertTrue(process.writeLine(Self.initialize))
    XCTAssertNotNil(try message(process)["result"])
    process.closeInput()
    exitsCleanly(process)
  }

  func testMalformedLinesGetNullIdErrorsAndTheServerGoesOn() throws {
    let process = try started(["--max-message-bytes", "65536"])
    let lines: [([UInt8], Int)] = [
      (
        Array(
          #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"ask","arguments":{"question":"ab"#
            .utf8)
          + [0xFF, 0xFE] + Array(#""}}}"#.utf8), -32700
      ),
      (Array("not json".utf8), -32700),
      (Array(#"{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"#.utf8), -32700),
      (Array("[1,2]".utf8), -32600),
      (Array(#"{"id":7,"method":"tools/list"}"#.utf8), -32600),
      (Array(repeating: UInt8(ascii: "x"), count: 200_000), -32600),
    ]
    for (line, code) in lines {
      XCTAssertTrue(process.write(line + [0x0A]))
      let reply = try message(process)
      XCTAssertEqual(errorCode(reply), code, String(decoding: line.prefix(80), as: UTF8.self))
    }
    XCTAssertTrue(process.writeLine(call(8, "ask", #"{"question":"Is ketamine addictive?"}"#)))
    let answer = try message(process)
    XCTAssertEqual(answer["id"] as? Int, 8)
    let structured = (answer["result"] as? [String: Any])?["structuredContent"] as? [String: Any]
    XCTAssertEqual(structured?["intent"] as? String, "addiction_risk")
    process.closeInput()
    exitsCleanly(process)
  }

  /// The tools' descriptions speak for the pack: its disclaimer and emergency numbers, not the
  /// default pack's "not medical advice" and 988 for a library's bot.
  func testToolDescriptionsFollowThePack() throws {
    let pack = FileManager.default.temporaryDirectory.appendingPathComponent("faqbot-mcp-\(UUID())")
    try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: pack) }
    try Data(
      "intents:\n  - id: hours\n    examples: [when are you open, opening hours]\n    answer: Nine to five.\n"
        .utf8
    ).write(to: pack.appendingPathComponent("hours.yaml"))
    try Data("disclaimer: Not official library advice.\nemergency: Call 112 now.\n".utf8)
      .write(to: pack.appendingPathComponent("pack.yaml"))
    for (arguments, present, absent) in [
      ([String](), ["988", "not medical advice", "recreational use"], ["pack's emergency numbers"]),
      (
        ["--intents", pack.path], ["Not official library advice.", "pack's emergency numbers"],
        ["988", "medical"]
      ),
    ] {
      let process = try JSONProcess(arguments: ["mcp"] + arguments)
      XCTAssertTrue(process.writeLine(Self.initialize))
      _ = try message(process)
      XCTAssertTrue(process.writeLine(Self.initialized))
      XCTAssertTrue(process.writeLine(#"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#))
      let tools = try XCTUnwrap(
        (try message(process)["result"] as? [String: Any])?["tools"] as? [[String: Any]])
      let ask = try XCTUnwrap(tools.first { $0["name"] as? String == "ask" }?["description"] as? String)
      for needle in present { XCTAssertTrue(ask.contains(needle), "\(arguments): \(needle) in \(ask)") }
      for needle in absent { XCTAssertFalse(ask.contains(needle), "\(arguments): \(needle) in \(ask)") }
      process.closeInput()
      exitsCleanly(process)
    }
  }

  func testToolMistakesAreToolErrorsAndUnknownToolsProtocolErrors() throws {
    let process = try started()
    let huge = String(repeating: "why ", count: 2_500_000)
    let cases: [(String, String?)] = [
      (call(10, "nope", "{}"), nil),
      (call(11, "ask", #"{"question":7}"#), "must be a string"),
      (call(12, "ask", #"{}"#), "missing required argument"),
      (call(13, "ask", #"{"question":""}"#), "is empty"),
      (call(14, "ask", #"{"question":"\#(huge)"}"#), "more than the limit"),
      (call(15, "search", #"{"query":"effects","limit":2.5}"#), "must be an integer"),
      (call(16, "get_section", #"{"id":42}"#), "must be a string"),
      // Not an object of arguments: the SDK cannot decode the call at all.
      (call(17, "ask", #""what is ketamine""#), nil), (call(18, "ask", "[1]"), nil),
    ]
    for (line, needle) in cases {
      XCTAssertTrue(process.writeLine(line))
      let reply = try message(process)
      if let needle {
        let result = try XCTUnwrap(reply["result"] as? [String: Any], "\(reply)")
        XCTAssertEqual(result["isError"] as? Bool, true)
        let text = ((result["content"] as? [[String: Any]])?.first?["text"] as? String) ?? ""
        XCTAssertTrue(text.contains(needle), text)
      } else {
        XCTAssertEqual(errorCode(reply), -32602, "\(reply)")
        XCTAssertNotNil(reply["id"] as? Int, "\(reply)")
      }
    }
    process.closeInput()
    exitsCleanly(process)
  }

  func testClosingStdinMidCallStillAnswersThenExits() throws {
    let process = try started()
    XCTAssertTrue(process.writeLine(call(20, "ask", #"{"question":"What are the side effects?"}"#)))
    process.closeInput()
    XCTAssertEqual(try message(process)["id"] as? Int, 20)
    XCTAssertEqual(process.readRest(), [])
    exitsCleanly(process)
  }

  func testAClientThatGoesAwayEndsTheServerQuietly() throws {
    let process = try JSONProcess(
      arguments: ["mcp", "--intents", JSONTestPack.repository.appendingPathComponent("intents").path],
      drainsOutput: false)
    XCTAssertTrue(process.writeLine(Self.initialize))
    try? process.outputHandle.close()
    XCTAssertTrue(process.writeLine(call(21, "ask", #"{"question":"What is ketamine?"}"#)))
    process.closeInput()
    exitsCleanly(process)
  }

  func testSIGTERMExitsWithStatusZero() throws {
    let process = try started()
    XCTAssertTrue(process.writeLine(call(22, "topics", "{}")))
    XCTAssertEqual(try message(process)["id"] as? Int, 22)
    kill(process.processIdentifier, SIGTERM)
    exitsCleanly(process)
  }
}
