import FAQBot
import FAQBotTestSupport
import XCTest

@testable import FAQBotMatching

/// BM25 over the knowledge file's sentences, with coverage: the share of the question's
/// content words a passage holds, comparable across questions (what the retrieval stage
/// thresholds on), best first, function words ignored.
final class PassageRetrieverTests: XCTestCase {
  private func retriever() throws -> (PassageRetriever, TextAnalyzer) {
    let document = try KnowledgeTestSupport.build(
      """
      Gardening

      Tomatoes need full sun and regular watering. Basil grows well beside tomatoes.

      Pests

      Aphids gather under leaves in spring. Ladybirds eat aphids and protect the garden.
      """)
    let knowledge = KnowledgeBase(document: document)
    let analyzer = TextAnalyzer(pack: IntentPack(intents: []), knowledge: knowledge)
    return (PassageRetriever(knowledge: knowledge, analyzer: analyzer), analyzer)
  }

  func testTheSentenceHoldingTheWordsComesFirstWithFullCoverage() throws {
    let (retriever, analyzer) = try retriever()
    let hits = retriever.search(analyzer.analyze("what eats aphids").stems)
    let first = try XCTUnwrap(hits.first)
    XCTAssertTrue(first.passageId.hasPrefix("pests"), "\(hits)")
    XCTAssertEqual(first.coverage, 1, accuracy: 1e-9)
    XCTAssertEqual(hits.map(\.coverage), hits.map(\.coverage).sorted(by: >), "best first")
  }

  func testCoverageIsTheShareOfContentWordsFound() throws {
    let (retriever, analyzer) = try retriever()
    let hit = try XCTUnwrap(retriever.search(analyzer.analyze("do tomatoes need purple snow").stems).first)
    XCTAssertGreaterThan(hit.coverage, 0)
    XCTAssertLessThan(hit.coverage, 1, "purple and snow are not in the document")
  }

  func testFunctionWordsAloneFindNothing() throws {
    let (retriever, analyzer) = try retriever()
    XCTAssertEqual(retriever.search(analyzer.analyze("what is the and how").stems), [])
    XCTAssertEqual(retriever.search([]), [])
  }

  func testTheLimitCapsTheHits() throws {
    let (retriever, analyzer) = try retriever()
    XCTAssertLessThanOrEqual(
      retriever.search(analyzer.analyze("tomatoes aphids garden").stems, limit: 1).count, 1)
  }
}
