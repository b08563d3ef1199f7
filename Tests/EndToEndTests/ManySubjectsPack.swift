import Foundation

/// A pack of three intents about unrelated things (weather, a balance, translation), as an
/// intent file: no word is shared by its examples, so it has no main subject, and "what are
/// my savings" shares no word with `balance` (the fast mode falls back, the encoder answers).
enum ManySubjectsPack {
  static let intentFile = """
    intents:
      - id: weather
        examples: [will it rain today, what is the weather like, is it sunny outside]
        answer: The weather.
      - id: balance
        examples: [what is my balance, how much money do I have, show my account balance]
        answer: Your balance.
      - id: translate
        examples: [how do I say hello in French, translate thanks to German, say yes in Spanish]
        answer: A translation.
    """

  /// Writes the intent file into `directory` as `intents.yaml`.
  static func write(to directory: URL) throws {
    try intentFile.write(
      to: directory.appendingPathComponent("intents.yaml"), atomically: true, encoding: .utf8)
  }
}
