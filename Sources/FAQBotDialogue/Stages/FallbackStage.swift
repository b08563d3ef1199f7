import FAQBotCore

/// The last stage, which always answers: an honest "not covered", pointing to a qualified
/// professional and offering the closest intents as "did you mean".
public struct FallbackStage: DialogueStage {
  /// Identifies the stage (``DialogueStage/name``).
  public let name = "fallback"

  /// The stage; it keeps no state of its own.
  public init() {}

  /// Always an answer: "not covered" with the closest intents' first examples as offers
  /// ("did you mean"), or "I didn't catch a question" for a message without words.
  public func respond(to turn: Turn, resources: EngineResources) -> StageResult? {
    let prediction = turn.prediction
    let candidates = resources.candidates(prediction)
    guard !turn.analysis.words.isEmpty else {
      let answer = Answer(
        kind: .fallback, intent: nil, confidence: 0,
        text: "I didn't catch a question. Ask me about \"\(resources.knowledge.document.title)\".",
        candidates: candidates, truncated: turn.truncated)
      return StageResult(answer: answer, reason: "the message has no words to match", passages: [])
    }
    // "Did you mean": the closest answerable intents; never a crisis or refusal prompt, and
    // a not-covered intent only when it asks about the document's subject: a draft's
    // catch-all of off-topic questions ("what's the weather like tomorrow") is no offer.
    let configuration = resources.configuration
    var offers: [String] = []
    if prediction.hasEvidence {
      for index in prediction.ranking.prefix(configuration.fallbackOfferDepth)
      where offers.count < configuration.fallbackOfferCount {
        let intent = resources.pack.intents[index]
        guard intent.kind == .faq || intent.kind == .notCovered, let example = intent.examples.first,
          intent.kind == .faq || Self.asksAboutTheDocument(example, resources: resources)
        else {
          continue
        }
        if offers.isEmpty || prediction.probabilities[index] >= configuration.fallbackOfferMinimum {
          offers.append(example)
        }
      }
    }
    // The best candidate's, so a pack's safety intent (never answered by the classifier, and
    // left out of the candidates) cannot be the "best intent" a fallback reports.
    let confidence = prediction.hasEvidence ? candidates.first?.confidence ?? 0 : 0
    let answer = Answer(
      kind: .fallback, intent: nil, confidence: confidence, text: resources.fallbackText,
      candidates: candidates, suggestions: offers, truncated: turn.truncated)
    let reason =
      prediction.hasEvidence
      ? "the best intent's confidence \(Percent(confidence)) is below the threshold "
        + "\(Percent(resources.configuration.threshold)) and no passage covers the question"
      : "no word of the question occurs in the pack's examples, and no passage covers it"
    return StageResult(answer: answer, reason: reason, passages: [])
  }

  /// Whether `question` names the document's main subject ("How much does *ketamine*
  /// therapy cost?"), or, in a pack without one, uses a word of the document.
  static func asksAboutTheDocument(_ question: String, resources: EngineResources) -> Bool {
    let analysis = resources.analyzer.analyze(question)
    let anchors = resources.subjects.anchors
    if !anchors.isEmpty { return analysis.stems.contains(where: anchors.contains) }
    return resources.subjects.foreignSubject(of: analysis, analyzer: resources.analyzer) == nil
  }
}
