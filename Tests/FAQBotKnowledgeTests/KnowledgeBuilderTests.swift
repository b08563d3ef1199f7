import FAQBot
import FAQBotTestSupport
import XCTest

@testable import FAQBotKnowledge

/// Structure and ids: the title, sections, paragraphs and sentences the builder finds in
/// plain text and Markdown, and the byte ranges that tie each of them to the source.
final class KnowledgeBuilderTests: XCTestCase {
  private typealias Support = KnowledgeTestSupport

  private let plainTea = """
    A Short Guide to Tea

    Brewing Tea

    Boil fresh water. Pour it over the leaves, e.g. Green tea or black tea.

    Steep for 3.5 minutes. Dr. Lee suggests less for green tea.

    Side Effects

    Caffeine may keep you awake. Most people tolerate it well.

    """

  func testPlainTextTitleSectionsParagraphsAndSentences() throws {
    let document = try Support.build(plainTea, fileName: "tea.txt")
    XCTAssertEqual(document.format, KnowledgeDocument.currentFormat)
    XCTAssertEqual(document.title, "A Short Guide to Tea")
    XCTAssertEqual(document.sections.map(\.id), ["brewing-tea", "side-effects"])
    XCTAssertEqual(document.sections.map(\.title), ["Brewing Tea", "Side Effects"])
    XCTAssertEqual(Support.paragraphIds(document), ["brewing-tea.p1", "brewing-tea.p2", "side-effects.p1"])
    let brewing = try XCTUnwrap(document.sections.first)
    XCTAssertEqual(
      brewing.paragraphs[0].sentences.map(\.text),
      ["Boil fresh water.", "Pour it over the leaves, e.g. Green tea or black tea."])
    XCTAssertEqual(
      brewing.paragraphs[1].sentences.map(\.id), ["brewing-tea.p2.s1", "brewing-tea.p2.s2"])
    XCTAssertEqual(
      brewing.paragraphs[1].sentences.map(\.text),
      ["Steep for 3.5 minutes.", "Dr. Lee suggests less for green tea."])
    XCTAssertTrue(document.removed.isEmpty, "\(document.removed)")
    XCTAssertEqual(document.source.name, "tea.txt")
    XCTAssertEqual(document.source.bytes, plainTea.utf8.count)
    XCTAssertEqual(document.source.sha256, SHA256.hexDigest(of: Array(plainTea.utf8)))
  }

  func testMarkdownHeadingsMakeSectionsAndTextBeforeTheFirstIsAnIntroduction() throws {
    let markdown = """
      # Tea at Home

      Tea is the most widely drunk beverage after water.

      ## Brewing

      Boil the water.
      Pour it over the leaves.

      ### Cold brew

      Leave the leaves in cold water overnight.

      ## Side effects:

      Caffeine may keep you awake.
      """
    let document = try Support.build(markdown, fileName: "tea.md")
    XCTAssertEqual(document.title, "Tea at Home")
    XCTAssertEqual(document.sections.map(\.id), ["introduction", "brewing", "cold-brew", "side-effects"])
    XCTAssertEqual(document.sections.map(\.title), ["Tea at Home", "Brewing", "Cold brew", "Side effects:"])
    XCTAssertNil(document.sections[0].range, "the introduction has no heading of its own")
    // A wrapped paragraph stays one paragraph, with its line break inside.
    XCTAssertEqual(document.sections[1].paragraphs.map(\.text), ["Boil the water.\nPour it over the leaves."])
    XCTAssertEqual(document.sections[1].paragraphs[0].sentences.count, 2)
    Support.assertRangesSliceTheirText(document, source: Array(markdown.utf8))
  }

  func testADocumentWithoutHeadingsIsOneSectionTitledByItsFileName() throws {
    let text = """
      Tea is a drink made from leaves. People drink it hot or cold.

      It contains caffeine, which wakes people up.
      """
    let document = try Support.build(text, fileName: "notes/plain-notes.txt")
    XCTAssertEqual(document.title, "plain-notes")
    XCTAssertEqual(document.sections.count, 1)
    XCTAssertEqual(Support.paragraphIds(document), ["introduction.p1", "introduction.p2"])
    Support.assertRangesSliceTheirText(document, source: Array(text.utf8))
  }

  func testIdsAreReadableSlugs() throws {
    let text = """
      Title of the Guide

      What’s New in 2024?

      Text one.

      Café & Crème Brûlée

      Text two.

      Side Effects

      Text three.

      Side Effects

      Text four.
      """
    let document = try Support.build(text)
    XCTAssertEqual(
      document.sections.map(\.id),
      ["whats-new-in-2024", "cafe-creme-brulee", "side-effects", "side-effects-2"])
    for id in Support.paragraphIds(document) {
      XCTAssertTrue(id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "-.".contains($0)) }, id)
    }
  }

  func testAddingAParagraphToOneSectionChangesNoIdInAnother() throws {
    let before = try Support.build(plainTea)
    let edited = plainTea.replacingOccurrences(
      of: "Steep for 3.5 minutes.", with: "Warm the pot first.\n\nSteep for 3.5 minutes.")
    let after = try Support.build(edited)
    XCTAssertEqual(
      Support.paragraphIds(after), ["brewing-tea.p1", "brewing-tea.p2", "brewing-tea.p3", "side-effects.p1"])
    let sideEffectsBefore = try XCTUnwrap(before.sections.last)
    let sideEffectsAfter = try XCTUnwrap(after.sections.last)
    XCTAssertEqual(sideEffectsAfter.id, sideEffectsBefore.id)
    XCTAssertEqual(sideEffectsAfter.paragraphs.map(\.id), sideEffectsBefore.paragraphs.map(\.id))
    XCTAssertEqual(sideEffectsAfter.paragraphs.map(\.text), sideEffectsBefore.paragraphs.map(\.text))
    XCTAssertEqual(
      sideEffectsAfter.paragraphs.flatMap(\.sentences).map(\.id),
      sideEffectsBefore.paragraphs.flatMap(\.sentences).map(\.id))
  }

  func testAddingASectionChangesNoIdInTheOthers() throws {
    let before = try Support.build(plainTea)
    let edited = plainTea.replacingOccurrences(
      of: "Side Effects\n", with: "Storing Tea\n\nKeep it dry and dark.\n\nSide Effects\n")
    let after = try Support.build(edited)
    XCTAssertEqual(after.sections.map(\.id), ["brewing-tea", "storing-tea", "side-effects"])
    for section in before.sections {
      let same = try XCTUnwrap(after.sections.first { $0.id == section.id })
      XCTAssertEqual(
        same.paragraphs.flatMap(\.sentences).map(\.id), section.paragraphs.flatMap(\.sentences).map(\.id))
    }
  }

  func testEveryRangeSlicesExactlyItsTextOutOfTheSource() throws {
    let text = """
      Guide — Überblick

      Erste Schritte

      Große Tassen (ca. 300 ml) sind üblich. „Tee“ heißt “tea”. Fertig!

      Risks

      Café owners say “Stop. Wait.” often. Done.
      """
    let document = try Support.build(text)
    XCTAssertEqual(document.sections.count, 2)
    Support.assertRangesSliceTheirText(document, source: Array(text.utf8))
    let risks = try XCTUnwrap(document.sections.last?.paragraphs.first)
    XCTAssertEqual(risks.sentences.map(\.text), ["Café owners say “Stop. Wait.” often.", "Done."])
  }

  func testWindowsLineEndingsAndAByteOrderMarkAreHandled() throws {
    let unix = plainTea + "\nWrapped line one\nand line two.\n"
    let windows = "\u{FEFF}" + unix.replacingOccurrences(of: "\n", with: "\r\n")
    let expected = try Support.build(unix)
    let document = try Support.build(windows)
    XCTAssertEqual(document.title, "A Short Guide to Tea", "the BOM is not part of the title")
    XCTAssertEqual(document.sections.map(\.id), expected.sections.map(\.id))
    XCTAssertEqual(document.sections.map(\.title), expected.sections.map(\.title))
    XCTAssertEqual(Support.paragraphIds(document), Support.paragraphIds(expected))
    XCTAssertEqual(
      document.sections.flatMap(\.paragraphs).flatMap(\.sentences).map(\.text),
      expected.sections.flatMap(\.paragraphs).flatMap(\.sentences).map(\.text).map {
        $0.replacingOccurrences(of: "\n", with: "\r\n")
      })
    for text in Support.paragraphTexts(document) {
      XCTAssertFalse(text.hasSuffix("\r") || text.hasPrefix("\r") || text.hasPrefix("\u{FEFF}"), text)
    }
    XCTAssertEqual(document.sections.first?.range?.start, 3 + "A Short Guide to Tea\r\n\r\n".utf8.count)
    Support.assertRangesSliceTheirText(document, source: Array(windows.utf8))
  }

  func testBuildingTwiceGivesTheSameBytes() throws {
    let bytes = Array(plainTea.utf8)
    let first = KnowledgeFile.encode(try KnowledgeBuilder().build(bytes: bytes, fileName: "tea.txt"))
    let second = KnowledgeFile.encode(try KnowledgeBuilder().build(bytes: bytes, fileName: "tea.txt"))
    XCTAssertEqual(first, second)
    XCTAssertEqual(first.last, 0x0A, "the file ends with a newline")
    let text = String(decoding: first, as: UTF8.self)
    let format = try XCTUnwrap(text.range(of: "\"format\""))
    let sections = try XCTUnwrap(text.range(of: "\"sections\""))
    XCTAssertLessThan(format.lowerBound, sections.lowerBound, "keys are sorted")
  }

  func testTheKnowledgeFileRoundTrips() throws {
    let document = try Support.build(plainTea)
    let decoded = try KnowledgeFile.decode(KnowledgeFile.encode(document), fileName: "tea.json")
    XCTAssertEqual(decoded, document)
  }

  func testRebuildingTheArticleGivesTheCommittedKnowledgeFile() throws {
    let directory = Support.repositoryRoot.appendingPathComponent("knowledge")
    let source = try Data(contentsOf: directory.appendingPathComponent("ketamine-therapy.txt"))
    let committed = try Data(contentsOf: directory.appendingPathComponent("ketamine-therapy.json"))
    let document = try KnowledgeBuilder().build(bytes: Array(source), fileName: "ketamine-therapy.txt")
    XCTAssertEqual(
      KnowledgeFile.encode(document), Array(committed),
      "knowledge/ketamine-therapy.json is stale: run `faqbot knowledge build knowledge/ketamine-therapy.txt "
        + "-o knowledge/ketamine-therapy.json`, then scripts/embed-default-pack")
    Support.assertRangesSliceTheirText(document, source: Array(source))
    XCTAssertTrue(document.sections.contains { $0.id == "potential-side-effects" })
  }

  // MARK: - Bad input

  func testEmptyAndBlankDocumentsAreRefused() {
    for text in ["", "   \n\n\t\n", "\u{FEFF}", "\u{FEFF}\r\n\r\n"] {
      XCTAssertThrowsError(try Support.build(text, fileName: "blank.txt")) { error in
        XCTAssertEqual(error as? KnowledgeError, KnowledgeError(file: "blank.txt", reason: .empty))
      }
    }
  }

  func testBinaryDocumentsAreRefused() {
    XCTAssertThrowsError(
      try KnowledgeBuilder().build(bytes: Array("Title\n\nText.".utf8) + [0, 1, 2], fileName: "a.bin")
    ) { error in
      XCTAssertEqual(error as? KnowledgeError, KnowledgeError(file: "a.bin", reason: .binary))
      XCTAssertTrue("\(error)".hasPrefix("a.bin: "), "\(error)")
    }
  }

  func testInvalidUTF8IsRefusedWithTheOffsetOfTheFirstBadByte() {
    let bytes = Array("Café ok.".utf8) + [0xC3, 0x28] + Array(" more".utf8)
    XCTAssertThrowsError(try KnowledgeBuilder().build(bytes: bytes, fileName: "latin1.txt")) { error in
      XCTAssertEqual(
        error as? KnowledgeError, KnowledgeError(file: "latin1.txt", reason: .invalidUTF8(offset: 9)))
      XCTAssertTrue("\(error)".contains("latin1.txt"), "\(error)")
    }
  }

  func testAKnowledgeFileOfAnotherFormatIsRefused() throws {
    var document = try Support.build(plainTea)
    document.format = KnowledgeDocument.currentFormat + 1
    XCTAssertThrowsError(try KnowledgeFile.decode(KnowledgeFile.encode(document), fileName: "new.json")) {
      error in
      XCTAssertTrue("\(error)".contains("new.json") && "\(error)".contains("format"), "\(error)")
    }
    XCTAssertThrowsError(try KnowledgeFile.decode(Array(#"{"format": 1}"#.utf8), fileName: "cut.json")) {
      error in
      XCTAssertTrue("\(error)".contains("missing key"), "\(error)")
    }
  }
}
