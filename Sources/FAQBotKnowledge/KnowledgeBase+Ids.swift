extension KnowledgeBase {
  /// Every passage id in document order (section, then its paragraphs and their sentences),
  /// for "did you mean" on a misspelt reference.
  public var passageIds: [String] {
    document.sections.flatMap { section in
      [section.id] + section.paragraphs.flatMap { [$0.id] + $0.sentences.map(\.id) }
    }
  }
}
