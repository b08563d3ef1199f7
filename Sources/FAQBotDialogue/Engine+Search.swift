import FAQBotKnowledge

/// A passage of the document found by ``Engine/search(_:limit:)``.
public struct PassageMatch: Sendable, Equatable {
  /// The passage, with its id, level, text and section.
  public var passage: KnowledgeBase.Passage
  /// The retriever's BM25 score: comparable between passages of one query only.
  public var score: Double
  /// The share (`0...1`) of the query's content words found in the passage: comparable
  /// across queries, and what the retrieval stage thresholds on.
  public var coverage: Double

  /// A match as given.
  public init(passage: KnowledgeBase.Passage, score: Double, coverage: Double) {
    self.passage = passage
    self.score = score
    self.coverage = coverage
  }
}

extension Engine {
  /// The passages of the document that best match `query`, best first (at most `limit`).
  ///
  /// The same analysis and retriever as the retrieval stage, exposed so fronts that let a
  /// program search (the MCP `search` tool) never match on their own. The query is cut to
  /// the configured question length, as questions are.
  public func search(_ query: String, limit: Int = 5) -> [PassageMatch] {
    let limitCharacters = configuration.maxQuestionCharacters
    let text = query.count > limitCharacters ? String(query.prefix(limitCharacters)) : query
    let stems = resources.analyzer.analyze(text).stems
    return resources.retriever.search(stems, limit: max(0, limit)).compactMap { hit in
      resources.knowledge.passage(hit.passageId).map {
        PassageMatch(passage: $0, score: hit.score, coverage: hit.coverage)
      }
    }
  }
}
