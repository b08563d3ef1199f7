/// What the engine says back to one message: the single answer type both fronts present.
///
/// The REPL renders it as text, the JSON front serialises it field by field; neither
/// decides anything about it.
public struct Answer: Sendable, Equatable {
  /// Which stage of the pipeline produced the answer.
  public enum Kind: String, Sendable, CaseIterable {
    /// A matched intent from the pack.
    case intent
    /// A passage retrieved from the knowledge file when no intent was confident.
    case knowledge
    /// Nothing matched well enough: an honest "not covered" with alternatives.
    case fallback
    /// A safety intent (crisis) answered; it always wins.
    case safety
  }

  /// A knowledge passage the answer is drawn from.
  public struct Source: Sendable, Equatable, Hashable {
    /// The knowledge id, e.g. `potential-side-effects.p1.s2`.
    public var id: String
    /// The title of the section the passage belongs to.
    public var section: String

    public init(id: String, section: String) {
      self.id = id
      self.section = section
    }
  }

  /// A near intent with its confidence, for "did you mean" and `/why`.
  public struct Candidate: Sendable, Equatable {
    public var intent: String
    public var confidence: Double

    public init(intent: String, confidence: Double) {
      self.intent = intent
      self.confidence = confidence
    }
  }

  public var kind: Kind
  /// The intent that answered, or `nil` for knowledge and fallback answers.
  public var intent: String?
  /// Calibrated probability in `0...1` of the chosen intent (or retrieval score for passages).
  public var confidence: Double
  /// The answer text shown to the person.
  public var text: String
  /// Where the text comes from in the document.
  public var sources: [Source]
  /// The top intents by confidence, best first (at most 3).
  public var candidates: [Candidate]
  /// Questions to offer next.
  public var suggestions: [String]
  /// True when the question was longer than the limit and only its first part was matched.
  public var truncated: Bool

  public init(
    kind: Kind, intent: String?, confidence: Double, text: String,
    sources: [Source] = [], candidates: [Candidate] = [], suggestions: [String] = [],
    truncated: Bool = false
  ) {
    self.kind = kind
    self.intent = intent
    self.confidence = confidence
    self.text = text
    self.sources = sources
    self.candidates = candidates
    self.suggestions = suggestions
    self.truncated = truncated
  }
}
