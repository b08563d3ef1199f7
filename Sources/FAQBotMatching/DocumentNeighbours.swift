import FAQBotCore
import FAQBotKnowledge
import FAQBotVectors

/// The document's words in the static ``TokenVectors``, to tell a question's word that the
/// document does not use but talks about ("speed" in a document about making brew "faster",
/// "homepage" beside "website") from one that names another subject ("lithium", "coffee").
///
/// The subject check (``SubjectVocabulary``) knows only the words the document and the
/// examples spell; in a pack with few examples (a knowledge-only pack, a `faqbot init` draft)
/// it took every common word it had not seen after "for" or "is" ("is a homepage worth it",
/// "rewrite brew in rust for speed") for a foreign subject. Only common English words (whole
/// pieces of the vectors' vocabulary) are compared: a rare name splits into pieces whose
/// rows say little, and the subject check keeps treating it as foreign.
///
/// The document's rows are halves searched by the F16C kernel of ``HalfVectors`` (one call a
/// word): a plain Swift loop over floats was 19% of the JSON mode's CPU samples on the default
/// pack with CLINC150's questions, most of which name a subject the article never mentions
/// (docs/performance.md, "Fifth round").
public struct DocumentNeighbours: Sendable {
  private let vectors: TokenVectors
  /// Each document word's row, unit length.
  private let rows: HalfVectors

  /// The content words (three letters or more, not stop words) of `knowledge`'s headings and
  /// paragraphs that are whole pieces of `vectors`.
  public init(knowledge: KnowledgeBase, vectors: TokenVectors) {
    self.vectors = vectors
    let normalizer = TextNormalizer()
    let stemmer = EnglishStemmer()
    var seen: Set<String> = []
    var rows: [Float] = []
    let texts = knowledge.document.sections.map(\.title) + knowledge.paragraphs.map(\.text)
    for text in texts {
      for word in normalizer.words(text) where word.count >= 3 && seen.insert(word).inserted {
        guard !WordLists.stopStems.contains(stemmer.stem(word)),
          let row = Self.unitRow(word, vectors: vectors)
        else { continue }
        rows += row
      }
    }
    self.rows = HalfVectors(rounding: rows, dimensions: vectors.dimensions)
  }

  /// The same on the token vectors compiled into faqbot; nil only if they are damaged.
  public static func embedded(knowledge: KnowledgeBase) -> DocumentNeighbours? {
    TokenVectors.embedded.map { DocumentNeighbours(knowledge: knowledge, vectors: $0) }
  }

  /// `word`'s row, unit length, when it is one whole piece; nil otherwise.
  private static func unitRow(_ word: String, vectors: TokenVectors) -> [Float]? {
    var pieces: [Int32] = []
    vectors.appendPieces(of: word, to: &pieces)
    guard pieces.count == 1 else { return nil }
    let row = vectors.row(pieces[0])
    let values = (0..<vectors.dimensions).map { Float(row[$0]) * vectors.scales[$0] }
    let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard norm > 0 else { return nil }
    return values.map { $0 / norm }
  }

  /// The cosine between `word` and the document word nearest it; nil when `word` is not a
  /// common English word (not one whole piece) or the document has no such words.
  public func nearestCosine(to word: String) -> Double? {
    guard rows.count > 0, let row = Self.unitRow(word, vectors: vectors) else { return nil }
    return Double(rows.largestDot(row, rows: 0..<rows.count))
  }

  /// Whether every word of `subject` (a word or two) is a common word at least `cosine` near a
  /// document word: the document talks about it in other words.
  public func isNear(_ subject: String, cosine: Double) -> Bool {
    let words = subject.split(separator: " ").map(String.init)
    return !words.isEmpty
      && words.allSatisfy { word in nearestCosine(to: word).map { $0 >= cosine } ?? false }
  }
}
