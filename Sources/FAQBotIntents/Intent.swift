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

  /// Unique within a pack (the loader refuses a duplicate); evaluation files and `faqbot check`
  /// name the intent by it.
  public var id: String
  /// How the dialogue treats a match (``Kind``).
  public var kind: Kind
  /// Breaks ties between intents and orders triggers; safety intents use a high value.
  public var priority: Int
  /// The ways people ask for this intent: the classifier learns the intent from them.
  public var examples: [String]
  /// What faqbot replies when this intent is matched.
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

  /// An intent made in code; `priority` defaults to 0 whatever the kind (the loader gives a
  /// safety intent 100).
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
  /// The reply's own words; with ``knowledge``, a paraphrase of those passages. Nil when the
  /// reply only quotes passages.
  public var text: String?
  /// Ids of the knowledge-file passages the reply quotes or paraphrases, cited as its sources.
  public var knowledge: [String]
  /// Whether the reply quotes, of the one section in ``knowledge``, the paragraph that best
  /// answers the question asked (`answer: {section: ID}`), rather than passages fixed in
  /// advance: one intent per section of a long document (what `faqbot init` drafts) then
  /// answers "what does a replacement card cost" with the paragraph that says so, not the
  /// section's first.
  public var bestParagraph: Bool

  /// A reply as given; the loader, not this, refuses one with neither text nor knowledge.
  public init(text: String?, knowledge: [String] = [], bestParagraph: Bool = false) {
    self.text = text
    self.knowledge = knowledge
    self.bestParagraph = bestParagraph
  }
}

/// A file and a 1-based line and column.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
  /// The file's name as the loader was given it.
  public var file: String
  /// 1-based; 0 when no line applies (a value made in code, or the file as a whole).
  public var line: Int
  /// 1-based.
  public var column: Int

  /// A location; the column defaults to the start of the line.
  public init(file: String, line: Int, column: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, the form editors and compilers use to jump to a place; the file alone
  /// when no line applies (a missing directory is no place in a file: `dir:0:1` read as one).
  public var description: String { line == 0 ? file : "\(file):\(line):\(column)" }
}
