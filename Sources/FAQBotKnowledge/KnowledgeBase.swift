/// The runtime view of a knowledge document: passages by id, their section, and what comes
/// next, for answers, sources and "tell me more".
public struct KnowledgeBase: Sendable {
  /// One addressable piece of text: a sentence, a paragraph or a whole section.
  public struct Passage: Sendable, Equatable {
    /// How much of the document a passage is.
    public enum Level: Sendable { case section, paragraph, sentence }
    /// The knowledge id answers cite (`side-effects.p1.s2`).
    public var id: String
    /// Whether the passage is a sentence, a paragraph or a whole section.
    public var level: Level
    /// Display text: whitespace collapsed, so wrapped source lines read as one paragraph.
    public var text: String
    /// The id of the section that holds the passage.
    public var sectionId: String
    /// That section's title, as an answer's source names it.
    public var sectionTitle: String
  }

  /// The knowledge file this view is of.
  public let document: KnowledgeDocument
  private let passagesById: [String: Passage]
  /// Paragraph ids in document order, to find the passage after a given one.
  public let paragraphOrder: [String]
  /// Every kept sentence, in document order (what retrieval searches).
  public let sentences: [Passage]
  /// Every paragraph, in document order.
  public let paragraphs: [Passage]

  /// Indexes `document`'s passages by id, once, for the engine's lifetime.
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

  /// The passage with knowledge id `id`, or nil when the document has none.
  public func passage(_ id: String) -> Passage? { passagesById[id] }

  /// Whether `id` names a passage: intent files' references are checked with it.
  public func contains(_ id: String) -> Bool { passagesById[id] != nil }

  /// The id of the paragraph holding `id`: itself for a paragraph, `section.p2` for the
  /// sentence `section.p2.s1`.
  public static func paragraphId(of id: String) -> String {
    id.split(separator: ".").prefix(2).joined(separator: ".")
  }

  /// The paragraph after the one holding `id` (sentence or paragraph), within the same section.
  public func paragraph(after id: String) -> Passage? {
    let paragraphId = Self.paragraphId(of: id)
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
