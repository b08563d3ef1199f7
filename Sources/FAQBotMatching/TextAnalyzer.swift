import FAQBotCore
import FAQBotIntents
import FAQBotKnowledge

/// The whole normalisation chain shared by the classifier, the triggers and retrieval:
/// normalise → correct typos against the pack's vocabulary → apply synonyms → stem.
public struct TextAnalyzer: Sendable {
  /// A text as the matchers see it.
  public struct Analysis: Sendable, Equatable {
    /// Normalised words after typo correction and synonyms (for character n-grams).
    public var words: [String]
    /// Porter2 stems of `words` (for word features, triggers and retrieval).
    public var stems: [String]
    /// The normalised words before typo correction and synonyms (for the token vectors of
    /// ``TokenEmbedding``, which know more English than the pack does).
    public var surface: [String] = []

    /// An analysis as given; ``TextAnalyzer/analyze(_:)`` is what makes one from text.
    public init(words: [String], stems: [String], surface: [String] = []) {
      self.words = words
      self.stems = stems
      self.surface = surface
    }
  }

  private let normalizer = TextNormalizer()
  private let stemmer = EnglishStemmer()
  private let synonyms: SynonymTable
  private let corrector: SpellingCorrector
  /// Every known word with its stem (computed once: the stemmer is the costliest step per
  /// word) and whether a synonym variant begins with it: one lookup per word answers
  /// "known?", "stem?" and "any synonym here?" on the answer path.
  private let knownWords: [String: (stem: String, beginsVariant: Bool)]

  /// The words an analyzer knows, counted, with their stems: what building one from texts
  /// computes, kept with a trained model (``TrainedModel/vocabulary``) so that a start from
  /// the model cache need not tokenise and stem every example and paragraph again (on a pack
  /// of 15,000 examples, the largest part of such a start).
  public struct Vocabulary: Sendable, Equatable {
    /// Distinct words, sorted; `counts` and `stems` are parallel to them.
    public var words: [String]
    /// How often each word occurs in the texts the analyser was built from.
    public var counts: [Int]
    /// The stem of each word.
    public var stems: [String]

    /// A vocabulary as given; the three arrays must be parallel.
    public init(words: [String], counts: [Int], stems: [String]) {
      self.words = words
      self.counts = counts
      self.stems = stems
    }
  }

  /// - Parameter vocabulary: texts whose words count as correctly spelled (examples, passages).
  public init<Texts: Sequence>(vocabulary: Texts, synonyms: [String: [String]])
  where Texts.Element == String {
    let normalizer = TextNormalizer()
    var words: [String] = []
    for text in vocabulary { words += normalizer.words(text) }
    for (canonical, variants) in synonyms {
      words += normalizer.words(canonical)
      for variant in variants { words += normalizer.words(variant) }
    }
    let corrector = SpellingCorrector(vocabulary: words)
    // The corrector has counted the words already: one pass over the distinct ones, not a
    // lookup per occurrence (a 15,000-example pack has 120,000 of them).
    let stemmer = EnglishStemmer()
    self.init(
      corrector: corrector, stems: corrector.vocabulary.map { ($0, stemmer.stem($0)) }, synonyms: synonyms)
  }

  /// The analyzer whose ``vocabulary`` was `vocabulary`, with the same synonyms: it analyses
  /// every text as the analyzer built from the texts did.
  public init(vocabulary: Vocabulary, synonyms: [String: [String]]) {
    var frequencies: [String: Int] = [:]
    frequencies.reserveCapacity(vocabulary.words.count)
    for (word, count) in zip(vocabulary.words, vocabulary.counts) { frequencies[word] = count }
    self.init(
      corrector: SpellingCorrector(frequencies: frequencies), stems: zip(vocabulary.words, vocabulary.stems),
      synonyms: synonyms)
  }

  private init<Stems: Sequence>(corrector: SpellingCorrector, stems: Stems, synonyms: [String: [String]])
  where Stems.Element == (String, String) {
    let table = SynonymTable(synonyms, normalizer: normalizer)
    self.synonyms = table
    self.corrector = corrector
    var knownWords: [String: (stem: String, beginsVariant: Bool)] = [:]
    knownWords.reserveCapacity(corrector.frequencies.count)
    for (word, stem) in stems { knownWords[word] = (stem, table.beginsVariant(word)) }
    self.knownWords = knownWords
  }

  /// The known words, their counts and stems (see ``Vocabulary``).
  public var vocabulary: Vocabulary {
    let words = corrector.frequencies.keys.sorted()
    return Vocabulary(
      words: words, counts: words.map { corrector.frequencies[$0] ?? 0 },
      stems: words.map { knownWords[$0]?.stem ?? $0 })
  }

  /// The analyzer of a pack: its correctly spelled words are those of its examples and of
  /// the document's paragraphs. The engine and `faqbot check` both read text through it.
  public init(pack: IntentPack, knowledge: KnowledgeBase) {
    self.init(
      vocabulary: pack.intents.flatMap(\.examples) + knowledge.paragraphs.map(\.text), synonyms: pack.synonyms
    )
  }

  /// Runs the whole chain on `text`.
  public func analyze(_ text: String) -> Analysis {
    let raw = normalizer.words(text)
    var words: [String] = []
    var stems: [String] = []
    words.reserveCapacity(raw.count)
    stems.reserveCapacity(raw.count)
    var hasSynonym = false
    for word in raw {
      // A known word is its own correction: the corrector only sees the others.
      let known = knownWords[word]
      let corrected = known == nil ? corrector.correct(word) : word
      let info = known ?? knownWords[corrected]
      words.append(corrected)
      stems.append(info?.stem ?? stemmer.stem(corrected))
      hasSynonym = hasSynonym || info?.beginsVariant == true
    }
    // Only a text with a word that begins a variant needs rewriting (and stemming again).
    guard hasSynonym else { return Analysis(words: words, stems: stems, surface: raw) }
    let rewritten = synonyms.apply(words)
    return Analysis(words: rewritten, stems: rewritten.map(stem), surface: raw)
  }

  /// What the analyzer reads `word` (normalised) as: itself when known, else its typo
  /// correction, or itself when it has none.
  package func correction(of word: String) -> String {
    knownWords[word] != nil ? word : corrector.correct(word)
  }

  /// Stems of a phrase without typo correction, for trigger phrases written by authors.
  public func stemsOfPhrase(_ phrase: String) -> [String] {
    synonyms.apply(normalizer.words(phrase)).map(stem)
  }

  private func stem(_ word: String) -> String { knownWords[word]?.stem ?? stemmer.stem(word) }
}
