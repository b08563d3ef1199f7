/// General rules that recognise text which is not content: page furniture, promotion and
/// navigation left over from a web page or a PDF export.
///
/// The rules look at the shape of the text (a repeated title with a page number, a bare
/// URL, a call to action that points at another resource, a label with nothing under it),
/// never at strings of one particular document.
struct CleaningRules: Sendable {
  /// Reasons recorded in the knowledge file's `removed` list.
  enum Reason {
    static let pageArtefact =
      "page artefact: the title or a page number repeated as a running header or footer"
    static let bareLink = "promotional link: a sentence carrying a bare URL"
    static let promotion = "promotion: a call to action that sends the reader to another resource"
    static let orphanLabel =
      "navigation: a heading-like line with no text under it (a link label without its link)"
    static let listLeadIn = "navigation: a lead-in to a list of links that is not there"
  }

  private static let callToActionWords: Set<String> = [
    "visit", "visiting", "click", "tap", "subscribe", "delve", "explore", "browse", "follow", "download",
    "read", "consult", "check", "discover", "continue", "sign", "register", "join", "contact",
  ]

  /// Nouns that only ever name another web resource: with a call to action, the sentence
  /// is promotion or navigation.
  private static let webResourceWords: Set<String> = [
    "website", "websites", "url", "link", "links", "blog", "newsletter", "here", "below",
  ]

  /// Nouns that name another resource only when something points at it ("this source",
  /// "our guide", "related articles"); "check the injection site" or "follow the guide your
  /// doctor gives you" are content and stay.
  private static let resourceWords: Set<String> = [
    "site", "page", "pages", "source", "sources", "material", "materials", "resource", "resources", "article",
    "articles", "guide", "guides",
  ]

  /// Words that point a reader at a resource other than the text itself.
  private static let pointerWords: Set<String> = [
    "this", "these", "those", "our", "my", "external", "related", "following", "further", "other",
    "more", "additional",
  ]

  /// A single line that only repeats the title and/or a page number ("Title 1", "Page 3 of 9", "- 4 -").
  func isPageArtefact(_ line: String, title: String) -> Bool {
    let words = Self.words(of: line)
    guard !words.isEmpty else { return false }
    let titleWords = Self.words(of: title)
    var rest = words[...]
    if !titleWords.isEmpty, rest.starts(with: titleWords) { rest = rest.dropFirst(titleWords.count) }
    if rest.first == "page" { rest = rest.dropFirst() }
    let isNumber = { (word: Substring.SubSequence) in !word.isEmpty && word.allSatisfy(\.isNumber) }
    if rest.isEmpty { return words.count == titleWords.count && !titleWords.isEmpty }
    guard let first = rest.first, isNumber(Substring(first)) else { return false }
    rest = rest.dropFirst()
    if rest.count == 2, rest.first == "of", let last = rest.last, isNumber(Substring(last)) { return true }
    return rest.isEmpty
  }

  /// The reason to drop a sentence, or `nil` to keep it.
  func promotionReason(forSentence sentence: String) -> String? {
    let lower = sentence.lowercased()
    if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") {
      return Reason.bareLink
    }
    let words = Self.words(of: sentence)
    guard !Set(words).isDisjoint(with: Self.callToActionWords) else { return nil }
    for (index, word) in words.enumerated() {
      if Self.webResourceWords.contains(word) { return Reason.promotion }
      let pointedAt = words[max(0, index - 3)..<index].contains { Self.pointerWords.contains($0) }
      if Self.resourceWords.contains(word), pointedAt { return Reason.promotion }
    }
    return nil
  }

  /// A line that reads like a heading: short, starts with a capital or digit, and no closing
  /// punctuation except a question mark ("What Is Ketamine?" heads many FAQ pages).
  func looksLikeHeading(_ line: String) -> Bool {
    guard line.utf8.count <= 100, let first = line.unicodeScalars.first, let last = line.last else {
      return false
    }
    guard first.properties.isUppercase || ("0"..."9").contains(Character(first)) else { return false }
    guard !".!:;,".contains(last) else { return false }
    let wordCount = line.split(whereSeparator: \.isWhitespace).count
    return wordCount <= 12 && line.contains(where: \.isLetter)
  }

  /// Lowercased words of letters and digits, for comparing lines by shape.
  static func words(of text: String) -> [String] {
    text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
  }
}
