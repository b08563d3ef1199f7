import Foundation
import XCTest

/// A running `faqbot --json` driven through pipes the way an embedding program drives it:
/// write a line, read a line, with a deadline on every read so a deadlock fails the test
/// instead of hanging it.
///
/// Standard output is drained on a background thread into a buffer, so the child can never
/// block on a full pipe while the test is busy writing; standard error is collected the same
/// way for crash checks.
final class JSONProcess: @unchecked Sendable {
  /// How long a read waits for an answer before the test fails: generous, because the
  /// machine running the tests may be busy; a deadlock still fails instead of hanging.
  static let readTimeout: TimeInterval = 60

  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let errors = Pipe()
  private let condition = NSCondition()
  private var buffered: [UInt8] = []
  private var outputEnded = false
  private var errorBytes: [UInt8] = []
  private var errorEnded = false

  /// Starts `faqbot --json extraArguments…` on the test pack (`JSONTestPack`).
  convenience init(_ extraArguments: [String] = [], drainsOutput: Bool = true) throws {
    try self.init(arguments: JSONTestPack.arguments + extraArguments, drainsOutput: drainsOutput)
  }

  /// Starts `faqbot arguments…` (another front, such as `mcp`) with the test pack's cache.
  init(arguments: [String], drainsOutput: Bool = true) throws {
    process.executableURL = BinaryRunner.binary
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(JSONTestPack.environment) { $1 }
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    // The child starts with SIGPIPE at its default, as real clients start it (Python's
    // subprocess does so), so the tests see whether faqbot handles a closed stdout itself.
    // This process then ignores it: a child that exits while we write must give us EPIPE,
    // not kill the test runner.
    signal(SIGPIPE, SIG_DFL)
    defer { signal(SIGPIPE, SIG_IGN) }
    try process.run()
    if drainsOutput { startDraining(output.fileHandleForReading, isErrorStream: false) }
    startDraining(errors.fileHandleForReading, isErrorStream: true)
  }

  var processIdentifier: Int32 { process.processIdentifier }

  /// The read end of the child's stdout, for tests that read it themselves (`drainsOutput: false`).
  var outputHandle: FileHandle { output.fileHandleForReading }

  /// Writes `bytes` to the child's stdin; false once the child no longer reads it.
  @discardableResult
  func write(_ bytes: some Sequence<UInt8>) -> Bool {
    do {
      try input.fileHandleForWriting.write(contentsOf: Data(bytes))
      return true
    } catch {
      return false
    }
  }

  /// Writes `text` followed by a line feed.
  @discardableResult
  func writeLine(_ text: String) -> Bool { write(Array((text + "\n").utf8)) }

  /// Writes one request line built from `object` with JSONSerialization.
  @discardableResult
  func send(_ object: [String: Any]) throws -> Bool {
    var line = try JSONSerialization.data(withJSONObject: object)
    line.append(0x0A)
    return write(line)
  }

  /// Closes the child's stdin: end of input.
  func closeInput() { try? input.fileHandleForWriting.close() }

  /// The next response line's bytes (without its LF), or nil if none came in `timeout` seconds
  /// or stdout ended first.
  func readLineBytes(timeout: TimeInterval = readTimeout) -> [UInt8]? {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let lineFeed = buffered.firstIndex(of: 0x0A) {
        let line = Array(buffered[..<lineFeed])
        buffered.removeSubrange(...lineFeed)
        return line
      }
      if outputEnded || !condition.wait(until: deadline) { return nil }
    }
  }

  /// The next response line decoded as a JSON object; fails the test if there is none or it
  /// is not a valid response line.
  func readResponse(
    timeout: TimeInterval = readTimeout, file: StaticString = #filePath, line: UInt = #line
  ) throws -> [String: Any] {
    let bytes = try XCTUnwrap(
      readLineBytes(timeout: timeout), "no response line within \(timeout) s", file: file, line: line)
    return try ResponseLine.decode(bytes, file: file, line: line)
  }

  /// Waits until stdout has ended and returns whatever came after the lines already read.
  func readRest(timeout: TimeInterval = readTimeout) -> [UInt8]? {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while !outputEnded {
      if !condition.wait(until: deadline) { return nil }
    }
    let rest = buffered
    buffered.removeAll()
    return rest
  }

  /// Waits for the child to exit; nil if it is still running after `timeout` seconds (it is
  /// then killed so the test run can go on).
  func waitForExit(timeout: TimeInterval = readTimeout) -> (reason: Process.TerminationReason, status: Int32)?
  {
    let deadline = Date(timeIntervalSinceNow: timeout)
    while process.isRunning {
      if Date() > deadline {
        process.terminate()
        kill(process.processIdentifier, SIGKILL)
        return nil
      }
      usleep(10_000)
    }
    return (process.terminationReason, process.terminationStatus)
  }

  /// Everything the child wrote to stderr, once it has closed it (after exit).
  func standardError(timeout: TimeInterval = readTimeout) -> String {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while !errorEnded {
      if !condition.wait(until: deadline) { break }
    }
    return String(decoding: errorBytes, as: UTF8.self)
  }

  /// Ends the child if a test left it running.
  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
    }
  }

  private func startDraining(_ handle: FileHandle, isErrorStream: Bool) {
    let thread = Thread { [self] in
      while true {
        let chunk = handle.availableData
        condition.lock()
        if chunk.isEmpty {
          if isErrorStream { errorEnded = true } else { outputEnded = true }
        } else if isErrorStream {
          errorBytes.append(contentsOf: chunk)
        } else {
          buffered.append(contentsOf: chunk)
        }
        condition.broadcast()
        condition.unlock()
        if chunk.isEmpty { return }
      }
    }
    thread.start()
  }
}
