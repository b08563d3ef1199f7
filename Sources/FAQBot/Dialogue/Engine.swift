/// The dialogue engine: a question in, an ``Answer`` out, through a pipeline of small stages
/// tried in order (safety → "tell me more" → triggers → classifier → retrieval → fallback).
///
/// The engine never prints and never reads input; both fronts drive it the same way. It is
/// an immutable value, so one engine serves many conversations, each with its own
/// ``ConversationContext``.
public struct Engine: Sendable {
  public let resources: EngineResources
  public let stages: [any DialogueStage]

  /// The standard pipeline, in the order that keeps people safe first.
  public static let standardStages: [any DialogueStage] = [
    SafetyStage(), FollowUpStage(), TriggerStage(), ClassifierStage(), RetrievalStage(), FallbackStage(),
  ]

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
  /// classifier, and its analyzer when the model stores the vocabulary, are used as they are.
  public init(
    model: TrainedModel, pack: IntentPack, knowledge: KnowledgeBase,
    configuration: EngineConfiguration = .init()
  ) {
    self.init(
      resources: EngineResources(
        pack: pack, knowledge: knowledge, classifier: model.classifier,
        analyzer: model.vocabulary.map { TextAnalyzer(vocabulary: $0, synonyms: pack.synonyms) },
        configuration: configuration))
  }

  public var configuration: EngineConfiguration { resources.configuration }

  /// Answers `question` in the conversation `context`, and records the turn in it.
  public func respond(to question: String, context: inout ConversationContext) -> Answer {
    let turn = makeTurn(question, context: context)
    let result = run(turn)
    context.lastAnswer = result.answer
    context.lastReason = result.reason
    if result.continuesTopic {
      context.givenPassages += result.passages
      context.followUpGiven = true
    } else {
      context.lastQuestion = turn.question
      context.givenPassages = result.passages
      context.followUpGiven = false
    }
    return result.answer
  }

  /// Answers `question` with no conversation around it.
  public func respond(to question: String) -> Answer {
    var context = ConversationContext()
    return respond(to: question, context: &context)
  }

  /// Why the last answer of `context` was given: candidates, the words that weighed most,
  /// the threshold and the stage's reason.
  public func explanation(of context: ConversationContext) -> Explanation? {
    guard let question = context.lastQuestion, let answer = context.lastAnswer else { return nil }
    let analysis = resources.analyzer.analyze(question)
    let prediction = resources.classifier.predict(analysis)
    let words = prediction.ranking.first.map {
      resources.classifier.weightiestWords(analysis, towards: $0).map { ($0.word, Double($0.weight)) }
    }
    return Explanation(
      question: question, kind: answer.kind, intent: answer.intent, confidence: answer.confidence,
      reason: context.lastReason ?? "", threshold: configuration.threshold, candidates: answer.candidates,
      weightiestWords: (words ?? []).map { Explanation.WordWeight(word: $0.0, weight: $0.1) },
      normalizedWords: analysis.words)
  }

  private func makeTurn(_ question: String, context: ConversationContext) -> Turn {
    let limit = configuration.maxQuestionCharacters
    var text = question
    var truncated = false
    if text.utf8.count > limit, text.count > limit {
      text = String(text.prefix(limit))
      truncated = true
    }
    let analysis = resources.analyzer.analyze(text)
    let prediction = resources.classifier.predict(analysis)
    return Turn(
      question: text, truncated: truncated, analysis: analysis, prediction: prediction,
      triggers: resources.triggers.matches(in: analysis.stems), context: context)
  }

  private func run(_ turn: Turn) -> StageResult {
    for stage in stages {
      if let result = stage.respond(to: turn, resources: resources) { return result }
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
  public struct WordWeight: Sendable, Equatable {
    public var word: String
    public var weight: Double
  }

  public var question: String
  public var kind: Answer.Kind
  public var intent: String?
  public var confidence: Double
  public var reason: String
  public var threshold: Double
  public var candidates: [Answer.Candidate]
  public var weightiestWords: [WordWeight]
  /// The question as the matcher saw it (normalised, corrected, synonyms applied).
  public var normalizedWords: [String]
}
