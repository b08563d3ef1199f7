import FAQBotEncoder
import FAQBotKnowledge

/// Semantic search over the knowledge file's paragraphs: each paragraph's sentence vector
/// and each of its sentences' (the section heading first in both, which names what they are
/// about), and for a question the cosine with the paragraph averaged with the cosine of its
/// nearest sentence. It finds "how do I get rid of brew" under "How do I uninstall
/// Homebrew?" with no word in common but "brew", which the lexical ``SectionRetriever``
/// cannot; the retrieval stage combines the two.
///
/// Why sentences as well: the encoder reads a long paragraph as its gist, so a question about
/// one of its sentences can be nearer another section's short paragraph. Averaged with the
/// nearest sentence, the right section ranked first for 63 of 81 tune questions of
/// Benchmarks/documents against 62 with paragraphs alone (docs/performance.md,
/// "Knowledge-only retrieval"); sentences alone ranked 60, and headings alone 33.
///
/// The vectors are computed when the pack is first trained (a few hundred paragraphs and
/// sentences for a 20 KB guide, in batches over every core: docs/performance.md has the
/// time) and stored in its model, so a later start reads them.
public struct SemanticRetriever: Sendable {
  /// One paragraph found for a question.
  public struct Hit: Sendable, Equatable {
    /// The knowledge-file id of the paragraph's section.
    public var sectionId: String
    /// The knowledge-file id of the paragraph.
    public var paragraphId: String
    /// The mean of the cosines between the question's vector and the paragraph's and its
    /// nearest sentence's (-1...1, higher is nearer).
    public var cosine: Float
  }

  /// The length of the vectors, the encoder's.
  public let dimensions: Int
  private let units: [(sectionId: String, paragraphId: String)]
  /// `units.count × dimensions` floats, unit-length rows: the paragraphs'.
  private let vectors: [Float]
  /// For each paragraph, the range of its sentences' rows in ``sentenceVectors``; empty when
  /// it is a single sentence (its vector is the paragraph's).
  private let sentenceRanges: [Range<Int>]
  /// The sentences' unit-length rows, paragraph after paragraph.
  private let sentenceVectors: [Float]

  /// Encodes every paragraph and sentence of `knowledge` with `encoder`: the costly part of an
  /// encoder-mode start, which a trained model saves (``storedVectors``).
  public init(knowledge: KnowledgeBase, encoder: SentenceEncoder) {
    let layout = Self.layout(of: knowledge)
    let encoded = EncoderHead.encode(layout.texts + layout.sentenceTexts, with: encoder)
    self.init(layout: layout, dimensions: encoder.dimensions, vectors: encoded.flatMap { $0 })
  }

  /// The retriever of `knowledge` from the vectors a model stored (``storedVectors``); nil
  /// when they do not fit this knowledge file's paragraphs and sentences.
  public init?(knowledge: KnowledgeBase, storedVectors: [Float], dimensions: Int) {
    let layout = Self.layout(of: knowledge)
    guard dimensions > 0,
      storedVectors.count == (layout.texts.count + layout.sentenceTexts.count) * dimensions,
      storedVectors.allSatisfy(\.isFinite)
    else { return nil }
    self.init(layout: layout, dimensions: dimensions, vectors: storedVectors)
  }

  private init(layout: Layout, dimensions: Int, vectors: [Float]) {
    self.units = layout.units
    self.dimensions = dimensions
    let split = layout.texts.count * dimensions
    self.vectors = Array(vectors[..<split])
    self.sentenceVectors = Array(vectors[split...])
    self.sentenceRanges = layout.ranges
  }

  /// The paragraphs' vectors, then the sentences': what a trained model stores so that a
  /// start need not encode the document again.
  public var storedVectors: [Float] { vectors + sentenceVectors }

  /// What is encoded, in order: each paragraph with its heading, then the sentences of the
  /// paragraphs that have more than one.
  private struct Layout {
    var units: [(sectionId: String, paragraphId: String)] = []
    var texts: [String] = []
    var sentenceTexts: [String] = []
    var ranges: [Range<Int>] = []
  }

  private static func layout(of knowledge: KnowledgeBase) -> Layout {
    var layout = Layout()
    for section in knowledge.document.sections {
      let prefix = section.title.isEmpty ? "" : section.title + ". "
      for paragraph in section.paragraphs {
        layout.units.append((section.id, paragraph.id))
        layout.texts.append(prefix + (knowledge.passage(paragraph.id)?.text ?? paragraph.text))
        let start = layout.sentenceTexts.count
        if paragraph.sentences.count > 1 {
          for sentence in paragraph.sentences {
            layout.sentenceTexts.append(prefix + (knowledge.passage(sentence.id)?.text ?? sentence.text))
          }
        }
        layout.ranges.append(start..<layout.sentenceTexts.count)
      }
    }
    return layout
  }

  /// How many paragraphs are searched.
  public var count: Int { units.count }

  /// The paragraph nearest `sentence` and its lead: how much nearer it is than the nearest
  /// paragraph of any other section (its cosine when the document has one section). A
  /// question the document does not answer tends to be as near several sections, so the
  /// stages weigh the lead with the cosine.
  public func nearest(_ sentence: [Float]) -> (hit: Hit, lead: Float)? {
    let hits = search(sentence, limit: count)
    guard let first = hits.first else { return nil }
    let second = hits.first { $0.sectionId != first.sectionId }?.cosine ?? 0
    return (first, first.cosine - second)
  }

  /// The paragraphs nearest `sentence` (unit length), best first, at most `limit`.
  public func search(_ sentence: [Float], limit: Int = 1) -> [Hit] {
    guard sentence.count == dimensions, limit > 0 else { return [] }
    var scored: [(index: Int, cosine: Float)] = []
    scored.reserveCapacity(units.count)
    let dimensions = dimensions
    func dot(_ rows: UnsafeBufferPointer<Float>, _ row: Int) -> Float {
      var sum: Float = 0
      for d in 0..<dimensions { sum += rows[row * dimensions + d] * sentence[d] }
      return sum
    }
    vectors.withUnsafeBufferPointer { rows in
      sentenceVectors.withUnsafeBufferPointer { sentences in
        for index in units.indices {
          let paragraph = dot(rows, index)
          var nearest = sentenceRanges[index].isEmpty ? paragraph : -Float.infinity
          for row in sentenceRanges[index] { nearest = max(nearest, dot(sentences, row)) }
          scored.append((index, (paragraph + nearest) / 2))
        }
      }
    }
    scored.sort { $0.cosine > $1.cosine || ($0.cosine == $1.cosine && $0.index < $1.index) }
    return scored.prefix(limit).map {
      Hit(sectionId: units[$0.index].sectionId, paragraphId: units[$0.index].paragraphId, cosine: $0.cosine)
    }
  }
}
