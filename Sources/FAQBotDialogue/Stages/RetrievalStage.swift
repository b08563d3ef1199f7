import FAQBotCore
import FAQBotIntents

/// When no intent is confident: a passage of the document that holds most of what the
/// question asks about is quoted, with its source.
public struct RetrievalStage: DialogueStage {
  public let name = "retrieval"

  public init() {}

  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    guard let hit = resources.retriever.search(turn.analysis.stems, limit: 1).first,
      hit.coverage >= resources.configuration.passageCoverage,
      let passage = resources.knowledge.passage(hit.passageId)
    else { return nil }
    // Offer the questions of intents that draw on the same section.
    let related = resources.pack.intents.filter { intent in
      intent.kind == .faq
        && intent.answer.knowledge.contains {
          resources.knowledge.passage($0)?.sectionId == passage.sectionId
        }
    }
    let (text, sources) = resources.render(Reply(text: nil, knowledge: [passage.id]))
    let answer = Answer(
      kind: .knowledge, intent: nil,
      confidence: resources.configuration.retrievalCalibration.probability(hit.coverage),
      text: text, sources: sources,
      candidates: resources.candidates(turn.prediction),
      suggestions: Array(related.compactMap(\.examples.first).prefix(3)), truncated: turn.truncated)
    let reason =
      "no intent reached the threshold; passage \(passage.id) holds \(Percent(hit.coverage)) of the question's "
      + "content words (needs \(Percent(resources.configuration.passageCoverage)))"
    return StageResult(answer: answer, reason: reason, passages: [passage.id])
  }
}
