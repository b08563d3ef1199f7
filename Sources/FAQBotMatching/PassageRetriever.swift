import FAQBotCore
import FAQBotKnowledge
import Foundation

/// BM25 search over the knowledge file's sentences and paragraphs, on the same analysed
/// stems as the classifier: the stage that answers from the document when no intent fits.
///
/// Besides the BM25 ranking it reports *coverage*: the share of the question's
/// information (IDF mass of its content words, unknown words counting fully) found in the
/// passage. BM25 scores are not comparable across questions; coverage is, so it decides
/// whether a passage is strong enough to answer with.
public struct PassageRetriever: Sendable {
  /// One passage found for a question.
  public struct Hit: Sendable, Equatable {
    /// The knowledge-file id of the sentence or paragraph.
    public var passageId: String
    /// Share of the question's IDF mass found in the passage (0...1): comparable across
    /// questions, so it decides whether to answer.
    public var coverage: Double
    /// The BM25 score: orders passages of equal coverage, means nothing across questions.
    public var score: Double
  }

  private struct Document: Sendable {
    var id: String
    var termCounts: [String: Int]
    var length: Int
  }

  private let documents: [Document]
  private let documentFrequency: [String: Int]
  private let averageLength: Double
  private let k1 = 1.2
  private let b = 0.75

  /// Indexes every sentence and paragraph of `knowledge`, read through `analyzer` so that its
  /// stems are the questions'.
  public init(knowledge: KnowledgeBase, analyzer: TextAnalyzer) {
    var documents: [Document] = []
    var frequency: [String: Int] = [:]
    for passage in knowledge.sentences + knowledge.paragraphs {
      let terms = analyzer.analyze(passage.text).stems.filter { !WordLists.stopStems.contains($0) }
      var counts: [String: Int] = [:]
      for term in terms { counts[term, default: 0] += 1 }
      for term in counts.keys { frequency[term, default: 0] += 1 }
      documents.append(Document(id: passage.id, termCounts: counts, length: terms.count))
    }
    self.documents = documents
    self.documentFrequency = frequency
    let total = documents.reduce(0) { $0 + $1.length }
    self.averageLength = documents.isEmpty ? 1 : max(1, Double(total) / Double(documents.count))
  }

  /// The content terms of `stems`: what retrieval looks for.
  public func queryTerms(_ stems: [String]) -> [String] {
    var seen: Set<String> = []
    return stems.filter { !WordLists.stopStems.contains($0) && seen.insert($0).inserted }
  }

  private func idf(_ term: String) -> Double {
    let n = Double(documents.count)
    let df = Double(documentFrequency[term] ?? 0)
    return log(1 + (n - df + 0.5) / (df + 0.5))
  }

  /// The best passages for `stems`, best first (at most `limit`).
  public func search(_ stems: [String], limit: Int = 3) -> [Hit] {
    let terms = queryTerms(stems)
    guard !terms.isEmpty else { return [] }
    let weights = terms.map(idf)
    let totalWeight = weights.reduce(0, +)
    guard totalWeight > 0 else { return [] }
    var hits: [Hit] = []
    for document in documents {
      var score = 0.0
      var covered = 0.0
      for (term, weight) in zip(terms, weights) {
        guard let count = document.termCounts[term] else { continue }
        let tf = Double(count)
        score += weight * tf * (k1 + 1) / (tf + k1 * (1 - b + b * Double(document.length) / averageLength))
        covered += weight
      }
      if score > 0 { hits.append(Hit(passageId: document.id, coverage: covered / totalWeight, score: score)) }
    }
    hits.sort { ($0.coverage, $0.score, $1.passageId) > ($1.coverage, $1.score, $0.passageId) }
    return Array(hits.prefix(limit))
  }
}
