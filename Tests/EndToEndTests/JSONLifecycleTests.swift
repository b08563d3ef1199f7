import Foundation
import XCTest

/// How `faqbot --json` ends: at end of input, when the client stops reading, and on SIGTERM or
/// SIGINT; always with status 0 and nothing on stderr.
final class JSONLifecycleTests: XCTestCase {
  func testEndOfInputAnswersEverythingReadThenExitsZero() throws {
    let bot = try JSONProcess()
    for index in 0..<3 {
      XCTAssertTrue(bot.writeLine(#"{"id":\#(index),"question":"What is ketamine?"}"#))
    }
    bot.closeInput()
    let rest = try XCTUnwrap(bot.readRest())
    let responses = try ResponseLine.decodeAll(Data(rest))
    XCTAssertEqual(responses.map { $0["id"] as? Int }, [0, 1, 2])
    let exit = try XCTUnwrap(bot.waitForExit())
    XCTAssertEqual(exit.reason, .exit)
    XCTAssertEqual(exit.status, 0)
    XCTAssertEqual(bot.standardError(), "")
  }

  func testClosedStdoutEndsTheProcessQuietly() throws {
    for answersFirst in [true, false] {
      let bot = try JSONProcess(drainsOutput: false)
      if answersFirst {
        XCTAssertTrue(bot.writeLine(#"{"id":1,"question":"hi"}"#))
        let line = try XCTUnwrap(Self.readLine(from: bot.outputHandle), "no first answer")
        ResponseLine.assertAnswer(try ResponseLine.decode(line))
      }
      // The client goes away: nobody reads the answers any more.
      try bot.outputHandle.close()
      for index in 0..<200 {
        if !bot.writeLine(#"{"id":\#(index),"question":"What is ketamine?"}"#) { break }
      }
      bot.closeInput()
      let exit = try XCTUnwrap(bot.waitForExit(), "still running with stdout closed")
      XCTAssertEqual(exit.reason, .exit, "killed by a signal instead of exiting")
      XCTAssertEqual(exit.status, 0)
      XCTAssertEqual(bot.standardError(), "", "a closed stdout is not worth a message")
    }
  }

  func testSignalWhileWaitingForInputExitsZeroAtOnce() throws {
    for signalNumber in [SIGTERM, SIGINT] {
      let bot = try JSONProcess()
      for index in 0..<2 {
        XCTAssertTrue(bot.writeLine(#"{"id":\#(index),"question":"hi"}"#))
        XCTAssertEqual(try bot.readResponse()["id"] as? Int, index)
      }
      kill(bot.processIdentifier, signalNumber)
      let exit = try XCTUnwrap(bot.waitForExit(), "signal \(signalNumber) did not end the process")
      XCTAssertEqual(exit.reason, .exit)
      XCTAssertEqual(exit.status, 0)
      XCTAssertEqual(bot.readRest(), [])
      XCTAssertEqual(bot.standardError(), "")
    }
  }

  func testSignalMidStreamFinishesTheCurrentLineAndExitsZero() throws {
    for signalNumber in [SIGTERM, SIGINT] {
      let bot = try JSONProcess()
      let requestCount = 5_000
      let requests = [UInt8](
        (0..<requestCount).map { #"{"id":\#($0),"question":"How does ketamine work on the brain?"}"# + "\n" }
          .joined().utf8)
      // Written on another thread: the pipe fills while the bot is busy, and the write then
      // fails with EPIPE once the bot has exited.
      let writer = DispatchGroup()
      DispatchQueue.global().async(group: writer) {
        bot.write(requests)
        bot.closeInput()
      }
      for index in 0..<5 {
        XCTAssertEqual(try bot.readResponse()["id"] as? Int, index)
      }
      kill(bot.processIdentifier, signalNumber)
      let exit = try XCTUnwrap(bot.waitForExit(), "signal \(signalNumber) did not end the process")
      XCTAssertEqual(exit.reason, .exit)
      XCTAssertEqual(exit.status, 0)
      XCTAssertEqual(writer.wait(timeout: .now() + 60), .success)
      // Whatever came after the signal is whole lines, still in order: the line being
      // answered was finished, nothing was cut.
      let rest = try XCTUnwrap(bot.readRest())
      let responses = try ResponseLine.decodeAll(Data(rest))
      XCTAssertEqual(responses.map { $0["id"] as? Int }, (5..<(5 + responses.count)).map { Optional($0) })
      XCTAssertEqual(bot.standardError(), "")
    }
  }

  /// Reads one line from `handle` by itself, waiting at most `timeout` seconds for each chunk.
  private static func readLine(from handle: FileHandle, timeout: TimeInterval = JSONProcess.readTimeout)
    -> [UInt8]?
  {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !bytes.contains(0x0A) {
      var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, Int32(timeout * 1000)) == 1 else { return nil }
      let count = read(handle.fileDescriptor, &buffer, buffer.count)
      guard count > 0 else { return nil }
      bytes += buffer[0..<count]
    }
    return Array(bytes.prefix { $0 != 0x0A })
  }
}
