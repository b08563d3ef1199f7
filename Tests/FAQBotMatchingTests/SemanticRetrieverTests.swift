import FAQBot
import FAQBotTestSupport
import XCTest

@testable import FAQBotMatching

/// The encoder's passage search of a knowledge-only pack: a paragraph scored with its nearest
/// sentence (so one sentence of a long paragraph is found), and the lead over other sections
/// that the retrieval and subject stages weigh.
final class SemanticRetrieverTests: XCTestCase {
  private func knowledge() throws -> KnowledgeBase {
    let document = try KnowledgeTestSupport.build(
      """
      A Small Guide

      Looking after the garden

      Tomatoes need full sun and regular watering through the summer. Basil grows well beside
      them and keeps some pests away. Ladybirds protect the plants from aphids. Compost the
      beds every spring. To keep slugs off the lettuce, put copper tape around the raised bed.

      Updating software

      Upgrade every installed package to its newest version with one command.
      """)
    return KnowledgeBase(document: document)
  }

  private func retriever(_ knowledge: KnowledgeBase) throws -> (SemanticRetriever, SentenceEncoder) {
    let encoder = try SentenceEncoder.embedded()
    return (SemanticRetriever(knowledge: knowledge, encoder: encoder), encoder)
  }

  func testOneSentenceOfALongParagraphIsFoundAndItsSectionLeads() throws {
    let knowledge = try knowledge()
    let (retriever, encoder) = try retriever(knowledge)
    let question = try XCTUnwrap(
      EncoderHead.encode(["how do i stop slugs eating my lettuce"], with: encoder).first)
    let hits = retriever.search(question, limit: retriever.count)
    XCTAssertEqual(hits.count, 2, "one paragraph a section")
    let nearest = try XCTUnwrap(retriever.nearest(question))
    XCTAssertEqual(nearest.hit.sectionId, "looking-after-the-garden")
    XCTAssertEqual(nearest.hit, hits[0])
    // The lead is the distance to the best paragraph of the other section.
    XCTAssertEqual(nearest.lead, hits[0].cosine - hits[1].cosine, accuracy: 1e-6)
    XCTAssertGreaterThan(nearest.lead, 0.1)
    // The paragraph's score is its own cosine averaged with its nearest sentence's, which the
    // slug sentence alone is nearer than the whole paragraph.
    let paragraphText =
      "Looking after the garden. " + (knowledge.passage(nearest.hit.paragraphId)?.text ?? "")
    let paragraph = try XCTUnwrap(EncoderHead.encode([paragraphText], with: encoder).first)
    let paragraphCosine = zip(paragraph, question).reduce(Float(0)) { $0 + $1.0 * $1.1 }
    XCTAssertGreaterThan(nearest.hit.cosine, paragraphCosine + 0.02, "the nearest sentence raises the score")
  }

  func testStoredVectorsGiveTheSameSearchAndVectorsThatDoNotFitAreRefused() throws {
    let knowledge = try knowledge()
    let (retriever, encoder) = try retriever(knowledge)
    let stored = retriever.storedVectors
    let restored = try XCTUnwrap(
      SemanticRetriever(knowledge: knowledge, storedVectors: stored, dimensions: encoder.dimensions))
    let question = try XCTUnwrap(EncoderHead.encode(["when do i water tomatoes"], with: encoder).first)
    XCTAssertEqual(restored.search(question, limit: 5), retriever.search(question, limit: 5))
    // Vectors of another document (one row short), of another length, or not finite.
    XCTAssertNil(
      SemanticRetriever(
        knowledge: knowledge, storedVectors: Array(stored.dropLast(encoder.dimensions)),
        dimensions: encoder.dimensions))
    XCTAssertNil(SemanticRetriever(knowledge: knowledge, storedVectors: stored, dimensions: 0))
    var damaged = stored
    damaged[7] = .nan
    XCTAssertNil(
      SemanticRetriever(knowledge: knowledge, storedVectors: damaged, dimensions: encoder.dimensions))
  }

  func testASingleSectionLeadsByItsWholeScore() throws {
    let document = try KnowledgeTestSupport.build(
      """
      A Note

      Updating software

      Upgrade every installed package to its newest version with one command.
      """)
    let knowledge = KnowledgeBase(document: document)
    let (retriever, encoder) = try retriever(knowledge)
    let question = try XCTUnwrap(EncoderHead.encode(["how do i upgrade my packages"], with: encoder).first)
    let nearest = try XCTUnwrap(retriever.nearest(question))
    XCTAssertEqual(nearest.lead, nearest.hit.cosine)
    XCTAssertNil(retriever.nearest([1, 0, 0]), "a vector of another length finds nothing")
  }
}
