import FAQBotCore
import FAQBotMatching

/// A question about a named thing the document never mentions ("what are the side effects of
/// Prozac?") is answered "not covered", naming that thing, before the classifier can answer
/// it from the document's own topic ("side effects" of ketamine). The check is
/// ``SubjectVocabulary``'s; it runs after safety, "tell me more" and the triggers, so a
/// crisis or a decline still wins, and it gives way when an intent that does not claim a
/// document answer (a decline, a not-covered or small-talk intent) is confident: those are
/// honest already, and their text is more specific.
public struct SubjectStage: DialogueStage {
  /// Identifies the stage (``DialogueStage/name``).
  public let name = "subject"

  /// The stage; it keeps no state of its own.
  public init() {}

  /// "Not covered", naming the subject, for a question about a thing the document never
  /// mentions; nil when there is none, the check is off, or a non-`faq` intent is confident.
  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    guard resources.configuration.subjectCheck, Self.applies(to: resources) else { return nil }
    guard let subject = resources.subjects.foreignSubject(of: turn.analysis, analyzer: resources.analyzer)
    else { return pointingBack(turn, resources: resources) }
    // A common word close in meaning to one the document uses is talked about there in other
    // words ("speed" beside "faster"): not another subject.
    if let neighbours = resources.documentNeighbours,
      neighbours.isNear(subject, cosine: resources.configuration.subjectCheckNeighbourCosine)
    {
      return nil
    }
    // A passage that really answers it wins: in a knowledge-only pack in the encoder mode, a
    // paragraph whose meaning is this close to the question's (its lead over other sections
    // weighed in, as the retrieval stage does) is the answer, whatever words the question
    // used (the document's words are all this check knows).
    if let sentence = turn.sentence, let best = resources.semanticRetriever?.nearest(sentence),
      Double(best.hit.cosine) + resources.configuration.semanticMarginWeight * Double(best.lead)
        >= resources.configuration.subjectCheckSemanticGiveWay
    {
      return nil
    }
    // The same in the fast mode, on the static token vectors (a weaker reading of meaning, so
    // its own cosine, ``EngineConfiguration/subjectCheckVectorGiveWay``).
    if turn.sentence == nil, let vectors = resources.sectionVectors,
      let question = vectors.vector(of: turn.analysis),
      let best = vectors.nearest(question).values.map(\.cosine).max(),
      best >= resources.configuration.subjectCheckVectorGiveWay
    {
      return nil
    }
    guard !Self.anotherIntentIsSure(turn, resources: resources) else { return nil }
    return Self.notCovered(
      Self.asTyped(subject, in: turn.question), turn: turn, resources: resources,
      reason:
        "the question is about \"\(subject)\", which neither the document nor an intent's examples mention")
  }

  /// Right after "the document doesn't say anything about Prozac", a short question that
  /// points back ("is it safe?", "are they addictive?") without naming the document's own
  /// subject is about Prozac too: answering it with ketamine's safety would be read as
  /// Prozac's.
  func pointingBack(_ turn: Turn, resources: EngineResources) -> StageResult? {
    guard let earlier = turn.context.foreignSubject else { return nil }
    let words = turn.analysis.words
    guard words.count <= resources.configuration.continuationWordLimit,
      words.contains(where: WordLists.anaphora.contains),
      !turn.analysis.stems.contains(where: resources.subjects.anchors.contains),
      !Self.anotherIntentIsSure(turn, resources: resources)
    else { return nil }
    return Self.notCovered(
      earlier, turn: turn, resources: resources,
      reason:
        "the question points back at \"\(earlier)\", which the previous answer said the document does not cover"
    )
  }

  /// "Not covered", naming `named`, which the next question may point back at.
  static func notCovered(_ named: String, turn: Turn, resources: EngineResources, reason: String)
    -> StageResult
  {
    let covers = resources.subjects.subjectName.map { "only covers \($0)" } ?? "covers its own subject"
    let text =
      "The document (\"\(resources.knowledge.document.title)\") \(covers); it doesn't say anything about "
      + "\(named). \(resources.fallbackAdvice)"
    let answer = Answer(
      kind: .fallback, intent: nil, confidence: resources.configuration.subjectCheckConfidence, text: text,
      candidates: resources.candidates(turn.prediction), truncated: turn.truncated, category: .notCovered)
    var result = StageResult(answer: answer, reason: reason, passages: [])
    result.foreignSubject = named
    return result
  }

  /// Whether an intent that claims no document answer (a decline, a not-covered or small-talk
  /// intent) is confident: those are honest already, and their text is more specific.
  static func anotherIntentIsSure(_ turn: Turn, resources: EngineResources) -> Bool {
    let configuration = resources.configuration
    // Small talk must be surer than the threshold: a question about another subject that
    // shares a word with a greeting ("is dayquil ok to take at *night*") reaches it.
    let smallTalkBar = max(
      configuration.threshold,
      Self.opensAsQuestion(turn)
        ? configuration.subjectCheckSmallTalkQuestionGiveWay : configuration.subjectCheckSmallTalkGiveWay)
    for reading in [turn.reading, turn.contextualReading].compactMap({ $0 }) {
      guard let best = reading.prediction.ranking.first, reading.prediction.hasEvidence else { continue }
      let kind = resources.pack.intents[best].kind
      let needed = kind == .smalltalk ? smallTalkBar : configuration.threshold
      if kind != .faq, reading.bestConfidence >= needed { return true }
    }
    return false
  }

  /// Whether the pack has a subject to hold questions to: a main subject its intents'
  /// examples share (``SubjectVocabulary/anchors``: "ketamine" in the default pack), or no
  /// intents at all (a knowledge-only pack, where the document's words are the subject). A
  /// pack of intents about many things (a banking assistant: CLINC150's 150 intents share
  /// no word) has none, and there a word no example uses is the open slot of a template
  /// ("transfer money from *woodforest*", "define *antebellum*"), not another subject:
  /// measured on CLINC150's test questions, the check named such a word in 371 of 4,500
  /// in-scope questions.
  static func applies(to resources: EngineResources) -> Bool {
    !resources.subjects.anchors.isEmpty || !resources.pack.intents.contains { $0.kind == .faq }
  }

  /// Words that open a question: a question word or an auxiliary put first.
  static let questionOpeners: Set<String> = [
    "is", "are", "was", "were", "does", "do", "did", "can", "could", "will", "would", "should", "has", "have",
    "what", "whats", "who", "whos", "why", "when", "where", "which", "how",
  ]

  /// Whether the message asks something: it ends with a question mark or opens with a
  /// question word or an auxiliary.
  static func opensAsQuestion(_ turn: Turn) -> Bool {
    if turn.question.last(where: { !$0.isWhitespace }) == "?" { return true }
    return turn.analysis.surface.first.map(questionOpeners.contains) ?? false
  }

  /// `subject` as the person wrote it ("Prozac"), found again in `question`; the lower-case
  /// words when it cannot be found (typographic apostrophes, Unicode folding).
  static func asTyped(_ subject: String, in question: String) -> String {
    // Lower-casing keeps byte offsets only for ASCII; anything else is shown as matched.
    guard question.utf8.allSatisfy({ $0 < 0x80 }) else { return subject }
    let lower = Array(question.lowercased().utf8)
    let target = Array(subject.utf8)
    guard !target.isEmpty, lower.count >= target.count else { return subject }
    let bytes = Array(question.utf8)
    for start in 0...(lower.count - target.count)
    where lower[start..<start + target.count].elementsEqual(target) {
      return String(decoding: bytes[start..<start + target.count], as: UTF8.self)
    }
    return subject
  }
}
