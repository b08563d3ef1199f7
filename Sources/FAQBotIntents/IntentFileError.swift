/// A mistake in an intent file, located to the file, line and column so the author can fix it.
public struct IntentFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Where the mistake is.
  public var location: SourceLocation
  /// What is wrong, and where it helps how to fix it; no location in it.
  public var message: String

  /// An error at `location` saying `message`.
  public init(_ location: SourceLocation, _ message: String) {
    self.location = location
    self.message = message
  }

  /// `file:line:column: error: message`, as compilers print errors.
  public var description: String { "\(location): error: \(message)" }
}
