import FAQBotKnowledge

extension KnowledgeBase {
  /// What "tell me more" gives after `shown` (knowledge ids already given on the topic,
  /// last one the anchor): the sentences of the anchor's paragraph not shown yet, else the
  /// first paragraph of the same section with sentences not shown yet (only those). Empty
  /// when every sentence of the section has been shown: only then is the topic exhausted.
  func continuation(after shown: [String]) -> [Passage] {
    guard let anchor = shown.last, let anchorPassage = passage(anchor),
      let section = document.sections.first(where: { $0.id == anchorPassage.sectionId })
    else { return [] }
    var seen: Set<String> = []
    for id in shown {
      if let found = document.sections.first(where: { $0.id == id }) {
        for paragraph in found.paragraphs { seen.formUnion(paragraph.sentences.map(\.id)) }
      }
      for paragraph in section.paragraphs where paragraph.id == id {
        seen.formUnion(paragraph.sentences.map(\.id))
      }
      seen.insert(id)
    }
    let anchorParagraph = Self.paragraphId(of: anchor)
    let start = section.paragraphs.firstIndex { $0.id == anchorParagraph } ?? 0
    let order = Array(section.paragraphs[start...]) + Array(section.paragraphs[..<start])
    for paragraph in order {
      let rest = paragraph.sentences.filter { !seen.contains($0.id) }
      guard !rest.isEmpty else { continue }
      if rest.count == paragraph.sentences.count, let whole = passage(paragraph.id) { return [whole] }
      return rest.compactMap { passage($0.id) }
    }
    return []
  }
}
