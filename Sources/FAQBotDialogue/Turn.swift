import FAQBotMatching
import FAQBotSafety

/// One message on its way through the pipeline: analysed once, then offered to each stage.
public struct Turn: Sendable {
  /// The question as matched (cut to the length limit).
  public var question: String
  /// True when the message was longer than the limit and only its first part is matched.
  public var truncated: Bool
  /// The crisis detector's finding on the whole message, every character up to the line
  /// limit, read before the question was cut for matching; nil when it is no crisis.
  public var crisis: CrisisDetection?
  /// The message read on its own.
  public var reading: Reading
  /// The message read together with the previous question, computed once when it looks
  /// like a continuation of an intent answer (``Engine`` decides when; see
  /// ``EngineConfiguration/continuationWordLimit``); nil otherwise.
  public var contextualReading: Reading?
  /// A long message of several sentences read by its last question alone ("I've been
  /// reading about treatments for months … Could you explain how it works on the brain?"),
  /// where the whole message's many words blur the classifier; nil for other messages (see
  /// ``EngineConfiguration/longMessageWords``).
  public var questionReading: Reading? = nil
  /// True when the message points back at the previous topic ("they", "it").
  public var leansBack: Bool
  /// The triggers that occur in the question, the winning one first.
  public var triggers: [(intent: Int, phrase: [String])]
  /// The conversation so far (read-only for stages; the engine records the outcome).
  public var context: ConversationContext
  /// The question's sentence vector in the encoder mode (of its first
  /// ``EngineConfiguration/encoderTokenCap`` tokens); nil in the fast mode.
  public var sentence: [Float]? = nil

  /// The message's own analysis (normalised words and stems).
  public var analysis: TextAnalyzer.Analysis { reading.analysis }
  /// The classifier's prediction for the message on its own.
  public var prediction: IntentClassifier.Prediction { reading.prediction }
}

/// An answer with the reason a stage gives for it, shown by `/why`.
public struct StageResult: Sendable {
  /// What the stage answers.
  public var answer: Answer
  /// Why the stage answered so, in a sentence for `/why`.
  public var reason: String
  /// The passages the answer gave, so "tell me more" can continue after them.
  public var passages: [String]
  /// True for a follow-up: it continues the current topic instead of starting a new one.
  public var continuesTopic = false
  /// The reading the answer was chosen on, when it is not the turn's own (`/why` explains it).
  public var reading: Reading? = nil
  /// The thing the answer says the document does not cover ("Prozac"), as typed, so that "is
  /// it safe?" right after is about it too.
  public var foreignSubject: String? = nil
}

/// One step of the dialogue pipeline. Stages are tried in order; the first that answers wins.
public protocol DialogueStage: Sendable {
  var name: String { get }
  func respond(to turn: Turn, resources: EngineResources) -> StageResult?
}
