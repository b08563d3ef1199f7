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
/// The vectors are computed when the engine starts (a few hundred paragraphs and sentences
/// for a 20 KB guide: docs/performance.md has the time), in batches over every core.
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
  /// encoder-mode start.
  public init(knowledge: KnowledgeBase, encoder: SentenceEncoder) {
    var units: [(String, String)] = []
    var texts: [String] = []
    var sentenceTexts: [String] = []
    var ranges: [Range<Int>] = []
    for section in knowledge.document.sections {
      let prefix = section.title.isEmpty ? "" : section.title + ". "
      for paragraph in section.paragraphs {
        units.append((section.id, paragraph.id))
        texts.append(prefix + (knowledge.passage(paragraph.id)?.text ?? paragraph.text))
        let start = sentenceTexts.count
        if paragraph.sentences.count > 1 {
          for sentence in paragraph.sentences {
            sentenceTexts.append(prefix + (knowledge.passage(sentence.id)?.text ?? sentence.text))
          }
        }
        ranges.append(start..<sentenceTexts.count)
      }
    }
    self.units = units
    self.dimensions = encoder.dimensions
    let encoded = EncoderHead.encode(texts + sentenceTexts, with: encoder)
    self.vectors = encoded.prefix(texts.count).flatMap { $0 }
    self.sentenceVectors = encoded.dropFirst(texts.count).flatMap { $0 }
    self.sentenceRanges = ranges
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
          let nearest = sentenceRanges[index].map { dot(sentences, $0) }.max() ?? paragraph
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
