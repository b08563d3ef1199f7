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

  /// What exists at `path`: nothing, a file, or a directory.
  enum Kind { case none, file, directory }

  static func kind(of path: String) -> Kind {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .none }
    return isDirectory.boolValue ? .directory : .file
  }

  /// Why a file operation failed, in words: Foundation's own text for a write into a
  /// directory is "The operation could not be completed. (NSCocoaErrorDomain error 512.)".
  static func reason(_ error: Error) -> String {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain,
      let message = strerror(Int32(underlying.code))
    {
      return String(cString: message).lowercased()
    }
    if error.domain == NSPOSIXErrorDomain, let message = strerror(Int32(error.code)) {
      return String(cString: message).lowercased()
    }
    return error.localizedDescription
  }
}

/// An error the CLI reports as one line on stderr, exiting with status 1.
struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ message: String) { description = message }
}
