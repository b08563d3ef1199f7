/// One message on its way through the pipeline: analysed once, then offered to each stage.
public struct Turn: Sendable {
  /// The question as matched (cut to the length limit).
  public var question: String
  public var truncated: Bool
  public var analysis: TextAnalyzer.Analysis
  public var prediction: IntentClassifier.Prediction
  /// The triggers that occur in the question, the winning one first.
  public var triggers: [(intent: Int, phrase: [String])]
  /// The conversation so far (read-only for stages; the engine records the outcome).
  public var context: ConversationContext
}

/// An answer with the reason a stage gives for it, shown by `/why`.
public struct StageResult: Sendable {
  public var answer: Answer
  public var reason: String
  /// The passages the answer gave, so "tell me more" can continue after them.
  public var passages: [String]
  /// True for a follow-up: it continues the current topic instead of starting a new one.
  public var continuesTopic = false
}

/// One step of the dialogue pipeline. Stages are tried in order; the first that answers wins.
public protocol DialogueStage: Sendable {
  var name: String { get }
  func respond(to turn: Turn, resources: EngineResources) -> StageResult?
}
