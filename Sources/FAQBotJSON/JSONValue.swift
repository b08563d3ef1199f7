/// A parsed JSON document, kept as close to its text as the protocol needs.
///
/// Numbers stay as their source text (`raw`) because the protocol must never change a number a
/// client sent (`1.0e5`, or an integer wider than 64 bits) by round-tripping it through
/// `Double`. Objects are an ordered list of members rather than a dictionary, so member order
/// and duplicate keys survive: RFC 8259 leaves duplicates to the application, and we prefer not
/// to decide that at the parsing layer.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// The number exactly as written, e.g. `-0`, `1.0e5` or `123456789012345678901234567890`.
  case number(raw: String)
  case string(String)
  case array([JSONValue])
  /// Members in document order, duplicates included.
  case object([(String, JSONValue)])

  /// Structural equality; numbers compare by their text, objects by their member lists in order.
  ///
  /// Written by hand because tuples are not `Equatable`, so the compiler cannot synthesise it.
  /// Comparing number text (so `1.0 != 1`) matches what the protocol cares about: the bytes a
  /// client sent.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null):
      return true
    case (.bool(let left), .bool(let right)):
      return left == right
    case (.number(let left), .number(let right)):
      return left == right
    case (.string(let left), .string(let right)):
      return left == right
    case (.array(let left), .array(let right)):
      return left == right
    case (.object(let left), .object(let right)):
      guard left.count == right.count else { return false }
      for (leftMember, rightMember) in zip(left, right)
      where leftMember.0 != rightMember.0 || leftMember.1 != rightMember.1 {
        return false
      }
      return true
    default:
      return false
    }
  }

  /// The value of the last member named `key`, if this is an object that has one.
  ///
  /// Last wins, like JavaScript's `JSON.parse`, which is what the request decoder does too.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last { $0.0 == key }?.1
  }
}
