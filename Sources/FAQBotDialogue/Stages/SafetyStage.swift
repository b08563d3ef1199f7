import FAQBotCore
import FAQBotSafety

/// First, always: a message about suicide, self-harm or overdose gets the crisis answer
/// (emergency numbers, and that the person is not alone), in every pack.
///
/// Whether a message is a crisis is the engine's ``CrisisDetector``'s decision, made on the
/// whole message (``Turn/crisis``), never the pack's classifier: a team's pack without any
/// safety intent routes every crisis message the same as the default pack. After a crisis
/// answer, asking for more ("what should I do?", "tell me more", "help") gets more crisis
/// help, not "more about what?".
public struct SafetyStage: DialogueStage {
  /// Identifies the stage (``DialogueStage/name``).
  public let name = "safety"

  /// The stage; it keeps no state of its own.
  public init() {}

  /// Normalised follow-ups that, right after a crisis answer, ask for more of it.
  static let followUps: Set<[String]> = [
    ["what", "should", "i", "do"], ["what", "do", "i", "do"], ["what", "now"], ["now", "what"], ["help"],
    ["help", "me"], ["please", "help"], ["please", "help", "me"], ["who", "do", "i", "call"],
    ["who", "should", "i", "call"], ["what", "can", "i", "do"], ["how"], ["where"],
    ["i", "do", "not", "know"],
    ["idk"], ["what", "do", "you", "mean"], ["then", "what"], ["what", "next"], ["who", "can", "help"],
    ["who", "can", "i", "talk", "to"], ["can", "you", "help"], ["can", "you", "help", "me"], ["why"],
    ["what", "should", "i", "do", "now"], ["what", "do", "i", "do", "now"], ["i", "need", "help"],
  ]

  /// The crisis answer for a crisis message, more crisis help for a request for more right
  /// after one; nil otherwise.
  /// The most bytes a crisis follow-up can take as typed: the longest phrase (here or of
  /// ``FollowUpStage``) twice over, for punctuation and the fillers dropped below.
  static let longestFollowUpBytes =
    2 * (followUps.union(FollowUpStage.phrases).map { $0.joined(separator: " ").utf8.count }.max() ?? 0)

  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    if let crisis = turn.crisis {
      let answer = Answer(
        kind: .safety, intent: nil, confidence: crisis.score, text: resources.crisisReply.text,
        candidates: resources.candidates(turn.prediction), truncated: turn.truncated)
      return StageResult(answer: answer, reason: crisis.reason, passages: [])
    }
    guard turn.context.lastAnswer?.kind == .safety else { return nil }
    // Longer than any follow-up (with room for punctuation and fillers): a new message.
    guard turn.question.utf8.count <= Self.longestFollowUpBytes else { return nil }
    // The words as typed (the turn's analysis normalised them once, before corrections).
    let words = turn.analysis.surface.filter {
      $0 != "ok" && $0 != "okay" && $0 != "so" && $0 != "but"
    }
    guard FollowUpStage.phrases.contains(words) || Self.followUps.contains(words) else { return nil }
    return Self.moreHelp(
      candidates: resources.candidates(turn.prediction), turn: turn, resources: resources,
      reason: "a request for more right after a crisis answer")
  }

  /// More crisis help (``CrisisReply/followUp``) after a crisis answer.
  static func moreHelp(candidates: [Answer.Candidate], turn: Turn, resources: EngineResources, reason: String)
    -> StageResult
  {
    let answer = Answer(
      kind: .safety, intent: nil, confidence: 1, text: resources.crisisReply.followUp, candidates: candidates,
      truncated: turn.truncated)
    return StageResult(answer: answer, reason: reason, passages: [])
  }

  /// `result`, or more crisis help when it answers a message right after a crisis answer with
  /// no answer from the document: "i don't have anyone", "im scared", "no" or "thanks" after
  /// the emergency numbers must not get "I don't know", a polite close or the document's
  /// suggestions. The engine applies it to whatever its stages gave (``Engine``): only the
  /// outcome tells whether the document answered. A question ("what is ketamine?") keeps its
  /// own answer, even an "I don't know": the person has moved on to asking.
  public static func continuingCrisis(_ result: StageResult, turn: Turn, resources: EngineResources)
    -> StageResult
  {
    guard turn.context.lastAnswer?.kind == .safety, result.answer.kind != .safety,
      result.answer.kind == .fallback || result.answer.category == .smallTalk,
      !SubjectStage.opensAsQuestion(turn)
    else { return result }
    return moreHelp(
      candidates: result.answer.candidates, turn: turn, resources: resources,
      reason: "right after a crisis answer, a message the document does not answer gets crisis help again")
  }
}
