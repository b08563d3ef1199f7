import FAQBotCore
import FAQBotIntents
import FAQBotKnowledge
import FAQBotMatching
import Foundation

/// When no intent is confident: a passage of the document that holds most of what the
/// question asks about is quoted, with its source.
public struct RetrievalStage: DialogueStage {
  /// Identifies the stage (``DialogueStage/name``).
  public let name = "retrieval"

  /// The stage; it keeps no state of its own.
  public init() {}

  /// The best passage (in a knowledge-only pack, the best section's paragraph), quoted with
  /// its source, when it covers enough of the question; nil otherwise.
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
    let lexical = retriever.search(turn.analysis.stems).flatMap { hit in
      hit.coverage >= configuration.sectionCoverage || hit.titleCoverage >= configuration.sectionTitleCoverage
        ? hit : nil
    }
    let semantic = turn.sentence.flatMap { resources.semanticRetriever?.search($0).first }
    // The encoder mode: the nearest paragraph answers when it is close enough, unless the
    // lexical match is strong; the lexical match alone otherwise.
    if let semantic, semantic.cosine >= Float(configuration.semanticCosine),
      (lexical?.coverage ?? 0) < configuration.semanticOverride,
      let first = resources.knowledge.passage(semantic.paragraphId)
    {
      let reason =
        "no intents (knowledge only); paragraph \(first.id) is nearest the question in meaning (cosine "
        + "\(String(format: "%.2f", semantic.cosine)), needs \(String(format: "%.2f", configuration.semanticCosine)))"
      return sectionAnswer(
        from: first, confidence: Double(semantic.cosine), reason: reason, turn: turn, resources: resources)
    }
    guard let hit = lexical, let first = resources.knowledge.passage(hit.paragraphId) else { return nil }
    let reason =
      "no intents (knowledge only); section \(hit.sectionId) holds \(Percent(hit.coverage)) of the question's "
      + "content words, its heading \(Percent(hit.titleCoverage)) (needs \(Percent(configuration.sectionCoverage)) "
      + "or \(Percent(configuration.sectionTitleCoverage)) in the heading)"
    return sectionAnswer(
      from: first, confidence: hit.coverage, reason: reason, turn: turn, resources: resources)
  }

  /// A paragraph as the answer, with the next one when it is short.
  private func sectionAnswer(
    from first: KnowledgeBase.Passage, confidence: Double, reason: String, turn: Turn,
    resources: EngineResources
  ) -> StageResult {
    let configuration = resources.configuration
    var passages = [first]
    if first.text.count < configuration.shortParagraphCharacters,
      let next = resources.knowledge.paragraph(after: first.id)
    {
      passages.append(next)
    }
    let answer = Answer(
      kind: .knowledge, intent: nil, confidence: min(1, max(0, confidence)),
      text: passages.map { $0.text }.joined(separator: "\n\n"),
      sources: passages.map { Answer.Source(id: $0.id, section: $0.sectionTitle) },
      candidates: [], suggestions: [], truncated: turn.truncated)
    return StageResult(answer: answer, reason: reason, passages: passages.map { $0.id })
  }
}
