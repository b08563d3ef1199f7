import FAQBotCore
import FAQBotKnowledge
import FAQBotVectors
import Foundation

/// A cheap dense reading of a knowledge-only pack's document for the fast mode: each
/// paragraph's vector (its heading first, which names what it is about) as the IDF-weighted
/// mean of its words' static ``TokenVectors`` rows, and the cosine between a question's vector
/// and each.
///
/// Lexical section search (``SectionRetriever``) needs the question's own words in a heading or
/// the text; a person asking "how do i refresh all my brew apps" under "How do I update my
/// local packages?" shares only "brew" with it. The token vectors put "refresh" near "update"
/// and "apps" near "packages" at a table lookup a word, so the retrieval stage mixes this
/// cosine with the lexical score (``EngineConfiguration/sectionVectorWeight``). Words the
/// stop list drops (how, do, i…) are left out: the document rarely has them, so a document
/// IDF would weigh them most.
public struct SectionVectors: Sendable {
  /// The nearest paragraph of one section.
  public struct Hit: Sendable, Equatable {
    /// The knowledge-file id of the section.
    public var sectionId: String
    /// The section's paragraph nearest the question.
    public var paragraphId: String
    /// The cosine between the question's vector and that paragraph's (-1...1).
    public var cosine: Double
  }

  private let vectors: TokenVectors
  private let analyzer: TextAnalyzer
  private let idf: [Int32: Float]
  private let unseenIDF: Float
  private let units: [(sectionId: String, paragraphId: String)]
  /// `units.count × dimensions` floats, unit-length rows.
  private let rows: [Float]

  /// Reads every paragraph of `knowledge` (with its heading) through `analyzer`, the pieces
  /// weighted by their IDF over the document's paragraphs and headings.
  public init(knowledge: KnowledgeBase, analyzer: TextAnalyzer, vectors: TokenVectors) {
    self.vectors = vectors
    self.analyzer = analyzer
    var units: [(String, String)] = []
    var texts: [[Int32]] = []
    var frequency: [Int32: Int] = [:]
    var documents = 0
    func count(_ pieces: [Int32]) {
      for piece in Set(pieces) { frequency[piece, default: 0] += 1 }
      documents += 1
    }
    for section in knowledge.document.sections where !section.paragraphs.isEmpty {
      let title = Self.contentPieces(of: section.title, analyzer: analyzer, vectors: vectors)
      count(title)
      for paragraph in section.paragraphs {
        let pieces = Self.contentPieces(
          of: knowledge.passage(paragraph.id)?.text ?? paragraph.text, analyzer: analyzer, vectors: vectors)
        count(pieces)
        units.append((section.id, paragraph.id))
        texts.append(title + pieces)
      }
    }
    let total = Float(documents)
    var idf: [Int32: Float] = [:]
    for (piece, df) in frequency { idf[piece] = log((1 + total) / (1 + Float(df))) + 1 }
    self.idf = idf
    unseenIDF = log(1 + total) + 1
    self.units = units
    var rows: [Float] = []
    rows.reserveCapacity(units.count * vectors.dimensions)
    for pieces in texts {
      rows +=
        Self.unitVector(pieces, vectors: vectors, idf: idf, unseen: unseenIDF)
        ?? [Float](repeating: 0, count: vectors.dimensions)
    }
    self.rows = rows
  }

  /// The same on the token vectors compiled into faqbot; nil only if they are damaged, which
  /// the tests rule out.
  public static func embedded(knowledge: KnowledgeBase, analyzer: TextAnalyzer) -> SectionVectors? {
    TokenVectors.embedded.map { SectionVectors(knowledge: knowledge, analyzer: analyzer, vectors: $0) }
  }

  /// The pieces of `text`'s content words (stop words left out), as typed.
  private static func contentPieces(of text: String, analyzer: TextAnalyzer, vectors: TokenVectors) -> [Int32]
  {
    contentPieces(of: analyzer.analyze(text), vectors: vectors)
  }

  private static func contentPieces(of analysis: TextAnalyzer.Analysis, vectors: TokenVectors) -> [Int32] {
    // The words as typed when they line up with the stems (no synonym rewrote them): the
    // vectors know English words that typo correction would turn into document words.
    let words = analysis.surface.count == analysis.stems.count ? analysis.surface : analysis.words
    var pieces: [Int32] = []
    for (word, stem) in zip(words, analysis.stems) where !WordLists.stopStems.contains(stem) {
      vectors.appendPieces(of: word, to: &pieces)
    }
    return pieces
  }

  private static func unitVector(
    _ pieces: [Int32], vectors: TokenVectors, idf: [Int32: Float], unseen: Float
  ) -> [Float]? {
    guard !pieces.isEmpty else { return nil }
    var sum = [Float](repeating: 0, count: vectors.dimensions)
    for piece in pieces {
      let weight = idf[piece] ?? unseen
      let row = vectors.row(piece)
      for d in 0..<sum.count { sum[d] += weight * Float(row[d]) * vectors.scales[d] }
    }
    let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard norm > 0 else { return nil }
    return sum.map { $0 / norm }
  }

  /// The question's vector: nil when none of its content words has known pieces.
  public func vector(of analysis: TextAnalyzer.Analysis) -> [Float]? {
    Self.unitVector(
      Self.contentPieces(of: analysis, vectors: vectors), vectors: vectors, idf: idf, unseen: unseenIDF)
  }

  /// For each section, its paragraph nearest `question` (a ``vector(of:)``), keyed by section id.
  public func nearest(_ question: [Float]) -> [String: Hit] {
    let dimensions = vectors.dimensions
    guard question.count == dimensions else { return [:] }
    var best: [String: Hit] = [:]
    rows.withUnsafeBufferPointer { rows in
      for (index, unit) in units.enumerated() {
        var sum: Float = 0
        for d in 0..<dimensions { sum += rows[index * dimensions + d] * question[d] }
        let cosine = Double(sum)
        if let current = best[unit.sectionId], current.cosine >= cosine { continue }
        best[unit.sectionId] = Hit(sectionId: unit.sectionId, paragraphId: unit.paragraphId, cosine: cosine)
      }
    }
    return best
  }
}
