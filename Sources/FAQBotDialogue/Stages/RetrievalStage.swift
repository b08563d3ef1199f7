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
    let (text, sources) = resources.render(Reply(text: nil, knowledge: Self.completed(passage, resources)))
    let answer = Answer(
      kind: .knowledge, intent: nil,
      confidence: resources.configuration.retrievalCalibration.probability(hit.coverage),
      text: text, sources: sources,
      candidates: resources.candidates(turn.prediction),
      suggestions: Array(related.compactMap(\.examples.first).prefix(3)), truncated: turn.truncated)
    let reason =
      "no intent reached the threshold; passage \(passage.id) holds \(Percent(hit.coverage)) of the question's "
      + "content words (needs \(Percent(resources.configuration.passageCoverage)))"
    // Every sentence quoted, the one a dependent passage was given with included.
    return StageResult(answer: answer, reason: reason, passages: sources.map(\.id))
  }

  /// The ids to quote for `passage`: itself, unless it only announces what follows ("The
  /// library is open at these times:"): then its paragraph, and the paragraph after that
  /// when the announcement ends the paragraph too (a list set as its own paragraph).
  static func completed(_ passage: KnowledgeBase.Passage, _ resources: EngineResources) -> [String] {
    guard passage.text.hasSuffix(":") else { return [passage.id] }
    guard let paragraph = resources.knowledge.passage(KnowledgeBase.paragraphId(of: passage.id)) else {
      return [passage.id]
    }
    if paragraph.text.hasSuffix(":"), let next = resources.knowledge.paragraph(after: paragraph.id) {
      return [paragraph.id, next.id]
    }
    return [paragraph.id]
  }
}

extension RetrievalStage {
  /// A knowledge-only pack: the best section's best paragraph (with the next one when it is
  /// short). Sections are ranked by their lexical score (``SectionRetriever``, relative to the
  /// best section's) mixed with the cosine of their paragraph nearest the question in meaning
  /// (the encoder's in the encoder mode, the static token vectors' in the fast mode); the
  /// best is answered from when it holds enough of the question's words, its heading nearly
  /// repeats the question, or its meaning is close enough.
  func respondFromSections(
    to turn: Turn, retriever: SectionRetriever, resources: EngineResources
  ) -> StageResult? {
    let configuration = resources.configuration
    let lexical = retriever.hits(turn.analysis.stems)
    let dense = denseHits(of: turn, resources: resources)
    let (weight, cosineNeeded, kind) =
      dense.semantic
      ? (configuration.semanticLexicalWeight, configuration.semanticCosine, "in meaning (encoder)")
      : (configuration.sectionVectorWeight, configuration.sectionVectorCosine, "in meaning (token vectors)")
    let bestScore = lexical.map(\.score).max() ?? 0
    var lexicalById: [String: SectionRetriever.Hit] = [:]
    for hit in lexical { lexicalById[hit.sectionId] = hit }
    var best: (id: String, mixed: Double)?
    var runnerUp = 0.0
    for id in resources.knowledge.document.sections.map(\.id) {
      let lexicalScore = lexicalById[id].map { bestScore > 0 ? $0.score / bestScore : 0 }
      let cosine = dense.hits[id]?.cosine
      guard lexicalScore != nil || cosine != nil else { continue }
      let mixed = (1 - weight) * (lexicalScore ?? 0) + weight * max(0, cosine ?? 0)
      if let current = best, current.mixed >= mixed {
        runnerUp = max(runnerUp, mixed)
        continue
      }
      if let current = best { runnerUp = max(runnerUp, current.mixed) }
      best = (id, mixed)
    }
    guard let best else { return nil }
    let words = lexicalById[best.id]
    let near = dense.hits[best.id]
    let wordsEnough =
      words.map {
        $0.coverage >= configuration.sectionCoverage || $0.titleCoverage >= configuration.sectionTitleCoverage
      } ?? false
    // In the encoder mode a section that stands out from the next one counts for more: a
    // question the document does not answer tends to be as near several sections.
    let margin = dense.semantic ? configuration.semanticMarginWeight * (best.mixed - runnerUp) : 0
    let meaningEnough = (near?.cosine ?? -1) + margin >= cosineNeeded
    guard wordsEnough || meaningEnough else { return nil }
    // The encoder's nearest paragraph; in the fast mode the paragraph holding the question's
    // words, else the one nearest in meaning.
    let preferred = dense.semantic || !wordsEnough ? near?.paragraphId : words?.paragraphId
    guard let paragraphId = preferred ?? words?.paragraphId ?? near?.paragraphId,
      let first = resources.knowledge.passage(paragraphId)
    else { return nil }
    let coverage = words?.coverage ?? 0
    let cosineText = near.map { String(format: "%.2f", $0.cosine) } ?? "none"
    let reason =
      "no intents (knowledge only); section \(best.id) ranks first (words and meaning mixed); it holds "
      + "\(Percent(coverage)) of the question's content words, its heading \(Percent(words?.titleCoverage ?? 0)) "
      + "(needs \(Percent(configuration.sectionCoverage)) or \(Percent(configuration.sectionTitleCoverage)) in the "
      + "heading), and its nearest paragraph \(kind) is at cosine \(cosineText)"
      + (dense.semantic ? String(format: " plus %.2f for its lead over the next section", margin) : "")
      + " (needs \(String(format: "%.2f", cosineNeeded)))"
    // The probability that such an answer is right, from the raw score it was chosen on
    // (docs/protocol.md, "Confidence"), not the raw score itself.
    let calibrated: Double
    switch (wordsEnough, dense.semantic) {
    case (true, true): calibrated = configuration.sectionWordsCalibration.probability(coverage)
    case (true, false): calibrated = configuration.sectionFastWordsCalibration.probability(coverage)
    case (false, true):
      calibrated = configuration.sectionMeaningCalibration.probability((near?.cosine ?? 0) + margin)
    case (false, false): calibrated = configuration.sectionVectorCalibration.probability(near?.cosine ?? 0)
    }
    return sectionAnswer(
      from: first, confidence: calibrated, reason: reason, turn: turn, resources: resources)
  }

  /// Each section's paragraph nearest the question in meaning: the encoder's vectors in the
  /// encoder mode (`semantic`), the static token vectors' in the fast mode.
  private func denseHits(
    of turn: Turn, resources: EngineResources
  ) -> (hits: [String: (paragraphId: String, cosine: Double)], semantic: Bool) {
    if let sentence = turn.sentence, let semantic = resources.semanticRetriever {
      var hits: [String: (paragraphId: String, cosine: Double)] = [:]
      for hit in semantic.search(sentence, limit: semantic.count) where hits[hit.sectionId] == nil {
        hits[hit.sectionId] = (hit.paragraphId, Double(hit.cosine))
      }
      return (hits, true)
    }
    guard let vectors = resources.sectionVectors, let question = vectors.vector(of: turn.analysis) else {
      return ([:], false)
    }
    return (vectors.nearest(question).mapValues { ($0.paragraphId, $0.cosine) }, false)
  }

  /// A paragraph as the answer, with the next one when it is short.
  private func sectionAnswer(
    from first: KnowledgeBase.Passage, confidence: Double, reason: String, turn: Turn,
    resources: EngineResources
  ) -> StageResult {
    let passages = resources.withShortFollower(first)
    let answer = Answer(
      kind: .knowledge, intent: nil, confidence: min(1, max(0, confidence)),
      text: passages.map { $0.text }.joined(separator: "\n\n"),
      sources: passages.map { Answer.Source(id: $0.id, section: $0.sectionTitle) },
      candidates: [], suggestions: [], truncated: turn.truncated)
    return StageResult(answer: answer, reason: reason, passages: passages.map { $0.id })
  }
}
