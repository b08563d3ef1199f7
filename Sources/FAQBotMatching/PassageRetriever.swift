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
    var length: Int
  }

  /// A term's occurrences in one passage.
  private struct Posting: Sendable {
    var document: Int32
    var count: Int32
  }

  private let documents: [Document]
  /// Term → the passages that hold it, in passage order (their number is the term's document
  /// frequency): a question's terms are looked up once each, not once per passage (a term the
  /// document lacks costs one probe). Probing every passage's own term table was 4% of a JSON
  /// run on a pack the questions are not about.
  private let postings: [String: [Posting]]
  private let averageLength: Double
  private let k1 = 1.2
  private let b = 0.75

  /// Indexes every sentence and paragraph of `knowledge`, read through `analyzer` so that its
  /// stems are the questions'.
  public init(knowledge: KnowledgeBase, analyzer: TextAnalyzer) {
    var documents: [Document] = []
    var postings: [String: [Posting]] = [:]
    for passage in knowledge.sentences + knowledge.paragraphs {
      let terms = analyzer.analyze(passage.text).stems.filter { !WordLists.stopStems.contains($0) }
      var counts: [String: Int] = [:]
      for term in terms { counts[term, default: 0] += 1 }
      for (term, count) in counts {
        postings[term, default: []].append(Posting(document: Int32(documents.count), count: Int32(count)))
      }
      documents.append(Document(id: passage.id, length: terms.count))
    }
    self.documents = documents
    self.postings = postings
    let total = documents.reduce(0) { $0 + $1.length }
    self.averageLength = documents.isEmpty ? 1 : max(1, Double(total) / Double(documents.count))
  }

  /// The content terms of `stems`: what retrieval looks for.
  public func queryTerms(_ stems: [String]) -> [String] {
    var seen: Set<String> = []
    return stems.filter { !WordLists.stopStems.contains($0) && seen.insert($0).inserted }
  }

  /// BM25's IDF of a term found in `frequency` passages.
  private func idf(frequency: Int) -> Double {
    let n = Double(documents.count)
    let df = Double(frequency)
    return log(1 + (n - df + 0.5) / (df + 0.5))
  }

  /// The best passages for `stems`, best first (at most `limit`).
  public func search(_ stems: [String], limit: Int = 3) -> [Hit] {
    let terms = queryTerms(stems)
    guard !terms.isEmpty else { return [] }
    let lists = terms.map { postings[$0] ?? [] }
    let weights = lists.map { idf(frequency: $0.count) }
    let totalWeight = weights.reduce(0, +)
    guard totalWeight > 0 else { return [] }
    // Each passage's sums take the terms in the question's order, as a loop over passages
    // would, so the scores are the same to the last bit.
    var scores = [Double](repeating: 0, count: documents.count)
    var covered = [Double](repeating: 0, count: documents.count)
    for (list, weight) in zip(lists, weights) {
      for posting in list {
        let document = Int(posting.document)
        let tf = Double(posting.count)
        let length = Double(documents[document].length)
        scores[document] += weight * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / averageLength))
        covered[document] += weight
      }
    }
    var hits: [Hit] = []
    for (index, score) in scores.enumerated() where score > 0 {
      hits.append(Hit(passageId: documents[index].id, coverage: covered[index] / totalWeight, score: score))
    }
    hits.sort { ($0.coverage, $0.score, $1.passageId) > ($1.coverage, $1.score, $0.passageId) }
    return Array(hits.prefix(limit))
  }
}
