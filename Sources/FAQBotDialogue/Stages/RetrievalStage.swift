import FAQBotCore
import FAQBotIntents
import FAQBotMatching

/// When no intent is confident: a passage of the document that holds most of what the
/// question asks about is quoted, with its source.
public struct RetrievalStage: DialogueStage {
  public let name = "retrieval"

  public init() {}

  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    if let sections = resources.sectionRetriever {
      return respondFromSections(to: turn, retriever: sections, resources: resources)
    }
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

extension RetrievalStage {
  /// A knowledge-only pack: the best section's best paragraph (with the next one when it is
  /// short), if the section holds enough of the question or its heading nearly repeats it.
  func respondFromSections(
    to turn: Turn, retriever: SectionRetriever, resources: EngineResources
  ) -> StageResult? {
    let configuration = resources.configuration
    guard let hit = retriever.search(turn.analysis.stems),
      hit.coverage >= configuration.sectionCoverage
        || hit.titleCoverage >= configuration.sectionTitleCoverage,
      let first = resources.knowledge.passage(hit.paragraphId)
    else { return nil }
    var passages = [first]
    if first.text.count < configuration.shortParagraphCharacters,
      let next = resources.knowledge.paragraph(after: first.id)
    {
      passages.append(next)
    }
    let answer = Answer(
      kind: .knowledge, intent: nil, confidence: min(1, hit.coverage),
      text: passages.map { $0.text }.joined(separator: "\n\n"),
      sources: passages.map { Answer.Source(id: $0.id, section: $0.sectionTitle) },
      candidates: [], suggestions: [], truncated: turn.truncated)
    let reason =
      "no intents (knowledge only); section \(hit.sectionId) holds \(Percent(hit.coverage)) of the question's "
      + "content words, its heading \(Percent(hit.titleCoverage)) (needs \(Percent(configuration.sectionCoverage)) "
      + "or \(Percent(configuration.sectionTitleCoverage)) in the heading)"
    return StageResult(answer: answer, reason: reason, passages: passages.map { $0.id })
  }
}
