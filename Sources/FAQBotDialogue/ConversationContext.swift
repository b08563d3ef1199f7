/// What one conversation remembers between messages: enough to answer "how long do they
/// last?" about the previous topic and "tell me more" with the next passage.
public struct ConversationContext: Sendable, Equatable {
  /// The last question as asked (after truncation).
  public var lastQuestion: String?
  /// The last answer given: what "tell me more", a continuation and `/why` start from.
  public var lastAnswer: Answer?
  /// Why the last answer was chosen, for `/why`.
  public var lastReason: String?
  /// The reading the last answer was chosen on, for `/why` (never computed again).
  public var lastReading: Reading?
  /// Passages already given for the current topic, so "tell me more" moves forward.
  public var givenPassages: [String] = []
  /// Whether there is a topic to continue: the last new answer came from the document (an
  /// intent or a passage), not a crisis answer, small talk or a fallback.
  public var hasTopic = false
  /// The intent of the current topic, if an intent started it (a "tell me more" passage
  /// names it; fallbacks never carry an intent).
  public var topicIntent: String?
  /// Whether the current intent's `follow_up` was already given.
  public var followUpGiven = false
  /// What the last answer said the document does not cover ("Prozac"), for a question that
  /// points back at it ("is it safe?").
  public var foreignSubject: String?

  /// A new conversation: nothing asked yet, no topic.
  public init() {}

  /// Forgets everything, as `/reset` does.
  public mutating func reset() { self = ConversationContext() }
}
