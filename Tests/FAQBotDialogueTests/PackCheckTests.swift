import FAQBot
import XCTest

@testable import FAQBotDialogue
@testable import FAQBotIntents
@testable import FAQBotKnowledge

/// The cross-validated pass of `faqbot check`: an example the bot answers wrongly when trained
/// without it is flagged at its own line, naming the intent that answers it; examples it
/// answers right are not; warnings come in file and line order, the same on every run.
final class PackCheckTests: XCTestCase {
  private func knowledge() throws -> KnowledgeBase {
    KnowledgeBase(
      document: try KnowledgeBuilder().build(
        bytes: Array("Notes\n\nTopics\n\nText.\n".utf8), fileName: "n.txt"))
  }

  /// Many intents, each with one example planted from its neighbour: each planted example is
  /// answered as the neighbour and flagged once, at its own line.
  func testPlantedExamplesAreAnsweredAsTheirNeighbourAndFlaggedInFileOrder() throws {
    let topics = ["garden", "kitchen", "garage", "bedroom", "attic", "cellar", "balcony", "hallway"]
    var yaml = "intents:\n"
    for (index, topic) in topics.enumerated() {
      let next = topics[(index + 1) % topics.count]
      yaml += """
          - id: \(topic)
            examples:
              - how do I clean the \(topic)
              - what goes in the \(topic)
              - can you paint the \(topic)
              - tell me about the \(topic)
              - is the \(topic) big
              - the \(next) \(next) \(next) please
            answer: About \(topic).

        """
    }
    let pack = try IntentPackLoader().load(files: [("rooms.yaml", yaml)], knowledge: nil)
    let check = PackCheck(pack: pack, knowledge: try knowledge())
    // Small intents also confuse some of their own examples; each planted one must be flagged.
    let planted = check.warnings.filter { $0.kind == .answeredAsAnother && $0.message.contains(" please\"") }
    XCTAssertEqual(planted.map(\.intent), topics, check.warnings.map(\.description).joined(separator: "\n"))
    for (warning, index) in zip(planted, topics.indices) {
      XCTAssertTrue(
        warning.message.contains("is answered by '\(topics[(index + 1) % topics.count])'"), warning.message)
      // The planted example is the sixth, written 7 lines below its intent's id.
      XCTAssertEqual(warning.location.line, pack.intents[index].location.line + 7, warning.description)
    }
    let lines = check.warnings.map(\.location.line)
    XCTAssertEqual(lines, lines.sorted(), "warnings in line order")
    XCTAssertEqual(check.warnings, PackCheck(pack: pack, knowledge: try knowledge()).warnings)
    XCTAssertTrue(PackCheck(pack: pack, knowledge: try knowledge(), folds: 0).warnings.isEmpty)
  }
}
