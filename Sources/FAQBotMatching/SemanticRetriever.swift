import FAQBotEncoder
import FAQBotKnowledge

/// Semantic search over the knowledge file's paragraphs: each paragraph's sentence vector
/// (its section heading first, which names what it is about), and the cosine between the
/// question's vector and each. It finds "how do I get rid of brew" under "How do I uninstall
/// Homebrew?" with no word in common but "brew", which the lexical ``SectionRetriever``
/// cannot; the retrieval stage combines the two.
///
/// The vectors are computed when the engine starts (a few hundred paragraphs for a 20 KB
/// guide: docs/performance.md has the time), in batches over every core.
public struct SemanticRetriever: Sendable {
  /// One paragraph found for a question.
  public struct Hit: Sendable, Equatable {
    /// The knowledge-file id of the paragraph's section.
    public var sectionId: String
    /// The knowledge-file id of the paragraph.
    public var paragraphId: String
    /// The cosine between the question's vector and the paragraph's (-1...1, higher is nearer).
    public var cosine: Float
  }

  /// The length of the vectors, the encoder's.
  public let dimensions: Int
  private let units: [(sectionId: String, paragraphId: String)]
  /// `units.count × dimensions` floats, unit-length rows.
  private let vectors: [Float]

  /// Encodes every paragraph of `knowledge` with `encoder`: the costly part of an encoder-mode
  /// start.
  public init(knowledge: KnowledgeBase, encoder: SentenceEncoder) {
    var units: [(String, String)] = []
    var texts: [String] = []
    for section in knowledge.document.sections {
      for paragraph in section.paragraphs {
        let text = knowledge.passage(paragraph.id)?.text ?? paragraph.text
        units.append((section.id, paragraph.id))
        texts.append(section.title.isEmpty ? text : section.title + ". " + text)
      }
    }
    self.units = units
    self.dimensions = encoder.dimensions
    self.vectors = EncoderHead.encode(texts, with: encoder).flatMap { $0 }
  }

  /// How many paragraphs are searched.
  public var count: Int { units.count }

  /// The paragraphs nearest `sentence` (unit length), best first, at most `limit`.
  public func search(_ sentence: [Float], limit: Int = 1) -> [Hit] {
    guard sentence.count == dimensions, limit > 0 else { return [] }
    var scored: [(index: Int, cosine: Float)] = []
    scored.reserveCapacity(units.count)
    vectors.withUnsafeBufferPointer { rows in
      for index in units.indices {
        var sum: Float = 0
        for d in 0..<dimensions { sum += rows[index * dimensions + d] * sentence[d] }
        scored.append((index, sum))
      }
    }
    scored.sort { $0.cosine > $1.cosine || ($0.cosine == $1.cosine && $0.index < $1.index) }
    return scored.prefix(limit).map {
      Hit(sectionId: units[$0.index].sectionId, paragraphId: units[$0.index].paragraphId, cosine: $0.cosine)
    }
  }
}
