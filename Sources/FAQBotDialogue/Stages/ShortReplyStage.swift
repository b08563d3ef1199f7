import FAQBotCore

/// Conversation replies ("no", "ok", "k", "done", "stop", "nothing") read in the context of
/// the previous turn, before any intent is matched: "no" after "Is there anything else?" ends
/// politely, and "k" is an acknowledgement, not a question about ketamine.
///
/// Greetings, thanks and goodbyes stay with the pack's small talk (thanks said with a goodbye
/// ends the conversation here); a pack whose intents do not answer them (a knowledge-only
/// pack, a team's pack without a small-talk file) gets the engine's own, so that "thanks" is
/// never answered with a passage that happens to hold the word. Questions never come here
/// (only a whole message that is one of the replies below).
public struct ShortReplyStage: DialogueStage {
  /// Identifies the stage (``DialogueStage/name``).
  public let name = "short-reply"

  /// The stage; it keeps no state of its own.
  public init() {}

  /// Declining more help, or ending: answered with a polite close.
  static let closing: Set<[String]> = [
    ["no"], ["nope"], ["nah"], ["no", "thanks"], ["no", "thank", "you"], ["nothing"], ["nothing", "else"],
    ["that", "is", "all"], ["that", "is", "it"], ["i", "am", "good"], ["all", "good"], ["no", "more"],
    ["end"], ["the", "end"], ["end", "chat"], ["done"], ["i", "am", "done"], ["stop"], ["enough"],
    ["not", "really"],
    ["never", "mind"], ["nvm"], ["nope", "thanks"], ["nah", "thanks"], ["quit"],
    ["exit"],
    ["close"], ["finish"], ["finished"], ["i", "am", "finished"], ["that", "is", "everything"],
    ["thats", "all"], ["thats", "it"], ["thats", "everything"],
  ]
  /// Thanks said with a goodbye ("thanks, bye"): the person is leaving, so the reply is a
  /// goodbye, not the pack's "anything else?" for thanks. Thanks alone and goodbye alone stay
  /// with the pack's small talk; this needs no example in any pack (and retrains nothing).
  static let thankingGoodbyes: Set<[String]> = {
    let thanks: [[String]] = [
      ["thanks"], ["thank", "you"], ["thx"], ["ty"], ["cheers"], ["thanks", "a", "lot"],
    ]
    let goodbyes: [[String]] = [
      ["bye"], ["goodbye"], ["bye", "bye"], ["see", "you"], ["see", "ya"], ["cya"],
    ]
    var replies: Set<[String]> = []
    for thank in thanks {
      for goodbye in goodbyes {
        replies.insert(thank + goodbye)
        replies.insert(goodbye + thank)
        replies.insert(thank + ["and"] + goodbye)
      }
    }
    return replies
  }()
  /// Greetings, thanks, goodbyes and "who are you" the engine answers itself when no intent of
  /// the pack does.
  static let greetings: Set<[String]> = [
    ["hi"], ["hello"], ["hey"], ["hiya"], ["howdy"], ["yo"], ["greetings"], ["hi", "there"],
    ["hello", "there"], ["hey", "there"], ["good", "morning"], ["good", "afternoon"], ["good", "evening"],
    ["hi", "bot"], ["hello", "bot"], ["hey", "bot"],
  ]
  /// Thanks alone (with a goodbye, ``thankingGoodbyes`` ends the conversation).
  static let thanksAlone: Set<[String]> = [
    ["thanks"], ["thank", "you"], ["thx"], ["ty"], ["cheers"], ["thanks", "a", "lot"], ["many", "thanks"],
    ["thank", "you", "so", "much"], ["thanks", "so", "much"], ["great", "thanks"], ["ok", "thanks"],
    ["okay", "thanks"], ["that", "helped"], ["thanks", "that", "helped"],
  ]
  /// "Who are you": what the bot is.
  static let identityQuestions: Set<[String]> = [
    ["who", "are", "you"], ["what", "are", "you"], ["what", "can", "you", "do"], ["what", "do", "you", "do"],
    ["are", "you", "a", "bot"], ["are", "you", "human"], ["are", "you", "a", "person"],
    ["what", "is", "this"],
    ["what", "is", "this", "bot"], ["what", "do", "you", "know"], ["what", "can", "i", "ask"],
    ["what", "can", "i", "ask", "you"],
  ]
  /// Goodbyes alone.
  static let goodbyesAlone: Set<[String]> = [
    ["bye"], ["goodbye"], ["bye", "bye"], ["see", "you"], ["see", "ya"], ["cya"], ["bye", "for", "now"],
    ["good", "night"], ["later"],
  ]

  /// Words that may open a closing reply without changing it ("*nope* that's all").
  static let declining: Set<String> = ["no", "nope", "nah", "ok", "okay"]
  /// Acknowledgements: answered by inviting the next question.
  static let acknowledging: Set<[String]> = [
    ["ok"], ["okay"], ["k"], ["kk"], ["ok", "ok"], ["got", "it"], ["alright"], ["cool"], ["i", "see"],
    ["fine"],
    ["sure"], ["yes"], ["yeah"], ["yep"], ["yup"], ["ah", "ok"], ["oh"], ["oh", "ok"], ["hmm"], ["hmmm"],
    ["right"],
    ["understood"], ["makes", "sense"], ["sounds", "good"], ["ok", "then"], ["fine", "i", "guess"],
    ["whatever"],
    ["maybe"], ["idk"], ["i", "do", "not", "know"], ["lol"], ["lmao"], ["wow"], ["huh"], ["ugh"], ["noted"],
  ]

  /// The replies as typed at their longest: a closing one may follow a ``declining`` word.
  static let longestReplies =
    Array(acknowledging) + Array(greetings) + Array(thanksAlone) + Array(goodbyesAlone)
    + Array(identityQuestions)
    + closing.union(thankingGoodbyes).map { [declining.max { $0.utf8.count < $1.utf8.count } ?? ""] + $0 }
  /// The most words of any reply above: a longer message is never one of them.
  static let longestReplyWords = longestReplies.map(\.count).max() ?? 0
  /// The most bytes a reply can take as typed: its words, spaces, and as much again for
  /// punctuation, repeated letters and capitals' spacing ("Nooo, thanks!!").
  static let longestReplyBytes = 2 * (longestReplies.map { $0.joined(separator: " ").utf8.count }.max() ?? 0)

  /// Whether `words` decline more or end: a closing reply, alone or after "no", "nope"…
  static func isClosing(_ words: [String]) -> Bool { isReply(words, among: closing) }

  /// Whether `words` thank and say goodbye, alone or after "no", "ok"… ("no thanks, bye").
  static func isThankingGoodbye(_ words: [String]) -> Bool { isReply(words, among: thankingGoodbyes) }

  /// Whether `words` are one of `replies`, alone or after a ``declining`` word.
  private static func isReply(_ words: [String], among replies: Set<[String]>) -> Bool {
    if replies.contains(words) { return true }
    guard words.count > 1, let first = words.first, declining.contains(first) else { return false }
    return replies.contains(Array(words.dropFirst()))
  }

  /// A polite close or an invitation to ask when the whole message is one of the replies; nil
  /// otherwise.
  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    // A message longer than any reply, with room for punctuation, is not one.
    guard turn.question.utf8.count <= Self.longestReplyBytes else { return nil }
    // The words as typed, already normalised by the turn's analysis (no typo correction, no
    // synonyms: the pack may read "k" as ketamine).
    let words = turn.analysis.surface
    guard !words.isEmpty, words.count <= Self.longestReplyWords else { return nil }
    let title = resources.knowledge.document.title
    let text: String
    let reason: String
    if Self.isThankingGoodbye(words) {
      text = "You're welcome. Goodbye, and take care!"
      reason = "thanks with a goodbye: the conversation ends"
    } else if Self.isClosing(words) {
      text =
        turn.context.lastAnswer == nil
        ? "All right. Ask me about \"\(title)\" whenever you like."
        : "All right. If anything else comes up, just ask."
      reason = "a short reply that declines more or ends, read after the previous answer"
    } else if Self.acknowledging.contains(words) {
      text =
        words == ["yes"] || words == ["yeah"] || words == ["yep"] || words == ["yup"] || words == ["sure"]
        ? "Sure: what would you like to know about \"\(title)\"?"
        : "OK. Ask me another question about \"\(title)\" whenever you're ready."
      reason = "a short acknowledgement, not a question"
    } else if let reply = Self.builtInSmallTalk(words, title: title),
      !ClassifierStage.answers(turn.reading, resources)
    {
      text = reply.0
      reason = reply.1
    } else {
      return nil
    }
    // No intent answered (kind fallback, intent null), but the reply is conversation, not an
    // "I don't know": a client showing "did you mean" for fallbacks must not do it here.
    let answer = Answer(
      kind: .fallback, intent: nil, confidence: 1, text: text,
      candidates: resources.candidates(turn.prediction),
      truncated: turn.truncated, category: .smallTalk)
    return StageResult(answer: answer, reason: reason, passages: [])
  }

  /// The engine's own reply to a greeting, thanks or a goodbye, with its reason; nil for any
  /// other message. Asked only when no intent of the pack answers the message.
  static func builtInSmallTalk(_ words: [String], title: String) -> (String, String)? {
    if greetings.contains(words) {
      return (
        "Hello! Ask me anything about \"\(title)\".", "a greeting, and no intent of the pack answers it"
      )
    }
    if thanksAlone.contains(words) {
      return (
        "You're welcome. Ask me anything else about \"\(title)\" whenever you like.",
        "thanks, and no intent of the pack answers it"
      )
    }
    if identityQuestions.contains(words) {
      return (
        "I'm a bot that answers questions from \"\(title)\", and only from it. Ask me about what it covers.",
        "a question about the bot, and no intent of the pack answers it"
      )
    }
    if goodbyesAlone.contains(words) {
      return ("Goodbye, and take care!", "a goodbye, and no intent of the pack answers it")
    }
    return nil
  }
}
