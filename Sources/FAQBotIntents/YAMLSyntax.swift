import Yams

/// Turns libyaml's errors into located, readable ones, shared by the intent and settings
/// readers.
enum YAMLSyntax {
  /// The error for a file that does not parse. A tab in a line's indentation is the usual
  /// cause of libyaml's "found character that cannot start any token", which names neither
  /// tabs nor where the tab is, so that case is reported at the tab itself.
  static func error(_ error: YamlError, file: String, text: String) -> IntentFileError {
    let located = syntaxError(error, file: file)
    if let tab = indentingTab(in: text, upTo: located.location.line) {
      return .init(
        .init(file: file, line: tab.line, column: tab.column),
        "tab characters are not allowed for indentation in YAML; use spaces")
    }
    return located
  }

  /// The first tab in the indentation of lines 1...`line`, if any.
  static func indentingTab(in text: String, upTo line: Int) -> (line: Int, column: Int)? {
    for (index, content) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(line)
      .enumerated()
    {
      var column = 0
      for character in content.unicodeScalars {
        column += 1
        if character == "\t" { return (index + 1, column) }
        if character != " " { break }
      }
    }
    return nil
  }

  static func syntaxError(_ error: YamlError, file: String) -> IntentFileError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { "\(problem) (\($0.text))" } ?? problem
      return .init(.init(file: file, line: mark.line, column: mark.column), "YAML syntax error: \(detail)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .init(
        .init(file: file, line: context.mark.line, column: context.mark.column),
        "duplicate key \(duplicates.joined(separator: ", ")) in mapping")
    case .reader(let problem, let offset, _, _):
      return .init(
        .init(file: file, line: 1), "cannot read YAML: \(problem)\(offset.map { " at byte \($0)" } ?? "")")
    default:
      return .init(.init(file: file, line: 1), "YAML error: \(error)")
    }
  }
}
