import FAQBotCore
import FAQBotEncoder
import FAQBotIntents
import FAQBotKnowledge
import FAQBotMatching
import FAQBotModelStore
import FAQBotSafety

/// Everything the stages share: the pack, the knowledge and the trained matchers.
public struct EngineResources: Sendable {
  /// What never changes once built, behind one reference. The stages are handed the
  /// resources on every message, and a copy of the twenty stored references they were took a
  /// twentieth of an answer's time on the CLINC150 pack (docs/performance.md, "Twelfth
  /// round"); a copy now retains one reference, and ``configuration`` stays a value a copy
  /// may change.
  private final class Parts: Sendable {
    let pack: IntentPack
    let knowledge: KnowledgeBase
    let analyzer: TextAnalyzer
    let classifier: IntentClassifier
    let triggers: TriggerMatcher
    let retriever: PassageRetriever
    let sectionRetriever: SectionRetriever?
    let subjects: SubjectVocabulary
    let crisisDetector: CrisisDetector
    let crisisReply: CrisisReply
    let encoder: SentenceEncoder?
    let semanticRetriever: SemanticRetriever?
    let sectionVectors: SectionVectors?
    let neighbours: LazyValue<DocumentNeighbours?>
    let fallbackAdvice: String
    let fallbackText: String
    let standalone: StandaloneQuote

    init(
      pack: IntentPack, knowledge: KnowledgeBase, analyzer: TextAnalyzer,
      classifier: IntentClassifier, triggers: TriggerMatcher, retriever: PassageRetriever,
      sectionRetriever: SectionRetriever?,
      subjects: SubjectVocabulary, crisisDetector: CrisisDetector, crisisReply: CrisisReply,
      encoder: SentenceEncoder?, semanticRetriever: SemanticRetriever?, sectionVectors: SectionVectors?,
      neighbours: LazyValue<DocumentNeighbours?>, fallbackAdvice: String, fallbackText: String,
      standalone: StandaloneQuote
    ) {
      self.pack = pack
      self.knowledge = knowledge
      self.analyzer = analyzer
      self.classifier = classifier
      self.triggers = triggers
      self.retriever = retriever
      self.sectionRetriever = sectionRetriever
      self.subjects = subjects
      self.crisisDetector = crisisDetector
      self.crisisReply = crisisReply
      self.encoder = encoder
      self.semanticRetriever = semanticRetriever
      self.sectionVectors = sectionVectors
      self.neighbours = neighbours
      self.fallbackAdvice = fallbackAdvice
      self.fallbackText = fallbackText
      self.standalone = standalone
    }
  }

  private let parts: Parts

  /// The pack the engine answers from.
  public var pack: IntentPack { parts.pack }
  /// The document the answers quote, with its passages and ids.
  public var knowledge: KnowledgeBase { parts.knowledge }
  /// Reads every message: the same chain the classifier, triggers and retrieval were built on.
  public var analyzer: TextAnalyzer { parts.analyzer }
  /// The pack's trained classifier.
  public var classifier: IntentClassifier { parts.classifier }
  /// The pack's trigger phrases, matched once a turn.
  public var triggers: TriggerMatcher { parts.triggers }
  /// Sentence and paragraph search over the document, for the retrieval stage and
  /// ``Engine/search(_:limit:)``.
  public var retriever: PassageRetriever { parts.retriever }
  /// Section-level retrieval for a pack with no intents (knowledge only), where retrieval
  /// stands alone; nil when the pack has intents, which keep sentence retrieval.
  public var sectionRetriever: SectionRetriever? { parts.sectionRetriever }
  /// The document's subjects and words, for questions about something else.
  public var subjects: SubjectVocabulary { parts.subjects }
  /// The tunables the stages read. A copy may change its thresholds (a tuning sweep does, on
  /// resources built once); the mode, the token cap and the crisis settings are read when the
  /// resources are built, so changing them afterwards has no effect.
  public var configuration: EngineConfiguration
  /// The engine's crisis detector: built-in patterns and classifier, plus the phrases the
  /// pack adds (its safety intents' triggers and ``EngineConfiguration/crisisPhrases``).
  public var crisisDetector: CrisisDetector { parts.crisisDetector }
  /// The encoder mode's crisis signal on the sentence vector, asked when the detector finds
  /// nothing; nil in the fast mode, which has no sentence vector.
  public var crisisMeaning: CrisisMeaning? { parts.encoder == nil ? nil : CrisisMeaning.trained }
  /// What a crisis message is answered with (the pack's localisation or the built-in text).
  public var crisisReply: CrisisReply { parts.crisisReply }
  /// The sentence encoder in the encoder mode; nil in the fast mode (or if the weights
  /// compiled in were unreadable, which the tests rule out: the engine then answers fast).
  public var encoder: SentenceEncoder? { parts.encoder }
  /// Semantic retrieval over the knowledge file's paragraphs, for a knowledge-only pack in
  /// the encoder mode; nil otherwise.
  public var semanticRetriever: SemanticRetriever? { parts.semanticRetriever }
  /// Static-token-vector search over the knowledge file's paragraphs, for a knowledge-only
  /// pack (mixed with the lexical section match in the fast mode); nil when the pack has intents.
  public var sectionVectors: SectionVectors? { parts.sectionVectors }
  /// The document's words in the static token vectors, for the subject check (a common word
  /// near one of them is not another subject). Built by the first question that names a
  /// subject the document does not: a start pays for it only if a question needs it (it was
  /// a fortieth of `faqbot ask`'s CPU).
  public var documentNeighbours: DocumentNeighbours? { parts.neighbours.value }
  /// Where to send people for what the document does not answer.
  public var fallbackAdvice: String { parts.fallbackAdvice }
  /// The honest "not covered" answer.
  public var fallbackText: String { parts.fallbackText }
  /// Which quoted sentences need the one before them.
  var standalone: StandaloneQuote { parts.standalone }

  /// Builds what is not given: the `analyzer` and the `subjects` from the pack and knowledge,
  /// the `classifier` by training, a knowledge-only pack's passage vectors by encoding. A given
  /// analyzer, subject vocabulary or passage vectors must be that pack's (restored from its
  /// ``TrainedModel``); passage vectors that do not fit the knowledge file are encoded again.
  public init(
    pack: IntentPack, knowledge: KnowledgeBase, classifier: IntentClassifier? = nil,
    analyzer: TextAnalyzer? = nil, subjects: SubjectVocabulary? = nil, passageVectors: [Float]? = nil,
    configuration: EngineConfiguration = .init()
  ) {
    let analyzer = analyzer ?? TextAnalyzer(pack: pack, knowledge: knowledge)
    let encoder =
      configuration.mode == .encoder
      ? try? SentenceEncoder.embedded(tokenCap: configuration.encoderTokenCap) : nil
    // A knowledge-only pack's passage vectors come from its model when it stores them.
    let semanticRetriever =
      pack.intents.isEmpty
      ? encoder.map { encoder in
        passageVectors.flatMap {
          SemanticRetriever(knowledge: knowledge, storedVectors: $0, dimensions: encoder.dimensions)
        } ?? SemanticRetriever(knowledge: knowledge, encoder: encoder)
      } : nil
    let safetyTriggers = pack.intents.filter { $0.kind == .safety }.flatMap(\.triggers)
    let advice =
      pack.advice ?? "For advice about your own situation, please ask a qualified professional."
    self.configuration = configuration
    self.parts = Parts(
      pack: pack, knowledge: knowledge, analyzer: analyzer,
      classifier: Self.classifier(given: classifier, pack: pack, analyzer: analyzer, encoder: encoder),
      triggers: TriggerMatcher(pack: pack, analyzer: analyzer),
      retriever: PassageRetriever(knowledge: knowledge, analyzer: analyzer),
      sectionRetriever: pack.intents.isEmpty
        ? SectionRetriever(knowledge: knowledge, analyzer: analyzer) : nil,
      subjects: subjects ?? SubjectVocabulary(pack: pack, knowledge: knowledge),
      crisisDetector: CrisisDetector(extraPhrases: safetyTriggers + configuration.crisisPhrases),
      crisisReply: configuration.crisisReply.map { CrisisReply(localized: $0) } ?? .builtIn,
      encoder: encoder, semanticRetriever: semanticRetriever,
      sectionVectors: pack.intents.isEmpty && encoder == nil
        ? SectionVectors.embedded(knowledge: knowledge, analyzer: analyzer) : nil,
      neighbours: LazyValue { DocumentNeighbours.embedded(knowledge: knowledge) },
      fallbackAdvice: advice,
      fallbackText:
        "I don't know: the document (\"\(knowledge.document.title)\") does not cover that. \(advice)",
      standalone: StandaloneQuote(knowledge: knowledge))
  }

  /// The `given` classifier, or one trained now; in the encoder mode with the head, which
  /// encodes the examples once (a model from the cache or a file that has the head keeps it).
  /// One after the other: training the fast model on a thread of its own while the examples
  /// were encoded on every core was slower, not faster (docs/performance.md, "Fourth round").
  private static func classifier(
    given: IntentClassifier?, pack: IntentPack, analyzer: TextAnalyzer, encoder: SentenceEncoder?
  ) -> IntentClassifier {
    let classifier = given ?? IntentClassifier(pack: pack, analyzer: analyzer)
    guard let encoder, !pack.intents.isEmpty, classifier.encoderHead == nil else { return classifier }
    return classifier.withEncoderHead(EncoderHead(examples: pack.intents.map(\.examples), encoder: encoder))
  }

  /// The top intents of `prediction` as answer candidates, a pack's safety intents left out:
  /// whether a message is a crisis is the crisis detector's call, never the classifier's, so
  /// a safety intent's score ("no" resembling "I can't go on" at 31%) is no evidence of one and
  /// a client must not read it as such.
  ///
  /// A plain loop: a lazy filter's closure captured `self`, a copy of the resources on every
  /// answer.
  public func candidates(_ prediction: IntentClassifier.Prediction) -> [Answer.Candidate] {
    let limit = configuration.candidateCount
    guard limit > 0 else { return [] }
    let intents = pack.intents
    let ids = classifier.intentIds
    var candidates: [Answer.Candidate] = []
    candidates.reserveCapacity(limit)
    for index in prediction.ranking where intents[index].kind != .safety {
      let confidence = Double(prediction.probabilities[index])
      candidates.append(Answer.Candidate(intent: ids[index], confidence: confidence))
      if candidates.count == limit { break }
    }
    return candidates
  }

  /// The answer an intent gives, with its sources and suggestions.
  public func answer(
    intent index: Int, reply: Reply? = nil, kind: Answer.Kind? = nil, confidence: Double, turn: Turn
  ) -> StageResult {
    answer(
      intent: index, reply: reply, kind: kind, confidence: confidence, prediction: turn.prediction,
      truncated: turn.truncated, question: turn.analysis)
  }

  /// The answer an intent gives, its candidates taken from `prediction` (a reading other than
  /// the turn's own, without copying the turn to hold it).
  public func answer(
    intent index: Int, reply: Reply? = nil, kind: Answer.Kind? = nil, confidence: Double,
    prediction: IntentClassifier.Prediction, truncated: Bool, question: TextAnalyzer.Analysis? = nil
  ) -> StageResult {
    // Read in place: a copy of the intent retained every field of it.
    let intents = pack.intents
    var reply = reply ?? intents[index].answer
    if reply.bestParagraph, let section = reply.knowledge.first {
      reply = Reply(text: nil, knowledge: bestParagraph(of: section, for: question))
    }
    let (text, sources) = render(reply)
    let intentKind = intents[index].kind
    let answerKind = kind ?? (intentKind == .safety ? .safety : .intent)
    let answer = Answer(
      kind: answerKind, intent: intents[index].id, confidence: min(1, max(0, confidence)), text: text,
      sources: sources, candidates: candidates(prediction),
      suggestions: Array(intents[index].suggest.prefix(3)), truncated: truncated,
      category: Self.category(of: intentKind))
    // What was shown, with any sentence the quote needed before its first (`render`), so that
    // "tell me more" does not give that sentence again as news.
    return StageResult(answer: answer, reason: "", passages: sources.map(\.id))
  }

  /// The answer category of an intent's kind.
  public static func category(of kind: Intent.Kind) -> Answer.Category {
    switch kind {
    case .faq: .answer
    case .notCovered: .notCovered
    case .decline: .decline
    case .smalltalk: .smallTalk
    case .safety: .safety
    }
  }

  /// The paragraph of section `sectionId` that best answers `question`, for a `section:`
  /// answer: the one holding the passage retrieval ranks first among the section's (a sentence
  /// counts for its paragraph), the section's first when no word of the question is in it; a
  /// short paragraph comes with the next one of the section, as a knowledge-only answer does.
  func bestParagraph(of sectionId: String, for question: TextAnalyzer.Analysis?) -> [String] {
    guard let section = knowledge.document.sections.first(where: { $0.id == sectionId }),
      var chosen = section.paragraphs.first?.id
    else { return [sectionId] }
    if let question,
      let hit = retriever.search(question.stems, limit: .max).first(where: {
        knowledge.passage($0.passageId)?.sectionId == sectionId
      })
    {
      chosen = KnowledgeBase.paragraphId(of: hit.passageId)
    }
    guard let paragraph = knowledge.passage(chosen) else { return [chosen] }
    return withShortFollower(paragraph).map(\.id)
  }

  /// `paragraph` as an answer, with the next paragraph of its section when it is short
  /// (``EngineConfiguration/shortParagraphCharacters``): a lead-in alone answers nothing.
  func withShortFollower(_ paragraph: KnowledgeBase.Passage) -> [KnowledgeBase.Passage] {
    guard paragraph.text.count < configuration.shortParagraphCharacters,
      let next = knowledge.paragraph(after: paragraph.id)
    else { return [paragraph] }
    return [paragraph, next]
  }

  /// A reply's text (its own, or the quoted passages) and the sources it cites. A quoted
  /// sentence that depends on the one before ("However, …") is quoted with it.
  public func render(_ reply: Reply) -> (String, [Answer.Source]) {
    let ids = reply.text == nil ? standalone.expand(reply.knowledge, knowledge: knowledge) : reply.knowledge
    let passages = ids.compactMap { knowledge.passage($0) }
    let text = reply.text ?? passages.map(\.text).joined(separator: " ")
    var seen: Set<String> = []
    let sources = passages.compactMap { passage -> Answer.Source? in
      guard seen.insert(passage.id).inserted else { return nil }
      return Answer.Source(id: passage.id, section: passage.sectionTitle)
    }
    return (text, sources)
  }
}
