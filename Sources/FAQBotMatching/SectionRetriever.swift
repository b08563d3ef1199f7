import FAQBotCore
import FAQBotKnowledge
import Foundation

/// Finds the section of the document a question is about, then the paragraph in it that
/// answers best: retrieval that stands alone, for packs with no intents.
///
/// Sentence-level BM25 (``PassageRetriever``) needs most of a question's words in one
/// sentence; a person's question rarely repeats one, but it often nearly repeats a heading
/// ("how do i uninstall brew" under "How do I uninstall Homebrew?") or spreads its words over
/// a section. So a section is scored on its title (weighted, see ``titleWeight``) and its
/// whole text, and *coverage* — the share of the question's IDF mass found in the title or
/// the text, unknown words counting fully — decides whether to answer at all.
public struct SectionRetriever: Sendable {
  /// The section found for a question, and its paragraph to answer with.
  public struct Hit: Sendable, Equatable {
    /// The knowledge-file id of the section.
    public var sectionId: String
    /// The paragraph to answer with: the section's best, or its first when only the title matched.
    public var paragraphId: String
    /// Share of the question's IDF mass found in the section's title or text.
    public var coverage: Double
    /// Share found in the title alone.
    public var titleCoverage: Double
    /// The title matches (weighted by ``titleWeight``) plus the text's BM25: picks the section,
    /// means nothing across questions.
    public var score: Double
  }

  private struct Bag: Sendable {
    var counts: [String: Int]
    var length: Int
  }

  private struct Section: Sendable {
    var id: String
    var title: Set<String>
    var body: Bag
    var paragraphs: [(id: String, bag: Bag)]
  }

  /// How much a question word in a heading counts against the same word once in the text.
  /// A heading names what its section is about; the text mentions many things.
  public static let titleWeight = 2.0
  private let sections: [Section]
  private let documentFrequency: [String: Int]
  private let documentCount: Int
  private let averageBodyLength: Double
  private let averageParagraphLength: Double
  private let k1 = 1.2
  private let b = 0.75

  /// Indexes every section of `knowledge` that has text, read through `analyzer` so that its
  /// stems are the questions'.
  public init(knowledge: KnowledgeBase, analyzer: TextAnalyzer) {
    func bag(_ text: String) -> Bag {
      let terms = analyzer.analyze(text).stems.filter { !WordLists.stopStems.contains($0) }
      var counts: [String: Int] = [:]
      for term in terms { counts[term, default: 0] += 1 }
      return Bag(counts: counts, length: terms.count)
    }
    var sections: [Section] = []
    var frequency: [String: Int] = [:]
    var count = 0
    for section in knowledge.document.sections where !section.paragraphs.isEmpty {
      let title = Set(bag(section.title).counts.keys)
      var body = Bag(counts: [:], length: 0)
      var paragraphs: [(String, Bag)] = []
      for paragraph in section.paragraphs {
        let paragraphBag = bag(knowledge.passage(paragraph.id)?.text ?? paragraph.text)
        paragraphs.append((paragraph.id, paragraphBag))
        body.counts.merge(paragraphBag.counts, uniquingKeysWith: +)
        body.length += paragraphBag.length
        for term in paragraphBag.counts.keys { frequency[term, default: 0] += 1 }
        count += 1
      }
      for term in title { frequency[term, default: 0] += 1 }
      count += 1
      sections.append(Section(id: section.id, title: title, body: body, paragraphs: paragraphs))
    }
    self.sections = sections
    self.documentFrequency = frequency
    self.documentCount = count
    let bodies = sections.map(\.body.length)
    averageBodyLength = max(1, Double(bodies.reduce(0, +)) / Double(max(1, bodies.count)))
    let paragraphLengths = sections.flatMap { $0.paragraphs.map(\.bag.length) }
    averageParagraphLength = max(
      1, Double(paragraphLengths.reduce(0, +)) / Double(max(1, paragraphLengths.count)))
  }

  /// The IDF of `term` over paragraphs and headings; a word the document lacks weighs most.
  private func idf(_ term: String) -> Double {
    let n = Double(documentCount)
    let df = Double(documentFrequency[term] ?? 0)
    return log(1 + (n - df + 0.5) / (df + 0.5))
  }

  private func saturation(_ count: Int, length: Int, average: Double) -> Double {
    let tf = Double(count)
    return tf * (k1 + 1) / (tf + k1 * (1 - b + b * Double(length) / average))
  }

  /// The best section for `stems` with its best paragraph, or nil when no word matches.
  public func search(_ stems: [String]) -> Hit? {
    var best: Hit?
    for hit in hits(stems) {
      if let current = best, (current.score, current.coverage) >= (hit.score, hit.coverage) { continue }
      best = hit
    }
    return best
  }

  /// Every section holding a word of `stems`, in document order, each with its best paragraph:
  /// for a caller that mixes the lexical score with another (``SectionVectors``).
  public func hits(_ stems: [String]) -> [Hit] {
    var seen: Set<String> = []
    let terms = stems.filter { !WordLists.stopStems.contains($0) && seen.insert($0).inserted }
    let weights = terms.map(idf)
    let total = weights.reduce(0, +)
    guard total > 0 else { return [] }
    var hits: [Hit] = []
    for section in sections {
      var score = 0.0
      var covered = 0.0
      var titled = 0.0
      for (term, weight) in zip(terms, weights) {
        let inTitle = section.title.contains(term)
        let count = section.body.counts[term] ?? 0
        if inTitle {
          titled += weight
          score += Self.titleWeight * weight
        }
        if count > 0 {
          score += weight * saturation(count, length: section.body.length, average: averageBodyLength)
        }
        if inTitle || count > 0 { covered += weight }
      }
      guard score > 0 else { continue }
      hits.append(
        Hit(
          sectionId: section.id, paragraphId: bestParagraph(of: section, terms: terms, weights: weights),
          coverage: covered / total, titleCoverage: titled / total, score: score))
    }
    return hits
  }

  private func bestParagraph(of section: Section, terms: [String], weights: [Double]) -> String {
    var bestId = section.paragraphs[0].id
    var bestScore = 0.0
    for paragraph in section.paragraphs {
      var score = 0.0
      for (term, weight) in zip(terms, weights) {
        guard let count = paragraph.bag.counts[term] else { continue }
        score += weight * saturation(count, length: paragraph.bag.length, average: averageParagraphLength)
      }
      if score > bestScore {
        bestScore = score
        bestId = paragraph.id
      }
    }
    return bestId
  }
}
