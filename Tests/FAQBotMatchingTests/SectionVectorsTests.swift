import FAQBot
import FAQBotTestSupport
import XCTest

@testable import FAQBotMatching

/// The static token vectors' reading of a document: sections found by meaning when the
/// question shares no word with them, and question words the document talks about in other
/// words.
final class SectionVectorsTests: XCTestCase {
  private func knowledge() throws -> KnowledgeBase {
    let document = try KnowledgeTestSupport.build(
      """
      A Small Guide

      Updating software

      Upgrade every installed package to its newest version with one command. Outdated
      programs are listed first, so you can see what will change.

      Growing tomatoes

      Tomatoes need full sun and regular watering. Basil grows well beside tomatoes, and
      ladybirds protect the garden from aphids.

      Making it faster

      The tool was rewritten so that every command runs faster.
      """)
    return KnowledgeBase(document: document)
  }

  func testASectionIsFoundByMeaningWithNoWordInCommon() throws {
    let knowledge = try knowledge()
    let analyzer = TextAnalyzer(pack: IntentPack(intents: []), knowledge: knowledge)
    let vectors = try XCTUnwrap(SectionVectors.embedded(knowledge: knowledge, analyzer: analyzer))
    let question = try XCTUnwrap(vectors.vector(of: analyzer.analyze("how do i refresh my apps")))
    let nearest = vectors.nearest(question)
    let software = try XCTUnwrap(nearest["updating-software"])
    let garden = try XCTUnwrap(nearest["growing-tomatoes"])
    XCTAssertGreaterThan(software.cosine, garden.cosine)
    XCTAssertTrue(software.paragraphId.hasPrefix("updating-software."))
    // Stop words alone have no vector: nothing to compare.
    XCTAssertNil(vectors.vector(of: analyzer.analyze("how do i")))
  }

  func testEverySectionWithAQuestionWordIsAHit() throws {
    let knowledge = try knowledge()
    let analyzer = TextAnalyzer(pack: IntentPack(intents: []), knowledge: knowledge)
    let retriever = SectionRetriever(knowledge: knowledge, analyzer: analyzer)
    let hits = retriever.hits(analyzer.analyze("which command upgrades tomatoes").stems)
    XCTAssertEqual(Set(hits.map(\.sectionId)), ["updating-software", "growing-tomatoes", "making-it-faster"])
    XCTAssertEqual(
      retriever.search(analyzer.analyze("which command upgrades tomatoes").stems)?.sectionId,
      hits.max { ($0.score, $0.coverage) < ($1.score, $1.coverage) }?.sectionId)
  }

  func testAWordNearADocumentWordIsNearerThanAnUnrelatedOne() throws {
    let neighbours = try XCTUnwrap(DocumentNeighbours.embedded(knowledge: try knowledge()))
    let speed = try XCTUnwrap(neighbours.nearestCosine(to: "speed"))
    let banking = try XCTUnwrap(neighbours.nearestCosine(to: "mortgage"))
    XCTAssertGreaterThan(speed, banking)
    XCTAssertTrue(neighbours.isNear("speed", cosine: speed))
    XCTAssertFalse(neighbours.isNear("speed mortgage", cosine: (speed + banking) / 2))
    // A rare name splits into pieces: no reading, never near.
    XCTAssertNil(neighbours.nearestCosine(to: "zqxvbnmk"))
    XCTAssertFalse(neighbours.isNear("zqxvbnmk", cosine: -1))
    // A document word is its own nearest neighbour (cosine 1, up to the rows' halves), and the
    // kernel's search agrees with plain float arithmetic on the same rows.
    XCTAssertEqual(try XCTUnwrap(neighbours.nearestCosine(to: "tomatoes")), 1, accuracy: 2e-3)
    let vectors = try XCTUnwrap(TokenVectors.embedded)
    func unit(_ word: String) throws -> [Float] {
      var pieces: [Int32] = []
      vectors.appendPieces(of: word, to: &pieces)
      let row = vectors.row(try XCTUnwrap(pieces.first))
      let values = (0..<vectors.dimensions).map { Float(row[$0]) * vectors.scales[$0] }
      let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return values.map { $0 / norm }
    }
    let (speedRow, fasterRow) = (try unit("speed"), try unit("faster"))
    let plain = Double(zip(speedRow, fasterRow).reduce(Float(0)) { $0 + $1.0 * $1.1 })
    XCTAssertGreaterThanOrEqual(
      speed, plain - 2e-3, "\"faster\" is a document word, so speed is at least that near")
  }
}
