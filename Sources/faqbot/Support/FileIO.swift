import Foundation

/// File reading and atomic writing for the CLI: a failed run never leaves a partial file.
enum FileIO {
  static func read(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// Writes to a temporary file beside `path`, then renames it over `path`.
  static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}

/// An error the CLI reports as one line on stderr, exiting with status 1.
struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ message: String) { description = message }
}
