/// One thing a person can ask about, with the ways they ask it and what faqbot replies.
public struct Intent: Sendable, Equatable {
  /// How the dialogue treats an intent beyond matching it.
  public enum Kind: String, Sendable, CaseIterable {
    /// An answer from the document (the default).
    case faq
    /// A crisis answer: wins over everything, even inside a longer message.
    case safety
    /// Greetings, thanks, "who are you".
    case smalltalk
    /// A polite refusal (dosing, recreational use, obtaining the drug) pointing to a professional.
    case decline
    /// An honest "the document does not cover this".
    case notCovered = "not_covered"
  }

  public var id: String
  public var kind: Kind
  /// Breaks ties between intents and orders triggers; safety intents use a high value.
  public var priority: Int
  public var examples: [String]
  public var answer: Reply
  /// What "tell me more" gives after this intent.
  public var followUp: Reply?
  /// Questions to offer after the answer.
  public var suggest: [String]
  /// Phrases that force this intent wherever they occur in a message.
  public var triggers: [String]
  /// Where the intent is defined, for error messages and `faqbot check`.
  public var location: SourceLocation
  /// Where each example is written, in the order of `examples`; empty for an intent made in
  /// code. `faqbot check` points its warnings about an example here.
  public var exampleLocations: [SourceLocation]

  public init(
    id: String, kind: Kind = .faq, priority: Int = 0, examples: [String], answer: Reply,
    followUp: Reply? = nil,
    suggest: [String] = [], triggers: [String] = [],
    location: SourceLocation = .init(file: "<memory>", line: 0),
    exampleLocations: [SourceLocation] = []
  ) {
    self.id = id
    self.kind = kind
    self.priority = priority
    self.examples = examples
    self.answer = answer
    self.followUp = followUp
    self.suggest = suggest
    self.triggers = triggers
    self.location = location
    self.exampleLocations = exampleLocations
  }

  /// Where example `index` is written, or the intent's own location when that is unknown.
  public func location(ofExample index: Int) -> SourceLocation {
    exampleLocations.indices.contains(index) ? exampleLocations[index] : location
  }
}

/// What an intent says: its own text, or passages of the knowledge file (quoted, or
/// paraphrased by `text`), which are then cited as sources.
public struct Reply: Sendable, Equatable {
  public var text: String?
  public var knowledge: [String]

  public init(text: String?, knowledge: [String] = []) {
    self.text = text
    self.knowledge = knowledge
  }
}

/// A file and a 1-based line and column.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}
