import FAQBotCore

/// "Tell me more": gives the last intent's `follow_up`, then the next passages of the same
/// section, and says so honestly when the document has nothing more on the topic.
public struct FollowUpStage: DialogueStage {
  /// Identifies the stage (``DialogueStage/name``).
  public let name = "follow-up"

  /// Normalised messages that ask to continue the current topic.
  static let phrases: Set<[String]> = [
    ["more"], ["tell", "me", "more"], ["more", "please"], ["tell", "me", "more", "please"], ["go", "on"],
    ["continue"], ["elaborate"], ["more", "details"], ["more", "detail"], ["more", "info"],
    ["more", "information"], ["what", "else"], ["keep", "going"], ["say", "more"], ["explain", "more"],
    ["tell", "me", "more", "about", "it"], ["tell", "me", "more", "about", "that"], ["and"],
    ["anything", "else"], ["can", "you", "elaborate"], ["can", "you", "tell", "me", "more"], ["details"],
    ["go", "deeper"], ["more", "about", "that"], ["tell", "me", "more", "about", "this"],
  ]

  /// The stage; it keeps no state of its own.
  public init() {}

  /// More words than the longest phrase plus the fillers dropped below: not a request for more.
  static let longestRequest = (phrases.map(\.count).max() ?? 0) + 4

  /// The fillers a request for more may carry ("ok tell me more please").
  static let fillers: Set<String> = ["ok", "okay", "please", "so"]

  /// Every word of a request for more: a message with any other word is none, found with one
  /// cheap probe per word instead of hashing the whole message (most questions stop here).
  static let requestWords = WordSet(phrases.flatMap { $0 } + fillers)

  /// For a request for more: the topic's `follow_up`, else the section's next passages, else
  /// that the document has nothing more; "more about what?" without a topic. Nil for any
  /// other message.
  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    // Most questions are longer than any "tell me more": skip them before hashing anything.
    guard turn.analysis.words.count <= Self.longestRequest,
      turn.analysis.words.allSatisfy({ Self.requestWords.contains($0) })
    else { return nil }
    let words = turn.analysis.words.filter { !Self.fillers.contains($0) }
    guard Self.phrases.contains(words) || Self.phrases.contains(turn.analysis.words) else { return nil }
    // An exhausted topic stays the topic: asking for more again repeats that the document
    // has nothing more, not "more about what?". A crisis answer or small talk is no topic.
    guard turn.context.hasTopic, let last = turn.context.lastAnswer else {
      // After questions the document did not answer, "ask me a question first" would be wrong.
      let text =
        turn.context.lastQuestion == nil
        ? "More about what? Ask me a question first."
        : "More about what? The last answer had nothing from the document to continue; ask me a question about it."
      let answer = Answer(
        kind: .fallback, intent: nil, confidence: 0, text: text,
        candidates: resources.candidates(turn.prediction), truncated: turn.truncated)
      return StageResult(answer: answer, reason: "a request for more, with no earlier topic", passages: [])
    }
    let topic = turn.context.topicIntent
    if let intentId = topic, !turn.context.followUpGiven,
      let index = resources.pack.intents.firstIndex(where: { $0.id == intentId }),
      let followUp = resources.pack.intents[index].followUp
    {
      var result = resources.answer(intent: index, reply: followUp, confidence: last.confidence, turn: turn)
      result.reason = "a request for more after intent \(intentId): its follow_up"
      result.continuesTopic = true
      return result
    }
    let given = turn.context.givenPassages.isEmpty ? last.sources.map(\.id) : turn.context.givenPassages
    let next = resources.knowledge.continuation(after: given)
    if !next.isEmpty {
      let answer = Answer(
        kind: .knowledge, intent: topic, confidence: last.confidence,
        text: next.map(\.text).joined(separator: " "),
        sources: next.map { Answer.Source(id: $0.id, section: $0.sectionTitle) },
        candidates: resources.candidates(turn.prediction), suggestions: last.suggestions,
        truncated: turn.truncated)
      var result = StageResult(
        answer: answer, reason: "a request for more: what the section holds that was not shown yet",
        passages: next.map(\.id))
      result.continuesTopic = true
      return result
    }
    let section = given.last.flatMap { resources.knowledge.passage($0)?.sectionTitle } ?? "this topic"
    let answer = Answer(
      kind: .fallback, intent: nil, confidence: 1,
      text: "That is all the document says about \(section). \(resources.fallbackAdvice)",
      candidates: resources.candidates(turn.prediction), suggestions: last.suggestions,
      truncated: turn.truncated, category: .notCovered)
    var result = StageResult(
      answer: answer, reason: "a request for more, but every sentence of the section was shown", passages: [])
    result.continuesTopic = true
    return result
  }
}
