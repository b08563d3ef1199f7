import Yams

/// Whether a YAML scalar is text as its author meant it. The loaders read YAML without type
/// resolution (plain scalars stay strings, which is faster and keeps "no" and "on" as words),
/// so `emergency: 5` or `advice: true` would otherwise be taken as the text "5" or "true":
/// the crisis answer of a pack replaced by a digit. A quoted scalar is always text; a plain
/// one is not when YAML's core schema reads it as a number, a boolean or null.
enum YAMLText {
  static func isText(_ scalar: Node.Scalar) -> Bool {
    guard scalar.style == .plain else { return true }
    let value = scalar.string
    if value.isEmpty || readsAsNull(value) { return false }
    if ["true", "false"].contains(value.lowercased()) { return false }
    return Double(value) == nil && Int(value.replacingOccurrences(of: "_", with: "")) == nil
  }

  /// Whether `text`, written as a plain scalar, is YAML's null (`null`, `Null`, `~`): a list
  /// entry that is empty, not the word, and a question the importer must write in quotes.
  static func readsAsNull(_ text: String) -> Bool {
    text == "~" || text.lowercased() == "null"
  }

  /// A plain scalar that is YAML's null.
  static func isNull(_ scalar: Node.Scalar) -> Bool {
    scalar.style == .plain && readsAsNull(scalar.string)
  }
}
