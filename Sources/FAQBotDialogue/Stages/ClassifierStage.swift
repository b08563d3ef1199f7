import FAQBotCore
import FAQBotMatching

/// The trained classifier: answers the most probable intent when its calibrated confidence
/// reaches the threshold. A short question that leans on the previous one ("how long do
/// they last?") is also read together with it (``Turn/contextualReading``); the context only
/// fills what the question lacks (``contextFills(_:alone:together:_:)``), it never replaces
/// what a complete question says ("how quickly does it work?" after a question on the
/// mechanism is still about speed).
public struct ClassifierStage: DialogueStage {
  /// Identifies the stage (``DialogueStage/name``).
  public let name = "classifier"

  /// The stage; it keeps no state of its own.
  public init() {}

  /// The best intent's answer when its confidence reaches the threshold; nil when it does not,
  /// when no feature of the message was seen in training, or when the best is a safety intent.
  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    let threshold = resources.configuration.threshold
    var reading = turn.reading
    if let together = turn.contextualReading,
      Self.contextFills(turn, alone: reading, together: together, resources)
    {
      reading = together
    }
    // A long message whose whole reading is not confident is answered by its last question
    // when that is (the story before it blurs the classifier).
    var byQuestion = false
    if let question = turn.questionReading, !Self.answers(reading, resources),
      Self.answers(question, resources)
    {
      reading = question
      byQuestion = true
    }
    let prediction = reading.prediction
    guard Self.answers(reading, resources), let best = prediction.ranking.first else { return nil }
    let confidence = Double(prediction.probabilities[best])
    var result = resources.answer(
      intent: best, confidence: confidence, prediction: prediction, truncated: turn.truncated,
      question: reading.analysis)
    result.reading = reading
    // One interpolation, not a chain of `+`: built for every answer, read only by `/why`.
    let together = reading.withPrevious ? ", reading the question together with the previous one" : ""
    let alone = byQuestion ? ", reading the message's last question alone" : ""
    result.reason = """
      intent \(resources.classifier.intentIds[best]) has confidence \(Percent(confidence)), at or above \
      the threshold \(Percent(threshold))\(together)\(alone)
      """
    return result
  }

  /// Whether `reading` answers: evidence seen in training, a best intent at or above the
  /// threshold, and not a safety intent. A pack's safety intent is never answered by the
  /// classifier: whether a message is a crisis is the crisis detector's decision
  /// (``SafetyStage``), the same in every pack.
  static func answers(_ reading: Reading, _ resources: EngineResources) -> Bool {
    let prediction = reading.prediction
    guard prediction.hasEvidence, let best = prediction.ranking.first else { return false }
    return resources.pack.intents[best].kind != .safety
      && Double(prediction.probabilities[best]) >= resources.configuration.threshold
  }

  /// Whether the reading with the previous question wins over the question's own: only when
  /// the joint reading is confident and the question lacks something.
  /// - Its own reading is not confident, and the joint one is more so.
  /// - It points back with "they", "that", "those"… and has almost no words of its own ("are
  ///   they permanent?"). Then its own reading is a guess at what "they" are: the joint
  ///   reading wins when it is more confident, or when its intent is among the question's own
  ///   few likeliest (``EngineConfiguration/pointerChoices``): the previous question chooses
  ///   between what the question could mean, but does not make it mean something else ("is
  ///   that temporary?" after a question on the heart rate is still about how long).
  /// "It" alone does not count: in a document about one thing, "is it addictive?" is about
  /// that thing, whatever was asked before.
  static func contextFills(_ turn: Turn, alone: Reading, together: Reading, _ resources: EngineResources)
    -> Bool
  {
    let configuration = resources.configuration
    guard together.bestConfidence >= configuration.threshold else { return false }
    let moreConfident = together.bestConfidence > alone.bestConfidence
    if moreConfident && alone.bestConfidence < configuration.ownReadingConfident { return true }
    let words = turn.analysis.words
    let pointsBack = words.contains { WordLists.anaphora.contains($0) && $0 != "it" && $0 != "its" }
    let ownWords = turn.analysis.stems.filter { !WordLists.stopStems.contains($0) }.count
    guard pointsBack && ownWords <= configuration.ownWordsOfAPointer else { return false }
    guard let jointBest = together.prediction.ranking.first else { return false }
    return moreConfident || alone.prediction.ranking.prefix(configuration.pointerChoices).contains(jointBest)
  }
}
