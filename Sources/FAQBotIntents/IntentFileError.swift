/// A mistake in an intent file, located to the file, line and column so the author can fix it.
public struct IntentFileError: Error, Sendable, Equatable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String

  public init(_ location: SourceLocation, _ message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): error: \(message)" }
}
