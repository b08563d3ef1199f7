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

  /// What the answer is, for a client that acts on it (protocol v1's `category`, added after
  /// the original fields): `kind` says which stage answered, `category` what the reply is to
  /// the person. A `not_covered` intent and the subject check both say "the document does
  /// not cover that" on purpose, while a `fallback` found nothing to say at all.
  public enum Category: String, Sendable, CaseIterable {
    /// The document answers the question (an intent of kind `faq`, a passage, "tell me more").
    case answer
    /// An honest "the document does not cover that", naming what is not covered.
    case notCovered = "not_covered"
    /// A polite refusal (dosing, recreational use, obtaining a drug).
    case decline
    /// Greetings, thanks, "who are you".
    case smallTalk = "small_talk"
    /// Crisis help.
    case safety
    /// Nothing matched well enough: "I don't know", with alternatives.
    case fallback
  }

  /// A knowledge passage the answer is drawn from.
  public struct Source: Sendable, Equatable, Hashable {
    /// The knowledge id, e.g. `potential-side-effects.p1.s2`.
    public var id: String
    /// The title of the section the passage belongs to.
    public var section: String

    /// A source as given; stages make them from the knowledge file's passages.
    public init(id: String, section: String) {
      self.id = id
      self.section = section
    }
  }

  /// A near intent with its confidence, for "did you mean" and `/why`.
  public struct Candidate: Sendable, Equatable {
    /// The intent's id.
    public var intent: String
    /// The classifier's probability of the intent (`0...1`), on the scale of an intent answer's
    /// `confidence`.
    public var confidence: Double

    /// A candidate as given.
    public init(intent: String, confidence: Double) {
      self.intent = intent
      self.confidence = confidence
    }
  }

  /// Which stage answered (see ``Kind``); ``category`` says what the reply is to the person.
  public var kind: Kind
  /// What the reply is to the person (see ``Category``).
  public var category: Category
  /// The intent that answered, the intent a "tell me more" passage continues, or `nil` (every
  /// fallback, and passages found by retrieval).
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

  /// An answer; a nil `category` takes the kind's (``defaultCategory(of:)``).
  public init(
    kind: Kind, intent: String?, confidence: Double, text: String,
    sources: [Source] = [], candidates: [Candidate] = [], suggestions: [String] = [],
    truncated: Bool = false, category: Category? = nil
  ) {
    self.kind = kind
    self.category = category ?? Self.defaultCategory(of: kind)
    self.intent = intent
    self.confidence = confidence
    self.text = text
    self.sources = sources
    self.candidates = candidates
    self.suggestions = suggestions
    self.truncated = truncated
  }

  /// The category a kind has unless a stage says otherwise.
  public static func defaultCategory(of kind: Kind) -> Category {
    switch kind {
    case .intent, .knowledge: .answer
    case .fallback: .fallback
    case .safety: .safety
    }
  }
}
