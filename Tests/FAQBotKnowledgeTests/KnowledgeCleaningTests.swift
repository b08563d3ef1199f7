import FAQBot
import FAQBotTestSupport
import XCTest

@testable import FAQBotKnowledge

/// The cleaning rules on documents of the tests' own: page furniture, promotion and
/// navigation go, each listed under `removed` with its reason; content that merely shares
/// a word with them stays.
final class KnowledgeCleaningTests: XCTestCase {
  private typealias Support = KnowledgeTestSupport
  private typealias Reason = CleaningRules.Reason

  private func removals(_ document: KnowledgeDocument) -> [(text: String, reason: String)] {
    document.removed.map { ($0.text, $0.reason) }
  }

  private func keptText(_ document: KnowledgeDocument) -> String {
    Support.paragraphTexts(document).joined(separator: "\n")
  }

  func testTheTitleRepeatedWithAPageNumberIsAPageArtefact() throws {
    let text = """
      Notes on Herbal Tea

      Brewing

      Use water just off the boil.

      Notes on Herbal Tea 2

      Let it steep for five minutes.

      Page 3 of 9

      Storage

      - 4 -

      Keep it in a dry tin.
      """
    let document = try Support.build(text)
    XCTAssertEqual(
      removals(document).map(\.text), ["Notes on Herbal Tea 2", "Page 3 of 9", "- 4 -"])
    XCTAssertEqual(Set(removals(document).map(\.reason)), [Reason.pageArtefact])
    // The artefact between "Storage" and its text does not make the heading a bare label.
    XCTAssertEqual(document.sections.map(\.id), ["brewing", "storage"])
    XCTAssertEqual(
      Support.paragraphTexts(document),
      ["Use water just off the boil.", "Let it steep for five minutes.", "Keep it in a dry tin."])
    Support.assertRangesSliceTheirText(document, source: Array(text.utf8))
  }

  func testALineThatMentionsTheTitleInASentenceIsKept() throws {
    let text = """
      Herbal Tea

      Brewing

      Herbal Tea 2 goes well with honey, says the label.
      """
    let document = try Support.build(text)
    XCTAssertTrue(document.removed.isEmpty, "\(removals(document))")
    XCTAssertEqual(Support.paragraphTexts(document), ["Herbal Tea 2 goes well with honey, says the label."])
  }

  func testPromotionalSentencesAndBareLinksAreRemovedFromTheirParagraph() throws {
    let text = """
      Herbal Tea

      Benefits

      Chamomile may help sleep. Learn even more by visiting this wonderful website we built for you. \
      Tea Shop Online https://tea.example.com/shop/. It is also mild.

      Peppermint can ease digestion. Subscribe to our newsletter for weekly tips.
      """
    let document = try Support.build(text)
    XCTAssertEqual(
      removals(document).map(\.text),
      [
        "Learn even more by visiting this wonderful website we built for you.",
        "Tea Shop Online https://tea.example.com/shop/.",
        "Subscribe to our newsletter for weekly tips.",
      ])
    XCTAssertEqual(removals(document).map(\.reason), [Reason.promotion, Reason.bareLink, Reason.promotion])
    // A removal inside a paragraph splits it, so each paragraph's range still slices its text.
    XCTAssertEqual(
      Support.paragraphTexts(document),
      ["Chamomile may help sleep.", "It is also mild.", "Peppermint can ease digestion."])
    XCTAssertEqual(Support.paragraphIds(document), ["benefits.p1", "benefits.p2", "benefits.p3"])
    Support.assertRangesSliceTheirText(document, source: Array(text.utf8))
  }

  func testLinksWithoutSchemeAreBareLinksToo() throws {
    let document = try Support.build("Tea\n\nTea is old. More at www.tea.example.org today. It is good.")
    XCTAssertEqual(removals(document).map(\.text), ["More at www.tea.example.org today."])
    XCTAssertEqual(removals(document).map(\.reason), [Reason.bareLink])
  }

  func testContentThatSharesWordsWithPromotionIsKept() throws {
    let sentences = [
      "Check the injection site for redness.",
      "Follow the guide your doctor gives you.",
      "Read the label before use.",
      "The source of the leaves matters.",
      "Patients visit the clinic twice a week.",
    ]
    let text = "Care Notes\n\nAftercare\n\n" + sentences.joined(separator: " ")
    let document = try Support.build(text)
    XCTAssertTrue(document.removed.isEmpty, "\(removals(document))")
    XCTAssertEqual(document.sections.flatMap(\.paragraphs).flatMap(\.sentences).map(\.text), sentences)
  }

  func testNavigationBoilerplateAtTheEndIsRemoved() throws {
    let text = """
      Herbal Tea

      Brewing

      Use water just off the boil.

      Explore the topic further with the related links below:

      Find out about green tea

      Browse this helpful guide
      """
    let document = try Support.build(text)
    XCTAssertEqual(
      removals(document).map(\.text),
      [
        "Explore the topic further with the related links below:", "Find out about green tea",
        "Browse this helpful guide",
      ])
    XCTAssertEqual(
      removals(document).map(\.reason), [Reason.listLeadIn, Reason.orphanLabel, Reason.orphanLabel])
    XCTAssertEqual(Support.paragraphTexts(document), ["Use water just off the boil."])
  }

  func testAHeadingWithTextUnderItIsNotALabel() throws {
    let text = """
      Herbal Tea

      Read This Before Brewing

      Use water just off the boil.

      Storage

      Keep the tin dry.
      """
    let document = try Support.build(text)
    XCTAssertTrue(document.removed.isEmpty, "\(removals(document))")
    XCTAssertEqual(document.sections.map(\.id), ["read-this-before-brewing", "storage"])
  }

  func testAColonLineFollowedByContentIsKept() throws {
    let text = "Tea\n\nSteps\n\nYou will need:\n\nA pot and fresh leaves."
    let document = try Support.build(text)
    XCTAssertTrue(document.removed.isEmpty, "\(removals(document))")
    XCTAssertEqual(Support.paragraphTexts(document), ["You will need:", "A pot and fresh leaves."])
  }

  func testTheCommittedArticleDropsExactlyItsFurniture() throws {
    let url = Support.repositoryRoot.appendingPathComponent("knowledge/ketamine-therapy.txt")
    let source = Array(try Data(contentsOf: url))
    let document = try KnowledgeBuilder().build(bytes: source, fileName: "ketamine-therapy.txt")
    let removed = removals(document)
    XCTAssertEqual(removed.count, 6, "\(removed)")
    XCTAssertEqual(removed.first?.reason, Reason.pageArtefact)
    XCTAssertTrue(removed.contains { $0.reason == Reason.bareLink && $0.text.contains("https://") })
    XCTAssertTrue(
      removed.contains { $0.reason == Reason.promotion && $0.text.hasPrefix("Delve even deeper") })
    let kept = keptText(document)
    for furniture in [
      "https://", "Delve", "Ketamine Therapy 1", "related links below", "Consult this", "Read more",
    ] {
      XCTAssertFalse(kept.contains(furniture), "kept text still has \(furniture)")
    }
    XCTAssertTrue(
      kept.contains("In conclusion, ketamine therapy"), "the conclusion after the promotion is kept")
    Support.assertRangesSliceTheirText(document, source: source)
  }

  func testEveryRemovalIsRecordedInSourceOrder() throws {
    let text = """
      Herbal Tea

      Brewing

      Use hot water. Visit our site for recipes.

      Herbal Tea 7

      Steep well.

      Related reading:

      Our favourite kettles
      """
    let document = try Support.build(text)
    let starts = document.removed.map(\.range.start)
    XCTAssertEqual(starts, starts.sorted())
    XCTAssertEqual(document.removed.count, 4, "\(removals(document))")
    Support.assertRangesSliceTheirText(document, source: Array(text.utf8))
  }
}
