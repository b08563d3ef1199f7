import FAQBot
import XCTest

@testable import FAQBotKnowledge

/// Documents shaped to make the knowledge builder slow or wrong: many identical headings.
///
/// Found by `scripts/limits`: a 10 MB document of one repeated heading took minutes, because
/// each new id retried every suffix from `-2` up. The ids must stay exactly what they were.
final class HostileKnowledgeTests: XCTestCase {
  private func sectionIds(_ headings: [String]) throws -> [String] {
    let text = "# Title\n\n" + headings.map { "## \($0)\n\nSome text about it.\n" }.joined(separator: "\n")
    return try KnowledgeBuilder().build(bytes: Array(text.utf8), fileName: "doc.md").sections.map(\.id)
  }

  func testRepeatedHeadingsAreNumberedInOrderAroundTakenSuffixes() throws {
    let ids = try sectionIds([
      "Side effects", "Side effects", "Side effects 2", "Side effects", "Side effects 3",
    ])
    XCTAssertEqual(
      ids, ["side-effects", "side-effects-2", "side-effects-2-2", "side-effects-3", "side-effects-3-2"])
  }

  func testThousandsOfIdenticalHeadingsGetConsecutiveIds() throws {
    let ids = try sectionIds(Array(repeating: "Dosage", count: 5_000))
    XCTAssertEqual(ids.count, 5_000)
    XCTAssertEqual(Set(ids).count, 5_000)
    XCTAssertEqual(ids.last, "dosage-5000")
  }
}
