import FAQBotCore
import FAQBotIntents
import FAQBotKnowledge
import FAQBotMatching
import FAQBotModelStore
import FAQBotSafety

/// The dialogue engine: a question in, an ``Answer`` out, through a pipeline of small stages
/// tried in order (safety → short replies → "tell me more" → triggers → doses → other subjects → classifier →
/// retrieval → fallback).
///
/// The engine never prints and never reads input; both fronts drive it the same way. It is
/// an immutable value, so one engine serves many conversations, each with its own
/// ``ConversationContext``.
public struct Engine: Sendable {
  /// Everything the stages share, built once: the pack, the knowledge and the trained matchers.
  public let resources: EngineResources
  /// The pipeline, tried in order: the first stage that answers wins (a fallback answers when
  /// none does).
  public let stages: [any DialogueStage]

  /// The standard pipeline, in the order that keeps people safe first.
  public static let standardStages: [any DialogueStage] = [
    SafetyStage(), ShortReplyStage(), FollowUpStage(), TriggerStage(), DoseStage(), SubjectStage(),
    ClassifierStage(),
    RetrievalStage(),
    FallbackStage(),
  ]

  /// An engine on resources built already, running `stages`.
  public init(resources: EngineResources, stages: [any DialogueStage] = Engine.standardStages) {
    self.resources = resources
    self.stages = stages
  }

  /// Trains on `pack` (unless a trained `classifier` is given) and indexes `knowledge`.
  public init(
    pack: IntentPack, knowledge: KnowledgeBase, configuration: EngineConfiguration = .init(),
    classifier: IntentClassifier? = nil
  ) {
    self.init(
      resources: EngineResources(
        pack: pack, knowledge: knowledge, classifier: classifier, configuration: configuration))
  }

  /// The engine of `model`, trained on `pack` and `knowledge` (its pack hash says so): its
  /// classifier, and its analyzer and subject vocabulary when the model stores them, are used as they are.
  public init(
    model: TrainedModel, pack: IntentPack, knowledge: KnowledgeBase,
    configuration: EngineConfiguration = .init()
  ) {
    self.init(
      resources: EngineResources(
        pack: pack, knowledge: knowledge, classifier: model.classifier,
        analyzer: model.vocabulary.map { TextAnalyzer(vocabulary: $0, synonyms: pack.synonyms) },
        subjects: model.subjects.map { SubjectVocabulary(contents: $0) },
        passageVectors: model.passageVectors,
        configuration: configuration))
  }

  /// The tunables the engine runs with (those of its resources).
  public var configuration: EngineConfiguration { resources.configuration }

  /// Answers `question` in the conversation `context`, and records the turn in it.
  public func respond(to question: String, context: inout ConversationContext) -> Answer {
    respond(to: question, context: &context, sentence: nil)
  }

  /// Answers `question` with its sentence vector computed already (``sentenceVectors(for:)``,
  /// which batches them); nil computes it when the mode needs one.
  public func respond(to question: String, context: inout ConversationContext, sentence: [Float]?) -> Answer {
    let turn = makeTurn(question, context: context, sentence: sentence)
    let result = run(turn)
    context.lastAnswer = result.answer
    context.lastReason = result.reason
    context.lastReading = result.reading ?? turn.reading
    if result.continuesTopic {
      context.givenPassages += result.passages
      context.followUpGiven = true
    } else {
      context.lastQuestion = turn.question
      context.givenPassages = result.passages
      context.foreignSubject = result.foreignSubject
      context.followUpGiven = false
      let answer = result.answer
      context.hasTopic =
        (answer.kind == .intent || answer.kind == .knowledge)
        && (answer.category == .answer || answer.category == .notCovered)
      context.topicIntent = context.hasTopic ? answer.intent : nil
    }
    return result.answer
  }

  /// The crisis answer for `line` when the crisis detector reads it as a crisis, recorded in
  /// `context` as any answer is; nil otherwise. For what a front does not ask the engine
  /// (an unknown `/command`, a command's argument): such a line is no question, but a crisis
  /// typed there ("/ i want to die") must still get emergency help first.
  public func crisisAnswer(to line: String, context: inout ConversationContext) -> Answer? {
    // Encoded once: the answer's turn reads the same vector.
    let sentence = resources.encoder?.encode(matchedText(line).text)
    guard crisis(in: line, sentence: sentence) != nil else { return nil }
    return respond(to: line, context: &context, sentence: sentence)
  }

  /// The crisis answer for `line` with no conversation around it (a search query); nil when
  /// the line is no crisis.
  public func crisisAnswer(to line: String) -> Answer? {
    var context = ConversationContext()
    return crisisAnswer(to: line, context: &context)
  }

  /// Answers `question` with no conversation around it.
  public func respond(to question: String) -> Answer {
    var context = ConversationContext()
    return respond(to: question, context: &context)
  }

  /// Why the last answer of `context` was given: candidates, the words that weighed most,
  /// the threshold and the stage's reason. It explains the reading the answer was chosen on
  /// (recorded with the turn), never a new one.
  public func explanation(of context: ConversationContext) -> Explanation? {
    guard let question = context.lastQuestion, let answer = context.lastAnswer,
      let reading = context.lastReading
    else { return nil }
    let intentIds = resources.classifier.intentIds
    let target = answer.intent.flatMap { intentIds.firstIndex(of: $0) } ?? reading.prediction.ranking.first
    let words = target.map {
      resources.classifier.weightiestWords(reading.analysis, towards: $0).map {
        Explanation.WordWeight(word: $0.word, weight: Double($0.weight))
      }
    }
    return Explanation(
      question: question, kind: answer.kind, intent: answer.intent, confidence: answer.confidence,
      reason: context.lastReason ?? "", threshold: configuration.threshold, candidates: answer.candidates,
      weightiestWords: words ?? [], normalizedWords: reading.analysis.words)
  }

  /// The sentence vectors of `questions` in the encoder mode, encoded in batches over every
  /// core (faster per question than one at a time); nil in the fast mode.
  public func sentenceVectors(for questions: [String]) -> [[Float]]? {
    guard let encoder = resources.encoder else { return nil }
    return EncoderHead.encode(questions.map { matchedText($0).text }, with: encoder)
  }

  /// The question as matched: cut to ``EngineConfiguration/maxQuestionCharacters``.
  private func matchedText(_ question: String) -> (text: String, truncated: Bool) {
    Self.matchedText(question, limit: configuration.maxQuestionCharacters)
  }

  /// `question` cut to `limit` characters, at the end of a word when there is one to cut at.
  static func matchedText(_ question: String, limit: Int) -> (text: String, truncated: Bool) {
    guard question.utf8.count > limit, question.count > limit else { return (question, false) }
    let cut = question.prefix(limit)
    // At the end of a word: half a word ("rea" of "really") is a word no document uses, which
    // the subject check would name as what the question is about.
    if !question[cut.endIndex].isWhitespace, let space = cut.lastIndex(where: \.isWhitespace) {
      return (String(cut[..<space]), true)
    }
    return (String(cut), true)
  }

  /// The classifier's prediction, with the sentence vector in the encoder mode.
  private func predict(_ analysis: TextAnalyzer.Analysis, sentence: [Float]?) -> IntentClassifier.Prediction {
    guard let sentence else { return resources.classifier.predict(analysis) }
    return resources.classifier.predict(analysis, sentence: sentence, mix: configuration.encoderMix)
  }

  /// The crisis detection of `message`: the detector on the whole message, before any cut (a
  /// crisis sentence at the end of a long message must not be hidden by the limit that keeps
  /// matching fast), then, in the encoder mode, what its `sentence` vector means, which may
  /// flag a message the detector's words did not.
  private func crisis(in message: String, sentence: [Float]?) -> CrisisDetection? {
    resources.crisisDetector.detect(message) ?? sentence.flatMap { resources.crisisMeaning?.detect($0) }
  }

  private func makeTurn(_ question: String, context: ConversationContext, sentence given: [Float]?) -> Turn {
    let (text, truncated) = matchedText(question)
    let analysis = resources.analyzer.analyze(text)
    let sentence = given ?? resources.encoder?.encode(text)
    let crisis = crisis(in: question, sentence: sentence)
    let reading = Reading(analysis: analysis, prediction: predict(analysis, sentence: sentence))
    let words = analysis.words
    let leansBack =
      words.count <= configuration.continuationWordLimit && words.contains(where: WordLists.anaphora.contains)
    return Turn(
      question: text, truncated: truncated, crisis: crisis, reading: reading,
      contextualReading: contextualReading(of: reading, text: text, leansBack: leansBack, context: context),
      questionReading: questionReading(of: text, words: words.count),
      leansBack: leansBack, triggers: resources.triggers.matches(in: analysis.stems), context: context,
      sentence: sentence)
  }

  /// The last question of a long message of several sentences, read alone; nil for a
  /// message of ``EngineConfiguration/longMessageWords`` words or fewer, or of one sentence.
  private func questionReading(of text: String, words: Int) -> Reading? {
    guard words > configuration.longMessageWords else { return nil }
    let sentences = SentenceSplitter().sentences(of: text)
    guard sentences.count > 1,
      let question = sentences.last(where: { $0.hasSuffix("?") }) ?? sentences.last
    else { return nil }
    let analysis = resources.analyzer.analyze(question)
    let sentence = resources.encoder?.encode(question)
    return Reading(analysis: analysis, prediction: predict(analysis, sentence: sentence))
  }

  /// The message read together with the previous question, when it looks like a
  /// continuation of an intent answer: it points back or is a fragment, and its own words
  /// are in scope.
  private func contextualReading(
    of reading: Reading, text: String, leansBack: Bool, context: ConversationContext
  )
    -> Reading?
  {
    guard let previous = context.lastQuestion, let last = context.lastAnswer,
      last.kind == .intent || last.kind == .knowledge,
      let lastIntent = last.intent.flatMap(resources.pack.intent), lastIntent.kind == .faq
    else { return nil }
    let isFragment = reading.analysis.words.count <= configuration.fragmentWordLimit
    guard leansBack || isFragment, reading.prediction.inScope >= configuration.continuationInScope else {
      return nil
    }
    // Only the previous question's topic words: its question words ("what are the…") would
    // pull the joint reading back to the previous intent ("are they permanent?" after "what
    // are the side effects?" is about how long they last, not what they are).
    let earlier = resources.analyzer.analyze(previous)
    let topic = earlier.stems.indices.filter { !WordLists.stopStems.contains(earlier.stems[$0]) }
    let together = TextAnalyzer.Analysis(
      words: topic.map { earlier.words[$0] } + reading.analysis.words,
      stems: topic.map { earlier.stems[$0] } + reading.analysis.stems)
    let sentence = resources.encoder?.encode(previous + " " + text)
    return Reading(analysis: together, prediction: predict(together, sentence: sentence), withPrevious: true)
  }

  private func run(_ turn: Turn) -> StageResult {
    for stage in stages {
      if let result = stage.respond(to: turn, resources: resources) {
        return SafetyStage.continuingCrisis(result, turn: turn, resources: resources)
      }
    }
    // A pipeline without a fallback stage still answers.
    return FallbackStage().respond(to: turn, resources: resources)
      ?? StageResult(
        answer: Answer(kind: .fallback, intent: nil, confidence: 0, text: resources.fallbackText), reason: "",
        passages: [])
  }
}

/// The `/why` of an answer.
public struct Explanation: Sendable, Equatable {
  /// A word of the question and how hard it pushed towards the intent.
  public struct WordWeight: Sendable, Equatable {
    /// The word as the classifier saw it (normalised, corrected, synonyms applied).
    public var word: String
    /// The word's share of the intent's score: its features' TF-IDF values times their weights.
    public var weight: Double
  }

  /// The question as matched (after truncation).
  public var question: String
  /// Which stage answered.
  public var kind: Answer.Kind
  /// The answer's intent, or nil (see ``Answer/intent``).
  public var intent: String?
  /// The answer's confidence, as it was reported.
  public var confidence: Double
  /// The stage's reason for the answer; empty when none was recorded.
  public var reason: String
  /// The threshold the engine answers intents at.
  public var threshold: Double
  /// The answer's near intents, best first.
  public var candidates: [Answer.Candidate]
  /// The words that pushed hardest towards the answer's intent (or, for an answer without one,
  /// the most probable intent), strongest first.
  public var weightiestWords: [WordWeight]
  /// The question as the matcher saw it (normalised, corrected, synonyms applied).
  public var normalizedWords: [String]
}
