import FAQBot
import FAQBotTestSupport
import XCTest

@testable import FAQBotKnowledge

/// The Markdown reader (cmark-gfm) on a fixture holding each construct once: what becomes a
/// section or a sentence, what is removed with which reason, and where ranges point.
final class MarkdownReaderTests: XCTestCase {
  private static let fixture = KnowledgeTestSupport.repositoryRoot
    .appendingPathComponent("Tests/Fixtures/markdown/garden.md")

  private func build() throws -> (KnowledgeDocument, [UInt8]) {
    let bytes = Array(try Data(contentsOf: Self.fixture))
    return (try KnowledgeBuilder().build(bytes: bytes, fileName: "garden.md"), bytes)
  }

  private func sentences(_ document: KnowledgeDocument, _ section: String) -> [KnowledgeDocument.Sentence] {
    document.sections.first { $0.id == section }?.paragraphs.flatMap(\.sentences) ?? []
  }

  func testHeadingsOfEveryLevelBecomeSectionsWithTheirLevel() throws {
    let (document, _) = try build()
    XCTAssertEqual(document.title, "Growing Tomatoes")
    XCTAssertEqual(
      document.sections.map(\.id),
      ["introduction", "watering", "drip-irrigation", "pests", "harvest", "storage"])
    XCTAssertEqual(document.sections.map(\.level), [nil, 2, 3, 2, 2, 2])
  }

  func testInlineLinksKeepTheirTextAndRecordTheirTarget() throws {
    let (document, _) = try build()
    let intro = sentences(document, "introduction")
    XCTAssertEqual(
      intro.map(\.text), ["Tomatoes need sun.", "A tomato is a fruit; see the glossary for the term."])
    XCTAssertEqual(intro[1].links, [.init(text: "the glossary", url: "glossary.md#fruit")])
    let harvest = sentences(document, "harvest")
    XCTAssertEqual(
      harvest.map(\.text), ["Pick the fruit when it is fully red, as https://example.org/harvest explains."])
    XCTAssertEqual(harvest[0].links?.first?.url, "https://example.org/harvest")
  }

  func testEmphasisCodeAndListMarkersAreNotServedAndListItemsAreSentences() throws {
    let (document, _) = try build()
    XCTAssertEqual(
      sentences(document, "watering").map(\.text),
      [
        "Water the plants deeply twice a week with drip lines.", "Check the soil daily",
        "Water in the morning.",
      ])
    let list = try XCTUnwrap(document.sections.first { $0.id == "watering" }?.paragraphs.last)
    XCTAssertEqual(list.text, "Check the soil daily; Water in the morning.")
  }

  func testTableRowsBecomeSentencesNamingTheirColumns() throws {
    let (document, _) = try build()
    XCTAssertEqual(
      sentences(document, "pests").map(\.text),
      ["Pest: Aphids; Remedy: Soap spray", "Pest: Hornworms; Remedy: Pick by hand"])
  }

  func testImagesCommentsHTMLFrontMatterAndTableOfContentsAreRemovedWithReasons() throws {
    let (document, bytes) = try build()
    let reasons = document.removed.map { $0.reason.prefix(while: { $0 != ":" }) }
    XCTAssertEqual(
      reasons, ["front matter", "navigation", "image", "HTML comment", "HTML block"], "\(document.removed)")
    XCTAssertTrue(document.removed[2].text.hasPrefix("![A watering can]"))
    XCTAssertTrue(document.removed[3].text.hasPrefix("<!--"))
    XCTAssertTrue(document.removed[4].text.hasPrefix("<aside"))
    for removal in document.removed {
      XCTAssertEqual(KnowledgeBuilder.text(bytes, removal.range.start..<removal.range.end), removal.text)
    }
    let served = document.sections.flatMap { $0.paragraphs.map(\.text) }.joined(separator: " ")
    for marker in ["![", "<!--", "{:toc}", "pull quote", "title:", "**", "`", "- Check"] {
      XCTAssertFalse(served.contains(marker), "\(marker) is served")
    }
  }

  func testRangesPointAtTheSourceTextEachSentenceCameFrom() throws {
    let (document, bytes) = try build()
    for section in document.sections {
      if let range = section.range {
        XCTAssertEqual(KnowledgeBuilder.text(bytes, range.start..<range.end), section.title)
      }
      for sentence in section.paragraphs.flatMap(\.sentences) {
        let source = KnowledgeBuilder.text(bytes, sentence.range.start..<sentence.range.end)
        // A table row's sentence also names its columns, from the header row.
        let cells = sentence.text.split(separator: "; ").map { $0.split(separator: ": ").last ?? $0 }
        let words = cells.flatMap { $0.split(whereSeparator: { !$0.isLetter }) }
        XCTAssertTrue(source.hasPrefix(words.first.map(String.init) ?? "") || source.hasPrefix("|"), source)
        for word in words { XCTAssertTrue(source.contains(word), "\(word) not in \(source)") }
      }
    }
    let watering = sentences(document, "watering")[0]
    XCTAssertEqual(
      KnowledgeBuilder.text(bytes, watering.range.start..<watering.range.end),
      "Water the plants **deeply** twice a week with `drip lines`.")
  }

  func testAHeadingWithNothingUnderItIsWarnedAbout() throws {
    let (document, _) = try build()
    XCTAssertEqual(document.warnings?.count, 1)
    XCTAssertTrue(document.warnings?.first?.contains("\"Storage\"") ?? false, "\(document.warnings ?? [])")
    XCTAssertTrue(document.sections.contains { $0.id == "storage" && $0.paragraphs.isEmpty })
  }

  func testPlainTextIsReadByThePlainTextRulesAndTheFormatCanBeForced() throws {
    let text = "Title Here\n\nSome text with [a link](https://example.org) in it.\n"
    let plain = try KnowledgeBuilder().build(bytes: Array(text.utf8), fileName: "notes.txt")
    XCTAssertTrue(plain.removed.contains { $0.reason == CleaningRules.Reason.bareLink })
    let markdown = try KnowledgeBuilder().build(
      bytes: Array(text.utf8), fileName: "notes.txt", format: .markdown)
    XCTAssertEqual(
      markdown.sections.flatMap(\.paragraphs).map(\.text), ["Title Here", "Some text with a link in it."])
    XCTAssertEqual(KnowledgeFormat(fileName: "Guide.MARKDOWN"), .markdown)
    XCTAssertEqual(KnowledgeFormat(fileName: "guide.txt"), .text)
  }
}
