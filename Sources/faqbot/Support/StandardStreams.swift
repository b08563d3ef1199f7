import Foundation
import SystemPackage

/// Unbuffered writes to standard output that report a closed pipe instead of dying of
/// SIGPIPE, so a client that goes away ends the process quietly.
enum StandardOutput {
  /// Ignores SIGPIPE so writes to a closed stdout fail with EPIPE instead of killing us.
  static func ignoreBrokenPipes() { signal(SIGPIPE, SIG_IGN) }

  /// Writes all of `bytes`; false when stdout is closed or failing.
  @discardableResult
  static func write(_ bytes: [UInt8]) -> Bool {
    // writeAll repeats short and interrupted writes until every byte is out or one fails.
    do {
      _ = try bytes.withUnsafeBytes { try FileDescriptor.standardOutput.writeAll($0) }
      return true
    } catch {
      return false
    }
  }
}

/// Diagnostics, one line each, on standard error.
enum StandardError {
  static func write(_ message: String) {
    _ = try? FileDescriptor.standardError.writeAll((message + "\n").utf8)
  }
}
