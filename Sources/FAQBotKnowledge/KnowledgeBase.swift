/// The runtime view of a knowledge document: passages by id, their section, and what comes
/// next, for answers, sources and "tell me more".
public struct KnowledgeBase: Sendable {
  /// One addressable piece of text: a sentence, a paragraph or a whole section.
  public struct Passage: Sendable, Equatable {
    public enum Level: Sendable { case section, paragraph, sentence }
    public var id: String
    public var level: Level
    /// Display text: whitespace collapsed, so wrapped source lines read as one paragraph.
    public var text: String
    public var sectionId: String
    public var sectionTitle: String
  }

  public let document: KnowledgeDocument
  private let passagesById: [String: Passage]
  /// Paragraph ids in document order, to find the passage after a given one.
  public let paragraphOrder: [String]
  public let sentences: [Passage]
  public let paragraphs: [Passage]

  public init(document: KnowledgeDocument) {
    self.document = document
    var byId: [String: Passage] = [:]
    var order: [String] = []
    var sentences: [Passage] = []
    var paragraphs: [Passage] = []
    for section in document.sections {
      let sectionText = section.paragraphs.map { Self.display($0.text) }.joined(separator: "\n\n")
      byId[section.id] = Passage(
        id: section.id, level: .section, text: sectionText, sectionId: section.id, sectionTitle: section.title
      )
      for paragraph in section.paragraphs {
        let passage = Passage(
          id: paragraph.id, level: .paragraph, text: Self.display(paragraph.text), sectionId: section.id,
          sectionTitle: section.title)
        byId[paragraph.id] = passage
        paragraphs.append(passage)
        order.append(paragraph.id)
        for sentence in paragraph.sentences {
          let passage = Passage(
            id: sentence.id, level: .sentence, text: Self.display(sentence.text), sectionId: section.id,
            sectionTitle: section.title)
          byId[sentence.id] = passage
          sentences.append(passage)
        }
      }
    }
    self.passagesById = byId
    self.paragraphOrder = order
    self.sentences = sentences
    self.paragraphs = paragraphs
  }

  public func passage(_ id: String) -> Passage? { passagesById[id] }

  public func contains(_ id: String) -> Bool { passagesById[id] != nil }

  /// The paragraph after the one holding `id` (sentence or paragraph), within the same section.
  public func paragraph(after id: String) -> Passage? {
    let paragraphId = id.split(separator: ".").prefix(2).joined(separator: ".")
    guard let index = paragraphOrder.firstIndex(of: paragraphId), index + 1 < paragraphOrder.count,
      let next = passagesById[paragraphOrder[index + 1]],
      next.sectionId == passagesById[paragraphId]?.sectionId
    else { return nil }
    return next
  }

  /// The text every removed passage had, so tests and filters can prove none is ever served.
  public var removedTexts: [String] { document.removed.map { Self.display($0.text) } }

  static func display(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
  }
}
