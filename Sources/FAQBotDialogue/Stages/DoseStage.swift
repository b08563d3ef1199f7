import FAQBotCore
import FAQBotSafety

/// A request for a dose ("how many mg can I take a day", "how much ketamine do they give
/// you") is declined with a pointer to a doctor or pharmacist, in every pack: faqbot never
/// gives dosing, even when the document states a dose.
///
/// It runs after the triggers, so a pack's own dosing decline answers first when one of its
/// phrases occurs; when none does, the pack's decline intent the classifier ranks highest
/// answers (its text is the pack's, naming its subject), and a pack without any decline
/// intent gets the engine's text. The check is ``DoseRequest``'s.
public struct DoseStage: DialogueStage {
  /// Identifies the stage (``DialogueStage/name``).
  public let name = "dose"

  /// The engine's decline, for a pack without a decline intent of its own.
  public static let declineText =
    "I can't give dosing information: how much of a medicine or drug to take, and how often, depends "
    + "on the person and is for a doctor or pharmacist to say. Please ask one."

  /// The stage; it keeps no state of its own.
  public init() {}

  /// The decline for a dose request; nil for any other message.
  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    guard let matched = DoseRequest.match(in: turn.analysis.surface) else { return nil }
    let confidence = resources.configuration.doseDeclineConfidence
    let intents = resources.pack.intents
    if let decline = Self.packDecline(for: turn, resources: resources) {
      var result = resources.answer(intent: decline, confidence: confidence, turn: turn)
      result.reason =
        "the message asks for a dose (\"\(matched)\"), which faqbot never gives; the pack's decline "
        + "intent \(intents[decline].id) answers"
      return result
    }
    let answer = Answer(
      kind: .fallback, intent: nil, confidence: confidence, text: Self.declineText,
      candidates: resources.candidates(turn.prediction), truncated: turn.truncated, category: .decline)
    let reason = "the message asks for a dose (\"\(matched)\"), which faqbot never gives"
    return StageResult(answer: answer, reason: reason, passages: [])
  }

  /// The pack's decline for it: of the decline intents whose examples ask for a dose, the
  /// most probable ("can I microdose at home" is the dosing decline's, though "at home" ranks
  /// the obtaining one higher); else the decline the classifier ranks in its top three.
  static func packDecline(for turn: Turn, resources: EngineResources) -> Int? {
    let intents = resources.pack.intents
    let probabilities = turn.prediction.probabilities
    let doseDeclines = intents.indices.filter { index in
      intents[index].kind == .decline && index < probabilities.count
        && intents[index].examples.contains {
          DoseRequest.match(in: resources.analyzer.analyze($0).surface) != nil
        }
    }
    if let best = doseDeclines.max(by: { probabilities[$0] < probabilities[$1] }) { return best }
    return turn.prediction.ranking.prefix(3).first { intents[$0].kind == .decline }
  }
}
