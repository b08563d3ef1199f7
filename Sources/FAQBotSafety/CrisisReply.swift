/// The answer every crisis message gets, first and in every pack: emergency numbers and that
/// the person is not alone. A pack may localise it (its own text and numbers); it cannot
/// remove it, and it never depends on which document is loaded.
public struct CrisisReply: Sendable, Equatable {
  /// The text shown for a crisis message.
  public var text: String
  /// The text shown when someone asks for more after a crisis answer ("what should I do?").
  public var followUp: String
  /// True for the built-in text; false when a pack localised it.
  public var isBuiltIn: Bool

  /// The built-in answer (US numbers first, then any country's emergency services).
  public static let builtIn = CrisisReply(
    text:
      "If you are thinking about suicide or self-harm, or someone may have overdosed, please get help now: "
      + "call or text 988 (Suicide & Crisis Lifeline, US), or call your local emergency number (911 in the US). "
      + "If you are outside the US, contact your local emergency services. If someone is unconscious, not "
      + "breathing normally, or cannot be woken, call emergency services straight away and stay with them. "
      + "You are not alone, and you don't have to go through this alone. I'm only an information bot and "
      + "can't help in an emergency, but the people at these services can.",
    followUp:
      "Please reach out to someone now. In the US, call or text 988 (Suicide & Crisis Lifeline) or chat "
      + "at 988lifeline.org; in an emergency call 911, or your local emergency number anywhere else. If you can, "
      + "tell someone you trust how you feel and stay with them, and put distance between yourself and anything "
      + "you could use to hurt yourself. If someone else is at risk, stay with them and call for help. You "
      + "deserve support, and these services are there for exactly this.",
    isBuiltIn: true)

  /// A pack's own text (its emergency numbers); the follow-up repeats it, so that a
  /// localised pack never falls back to another country's numbers.
  public init(localized text: String) {
    self.text = text
    self.followUp = text
    self.isBuiltIn = false
  }

  /// A reply of `text`, with `followUp` for "what should I do" right after it.
  public init(text: String, followUp: String, isBuiltIn: Bool) {
    self.text = text
    self.followUp = followUp
    self.isBuiltIn = isBuiltIn
  }
}
