extension REPL {
  /// What Tab offers: `/commands` at the start of the line, and topic names after `/topics `.
  /// Nothing anywhere else, so Tab in a question never lists file names.
  struct Completion: Sendable {
    var topicNames: [String]

    /// The words that can replace `word`, given the text of the line before it.
    func candidates(for word: String, after lineStart: String) -> [String] {
      let wanted = word.lowercased()
      if REPL.trimmed(lineStart).isEmpty, word.hasPrefix("/") {
        return Command.allCases.map(\.typed).filter { $0.hasPrefix(wanted) }
      }
      let words = lineStart.split(whereSeparator: \.isWhitespace)
      if words.count == 1, words[0].lowercased() == Command.topics.typed, lineStart.last?.isWhitespace == true
      {
        return topicNames.filter { $0.lowercased().hasPrefix(wanted) }
      }
      return []
    }

    /// What readline puts in place of the word: the longest start all candidates share.
    static func commonStart(of candidates: [String]) -> String {
      guard var common = candidates.first else { return "" }
      for candidate in candidates.dropFirst() {
        common = String(zip(common, candidate).prefix { $0.0 == $0.1 }.map(\.0))
      }
      return common
    }
  }
}
