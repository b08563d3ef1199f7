import FAQBotCore
import FAQBotIntents
import FAQBotKnowledge
import FAQBotVectors

/// What the document talks about, as words: the knowledge file's, the answerable intents'
/// examples and the synonyms' canonical words. A question whose subject is a named thing
/// outside it ("what are the side effects of *Prozac*?", "how does *lithium* work on the
/// brain?") asks about something the document never mentions, however well its other words
/// ("side effects", "work on the brain") match an intent.
///
/// The words are looked at as typed (``TextAnalyzer/Analysis/surface``), before synonyms:
/// a pack may map "prozac" to "antidepressant" so that "is ketamine better than prozac?"
/// finds the comparison, but the document still says nothing about Prozac itself.
public struct SubjectVocabulary: Sendable {
  /// Normalised words the document or an answerable example uses.
  private let words: Set<String>
  /// Their stems, so that "migraines" and "migraine" are one word.
  private let stems: Set<String>
  /// Stems of the document's main subject ("ketamin"): words in at least
  /// ``anchorShare`` of the answerable examples. A question naming one is about the
  /// document, whatever else it names ("can I take ketamine with lithium?").
  public let anchors: Set<String>
  /// The document's subject as a phrase ("ketamine therapy"), from its title; nil when the
  /// title does not name an anchor.
  public let subjectName: String?
  private let vectors: TokenVectors?
  private let stemmer = EnglishStemmer()

  /// A stem in this share of the answerable examples is the document's main subject.
  public static let anchorShare = 0.25

  /// Words that never name a subject, though a question may use them where a subject goes
  /// ("how *often* …", "what kind of *stuff* …").
  static let notSubjects: Set<String> = [
    "often", "stuff", "way", "kind", "ages", "few", "lot", "lots", "thing", "things", "really", "actually",
    "anymore", "isn", "aren", "doesn", "don", "didn", "can't", "won", "i'm", "i've", "it's", "myself",
    "yourself", "someone", "something", "anything", "everything", "nothing", "people", "person",
    "okay", "yes", "yeah", "hey",
    // Ways of addressing someone ("hello there mate", "thanks doc"): never the subject.
    "mate", "buddy", "dude", "bro", "pal", "doc", "sir", "maam", "madam", "friend", "folks", "guys",
    "everyone", "bot",
    // Replies and chat words, which open a message where a subject could stand ("nope thats all").
    "nope", "nah", "yep", "yup", "thanks", "thx", "cool", "great", "awesome", "sure", "sorry", "please",
    "bye", "hmm", "lol", "alright", "fine", "perfect", "wow", "huh", "oops", "cheers",
    // Leaving, said in words ("quit now", "exit please"): a verb, never a thing.
    "quit", "exit",
    // Contractions typed without their apostrophe that ``isContraction(_:)``'s rule for
    // negative ones ("doesnt", "shouldnt") does not cover.
    "cant", "wont", "aint", "ive", "youre", "theyre", "whats", "thats", "theres", "youve", "lets",
  ]
  /// Verbs whose negative contraction ``isContraction(_:)`` recognises besides the function
  /// words' stems.
  static let contractedVerbs: Set<String> = [
    "was", "were", "is", "are", "has", "have", "had", "does", "did", "could", "would", "must", "need",
  ]
  /// Words after which a noun is what the question is about ("is *X* addictive", "side
  /// effects of *X*", "who should not take *X*"), determiners skipped.
  static let subjectSlots: Set<String> = [
    "is", "are", "was", "were", "does", "do", "did", "can", "could", "will", "would", "should", "has", "have",
    "may", "might", "r", "of", "about", "with", "for", "on", "than", "like", "vs", "versus", "or", "and",
    "from", "to", "take", "taking", "took", "use", "using", "try", "trying", "start", "stop", "mix", "get",
    "getting", "quit", "how", "what", "whats", "why", "when", "where", "who", "which",
  ]
  /// The ``subjectSlots`` a modified noun follows ("is *medical marijuana*", "of *hearing
  /// aids*"): copulas and prepositions.
  static let modifierSlots: Set<String> = [
    "is", "are", "was", "were", "of", "about", "with", "for", "on", "than", "like", "vs", "versus", "from",
  ]
  /// Words that make what follows the standard of a comparison ("X *like* ketamine", "X
  /// *than* ketamine").
  static let comparisons: Set<String> = ["like", "than", "vs", "versus", "unlike", "compared"]
  static let determiners: Set<String> = [
    "a", "an", "the", "my", "your", "his", "her", "their", "this", "that", "these", "those", "any", "some",
  ]
  /// Where a verb goes rather than a subject: modals, "do" and "to" ("can I *tweak* …", "to
  /// *give* …").
  static let verbSlots: Set<String> = [
    "can", "could", "will", "would", "should", "may", "might", "must", "do", "does", "did", "to", "please",
  ]
  /// Words that make the "to" after them open an infinitive ("how *to* …", "want *to* …",
  /// "safe *to* …"), not a destination or an object ("switch to …", "addicted to …").
  static let infinitiveOpeners: Set<String> = [
    "how", "want", "wanna", "need", "needs", "ok", "okay", "safe", "unsafe", "able", "going", "have", "has",
    "try", "trying", "best", "way", "ways", "better", "fine", "possible", "wise", "good", "easy", "hard",
    "bad", "dangerous", "legal", "allowed", "supposed", "where", "what", "when", "whether",
  ]
  /// Forms of "be" that link a subject to what is said of it.
  static let copulas: Set<String> = ["is", "are", "was", "were"]
  /// Pronouns a verb follows ("can *I* tweak …").
  static let subjectPronouns: Set<String> = ["i", "you", "we", "they", "he", "she"]
  /// Words that open a verb's object ("tweak *the* …", "bring *every* …"); not "any" or
  /// "some", which follow a subject too ("vyvanse *any* good").
  static let objectOpeners: Set<String> = [
    "a", "an", "the", "my", "your", "his", "her", "their", "our", "these", "those", "every", "it", "them",
    "me", "him", "us",
  ]
  /// Words after a subject that show it is one ("*abilify* side effects", "is *X* safe").
  static let subjectFollowers: Set<String> = [
    "side", "addictive", "safe", "work", "works", "cause", "causes", "effects",
  ]

  /// What the vocabulary is made of, as a model file stores it: building it means tokenising
  /// and stemming every example and passage (a tenth of a second on CLINC150's 15,000
  /// examples, more than the rest of a start), so a start that finds a trained model reads it
  /// instead. A change to how ``init(pack:knowledge:vectors:)`` builds it must bump the
  /// model's matcher revision, or stored contents would disagree with freshly built ones.
  public struct Contents: Sendable, Equatable {
    /// The document's and the answerable examples' words, sorted.
    public var words: [String]
    /// Their stems, sorted.
    public var stems: [String]
    /// The stems of the document's main subject, sorted.
    public var anchors: [String]
    /// The document's subject as a phrase, when its title names one.
    public var subjectName: String?

    /// Contents as given; each list is sorted and distinct.
    public init(words: [String], stems: [String], anchors: [String], subjectName: String?) {
      self.words = words
      self.stems = stems
      self.anchors = anchors
      self.subjectName = subjectName
    }
  }

  /// The contents to store, each list sorted so equal vocabularies give equal files.
  public var contents: Contents {
    Contents(
      words: words.sorted(), stems: stems.sorted(), anchors: anchors.sorted(), subjectName: subjectName)
  }

  /// The vocabulary of stored `contents` (see ``contents``), as built from the same pack.
  public init(contents: Contents, vectors: TokenVectors? = TokenVectors.embedded) {
    self.words = Set(contents.words)
    self.stems = Set(contents.stems)
    self.anchors = Set(contents.anchors)
    self.subjectName = contents.subjectName
    self.vectors = vectors
  }

  /// The vocabulary of `pack` and `knowledge`; `vectors` tell common English words from rare
  /// names and typos (nil counts every word as English).
  public init(pack: IntentPack, knowledge: KnowledgeBase, vectors: TokenVectors? = TokenVectors.embedded) {
    let normalizer = TextNormalizer()
    let stemmer = EnglishStemmer()
    var documentWords: Set<String> = []
    for word in normalizer.words(knowledge.document.title) { documentWords.insert(word) }
    var counts: [String: Int] = [:]
    for section in knowledge.document.sections {
      for word in normalizer.words(section.title) { documentWords.insert(word) }
    }
    for paragraph in knowledge.paragraphs {
      for word in normalizer.words(paragraph.text) {
        documentWords.insert(word)
        counts[word, default: 0] += 1
      }
    }
    var words = documentWords
    var anchorCounts: [String: Int] = [:]
    var answerable = 0
    for intent in pack.intents where intent.kind == .faq || intent.kind == .smalltalk {
      for example in intent.examples {
        let exampleWords = normalizer.words(example)
        words.formUnion(exampleWords)
        guard intent.kind == .faq else { continue }
        answerable += 1
        for stem in Set(exampleWords.map { stemmer.stem(Self.possessive($0)) })
        where !WordLists.stopStems.contains(stem) {
          anchorCounts[stem, default: 0] += 1
        }
      }
    }
    func isEnglish(_ word: String) -> Bool { Self.isWholePiece(word, vectors: vectors) }
    for (canonical, variants) in pack.synonyms {
      let canonicalWords = normalizer.words(canonical)
      words.formUnion(canonicalWords)
      for variant in variants {
        let variantWords = normalizer.words(variant)
        // A variant that is a name of its own ("prozac" for "antidepressant"): not an
        // English word, not a misspelling of its canonical and not in the document.
        if variantWords.count == 1, let only = variantWords.first, !documentWords.contains(only),
          !isEnglish(only),
          canonicalWords.allSatisfy({
            SpellingCorrector.editDistance(
              Array(only.unicodeScalars.map(\.value)), Array($0.unicodeScalars.map(\.value))) > 2
          })
        {
          words.remove(only)
          continue
        }
        words.formUnion(variantWords)
      }
    }
    self.words = words
    self.stems = Set(words.map { stemmer.stem(Self.possessive($0)) })
    let minimum = max(1, Int((Double(answerable) * Self.anchorShare).rounded(.up)))
    let anchors = Set(anchorCounts.filter { $0.value >= minimum }.keys)
    self.anchors = answerable == 0 ? [] : anchors
    self.vectors = vectors
    // "Exploring the Science Behind Ketamine Therapy" → "ketamine therapy": from the first
    // anchor of the title through the frequent document words after it.
    let title = normalizer.words(knowledge.document.title)
    if let start = title.firstIndex(where: { anchors.contains(stemmer.stem($0)) }) {
      var end = start + 1
      while end < title.count, counts[title[end], default: 0] >= 3,
        !WordLists.stopStems.contains(stemmer.stem(title[end]))
      {
        end += 1
      }
      self.subjectName = title[start..<end].joined(separator: " ")
    } else {
      self.subjectName = nil
    }
  }

  /// The thing `analysis` asks about that the document never mentions, as a lower-case
  /// word or two; nil when its subject is the document's own, or it names nothing foreign.
  public func foreignSubject(of analysis: TextAnalyzer.Analysis, analyzer: TextAnalyzer) -> String? {
    var typed = analysis.surface.map(Self.possessive)
    // A question that names the document's subject is about it, unless it names it only to
    // compare another thing with it ("is laughing gas an anesthetic *like* ketamine"): then
    // the thing before the comparison is what it asks about.
    if !anchors.isEmpty, analysis.stems.contains(where: anchors.contains) {
      guard let comparison = typed.firstIndex(where: Self.comparisons.contains),
        let anchor = typed.firstIndex(where: { anchors.contains(stemmer.stem($0)) }), anchor > comparison
      else { return nil }
      typed = Array(typed[..<comparison])
    }
    for (index, word) in typed.enumerated() where isForeign(word, analyzer: analyzer) {
      var before = index - 1
      while before >= 0, Self.determiners.contains(typed[before]) { before -= 1 }
      // A word with an object after it, where a verb goes (first, after a modal or "to", or
      // after "I" or "you"), is what the person wants to do, not a thing asked about: "can I *tweak* the
      // compiler switches", "is it unsafe to *give* admin rights", "*bring* every program up
      // to date".
      if before == index - 1, index + 1 < typed.count, Self.objectOpeners.contains(typed[index + 1]),
        before < 0 || Self.verbSlots.contains(typed[before]) || Self.subjectPronouns.contains(typed[before])
      {
        continue
      }
      // After "how to", "want to", "safe to"… a word is the verb of an infinitive ("how to
      // *put* it into words"), whatever follows; after "switch to", "addicted to" it is a thing.
      if before == index - 1, before >= 1, typed[before] == "to",
        Self.infinitiveOpeners.contains(typed[before - 1])
      {
        continue
      }
      if !isEnglish(word) { return phrase(typed, at: index, analyzer: analyzer) }
      // After a copula that has its own subject before it ("my brew apps *are* stale", "the
      // download was slow"), an English word says what that subject is like: a predicate,
      // not the thing asked about. A copula that opens the question ("is *lithium* safe",
      // "what is *lithium*") still has its subject after it.
      if before == index - 1, before >= 1, Self.copulas.contains(typed[before]),
        !Self.subjectSlots.contains(typed[before - 1]), !Self.determiners.contains(typed[before - 1])
      {
        continue
      }
      if before < 0 || Self.subjectSlots.contains(typed[before]) {
        return phrase(typed, at: index, analyzer: analyzer)
      }
      if before == index - 1, isForeign(typed[before], analyzer: analyzer) {
        return "\(typed[before]) \(word)"
      }
      // One of the document's words before it, after a copula or a preposition, is a
      // modifier ("is *medical* marijuana covered", "are *hearing* aids covered"): the thing
      // is still new. Not after a modal or a question word, where the word before is the
      // subject and this one its verb ("where can my community *hang* out").
      if before == index - 1, !WordLists.stopStems.contains(stemmer.stem(typed[before])),
        !word.hasSuffix("ing"), !word.hasSuffix("ed")
      {
        var slot = before - 1
        while slot >= 0, Self.determiners.contains(typed[slot]) { slot -= 1 }
        if slot < 0 || Self.modifierSlots.contains(typed[slot]) {
          return "\(typed[before]) \(phrase(typed, at: index, analyzer: analyzer))"
        }
      }
      if Self.looksLikeNoun(word) { return phrase(typed, at: index, analyzer: analyzer) }
      if index + 1 < typed.count, Self.subjectFollowers.contains(typed[index + 1]) { return word }
    }
    return nil
  }

  /// `word`, with the foreign word after it when there is one ("apple watch").
  private func phrase(_ typed: [String], at index: Int, analyzer: TextAnalyzer) -> String {
    if index + 1 < typed.count, isForeign(typed[index + 1], analyzer: analyzer) {
      return "\(typed[index]) \(typed[index + 1])"
    }
    return typed[index]
  }

  /// A content word that neither the document nor an answerable example uses, and that is
  /// not a misspelling of one of theirs (a rare word only: a common one is no misspelling).
  func isForeign(_ word: String, analyzer: TextAnalyzer) -> Bool {
    guard word.unicodeScalars.count >= 3, !words.contains(word), !Self.notSubjects.contains(word),
      word.unicodeScalars.contains(where: { $0.properties.isAlphabetic }),
      !word.unicodeScalars.contains(where: { $0.properties.numericType != nil })
    else { return false }
    let stem = stemmer.stem(word)
    guard !WordLists.stopStems.contains(stem), !stems.contains(stem), !isContraction(word),
      !isComparative(word)
    else {
      return false
    }
    // A word the token vectors hold whole is a word of English, not a typo of the document's
    // ("meditation" is not "medication" mistyped), so it is not corrected here.
    if vectors != nil, isEnglish(word) { return true }
    let corrected = analyzer.correction(of: word)
    if corrected != word, isEnglish(corrected), Self.losesNameEnding(word, correctedTo: corrected) {
      return true
    }
    return corrected == word || !words.contains(corrected)
  }

  /// Endings of names of substances (creat*ine*, chol*ine*, menth*ol*, diazep*am*,
  /// fluor*ide*, magnes*ium*, ethyl, cortis*one*): a rare word so ending is a name of its own.
  static let nameEndings = ["ine", "ol", "am", "ide", "ium", "yl", "one"]

  /// Whether correcting `word` to `corrected` would drop the ending of a substance's name
  /// ("creatine" to "creating"). ``isForeign(_:analyzer:)`` asks only when the correction is
  /// a common English word: a rare word that ends like a name and would become an everyday
  /// word without that ending is a name the document never uses, not one of its words
  /// mistyped. A typo of the document's own name is corrected to that name ("ketamin" to
  /// "ketamine"), which is no everyday word, so it is still corrected.
  static func losesNameEnding(_ word: String, correctedTo corrected: String) -> Bool {
    nameEndings.contains { word.hasSuffix($0) && !corrected.hasSuffix($0) }
  }

  private func isEnglish(_ word: String) -> Bool { Self.isWholePiece(word, vectors: vectors) }

  /// True when the token vectors' vocabulary holds `word` whole: a common English word or
  /// name rather than a rare name or a typo (which split into several pieces). Without
  /// vectors every word counts as English, the cautious reading.
  static func isWholePiece(_ word: String, vectors: TokenVectors?) -> Bool {
    guard let vectors else { return true }
    var pieces: [Int32] = []
    vectors.appendPieces(of: word, to: &pieces)
    return pieces.count == 1
  }

  /// A comparative or superlative of a word the document uses ("safer", "safest", "faster"
  /// beside "safe", "fast"): the stemmer keeps the ending, but the word names no new thing
  /// ("is psilocybin *safer* than ketamine" is about psilocybin alone).
  func isComparative(_ word: String) -> Bool {
    for (ending, keep) in [("est", ""), ("est", "e"), ("er", ""), ("er", "e")] where word.hasSuffix(ending) {
      let base = String(word.dropLast(ending.count)) + keep
      guard base.unicodeScalars.count >= 3 else { continue }
      if words.contains(base) || stems.contains(stemmer.stem(base)) { return true }
    }
    return false
  }

  /// A negative contraction typed without its apostrophe ("shouldnt", "doesnt", "wasnt"):
  /// a function word, never a subject.
  func isContraction(_ word: String) -> Bool {
    guard word.hasSuffix("nt"), word.unicodeScalars.count > 3 else { return false }
    let base = String(word.dropLast(2))
    return WordLists.stopStems.contains(base) || WordLists.stopStems.contains(stemmer.stem(base))
      || Self.contractedVerbs.contains(base)
  }

  /// English noun endings: a word ending so is a thing, wherever it stands.
  static func looksLikeNoun(_ word: String) -> Bool {
    ["ism", "ity", "tion", "ness", "ment", "itis", "osis", "ies"].contains { word.hasSuffix($0) }
  }

  /// "ketamine's" → "ketamine".
  static func possessive(_ word: String) -> String {
    word.hasSuffix("'s") ? String(word.dropLast(2)) : word
  }
}
