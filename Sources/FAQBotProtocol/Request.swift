import FAQBotJSON

/// One question from a program talking to the bot over the JSON Lines front.
///
/// Only the fields the engine uses are kept; unknown fields are dropped by the decoder so
/// clients can add their own bookkeeping without breaking anything.
public struct Request: Sendable, Equatable {
  /// The client's correlation value exactly as sent, or `nil` when the request had no `id`
  /// member (an explicit `"id": null` is kept as the raw `null`).
  public var id: RawJSON?
  /// The question text, unescaped.
  public var question: String
  /// The conversation this question continues, or `nil` for a one-off question.
  public var session: String?

  /// A request as decoded: its raw id, the question and the optional session.
  public init(id: RawJSON? = nil, question: String, session: String? = nil) {
    self.id = id
    self.question = question
    self.session = session
  }
}
