import Foundation

/// Unbuffered writes to standard output that report a closed pipe instead of dying of
/// SIGPIPE, so a client that goes away ends the process quietly.
enum StandardOutput {
  /// Ignores SIGPIPE so writes to a closed stdout fail with EPIPE instead of killing us.
  static func ignoreBrokenPipes() { signal(SIGPIPE, SIG_IGN) }

  /// Writes all of `bytes`; false when stdout is closed or failing.
  @discardableResult
  static func write(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(
          STDOUT_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += written
      }
      return true
    }
  }
}

/// Diagnostics, one line each, on standard error.
enum StandardError {
  static func write(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}
