import FAQBot
import XCTest

@testable import FAQBotDialogue
@testable import FAQBotIntents
@testable import FAQBotKnowledge

/// The cross-validated pass of `faqbot check`: two or more examples of an intent that the bot,
/// trained without them, answers with the same other intent are one warning at the first's
/// line; a single one is kept apart; replies of the intent's kind from another stage count as
/// answered; warnings come in file and line order, the same on every run.
final class PackCheckTests: XCTestCase {
  private func knowledge() throws -> KnowledgeBase {
    KnowledgeBase(
      document: try KnowledgeBuilder().build(
        bytes: Array("Notes\n\nTopics\n\nText.\n".utf8), fileName: "n.txt"))
  }

  /// Rooms, each intent with `planted` examples written about its neighbour.
  private func rooms(planted: Int) throws -> (pack: IntentPack, topics: [String]) {
    let topics = ["garden", "kitchen", "garage", "bedroom", "attic", "cellar", "balcony", "hallway"]
    var yaml = "intents:\n"
    for (index, topic) in topics.enumerated() {
      let next = topics[(index + 1) % topics.count]
      yaml += "  - id: \(topic)\n    examples:\n"
      let examples = [
        "how do I clean the \(topic)", "what goes in the \(topic)", "can you paint the \(topic)",
        "tell me about the \(topic)", "is the \(topic) big",
      ]
      let neighbours = ["the \(next) please", "all about the \(next)"].prefix(planted)
      for example in examples + neighbours { yaml += "      - \(example)\n" }
      yaml += "    answer: About \(topic).\n"
    }
    return (try IntentPackLoader().load(files: [("rooms.yaml", yaml)], knowledge: nil), topics)
  }

  /// Many intents, each with two examples planted from its neighbour: each pair is answered
  /// as the neighbour and flagged once, at the first planted example's line, naming the
  /// second's.
  func testPlantedExamplesAreAnsweredAsTheirNeighbourAndFlaggedInFileOrder() throws {
    let (pack, topics) = try rooms(planted: 2)
    let check = PackCheck(pack: pack, knowledge: try knowledge())
    // Small intents also confuse some of their own examples; each planted pair must be flagged.
    let planted = check.warnings.filter { $0.kind == .answeredAsAnother && $0.message.contains(" please\"") }
    XCTAssertEqual(planted.map(\.intent), topics, check.warnings.map(\.description).joined(separator: "\n"))
    for (warning, index) in zip(planted, topics.indices) {
      let intent = pack.intents[index]
      XCTAssertTrue(
        warning.message.contains(
          "of intent '\(topics[index])' are answered by '\(topics[(index + 1) % topics.count])'"),
        warning.message)
      // The planted examples are the sixth and seventh, 7 and 8 lines below the intent's id.
      XCTAssertEqual(warning.location.line, intent.location.line + 7, warning.description)
      XCTAssertTrue(
        warning.message.contains("and those on line \(intent.location.line + 8);"), warning.message)
    }
    let lines = check.warnings.map(\.location.line)
    XCTAssertEqual(lines, lines.sorted(), "warnings in line order")
    XCTAssertEqual(check.warnings, PackCheck(pack: pack, knowledge: try knowledge()).warnings)
    XCTAssertTrue(PackCheck(pack: pack, knowledge: try knowledge(), folds: 0).warnings.isEmpty)
  }

  /// One planted example an intent is an unusual wording, not an overlap: it is no warning,
  /// but it is kept, at its line, for `check --each-example`.
  func testASingleExampleAnsweredAsAnotherIntentIsKeptApartFromTheWarnings() throws {
    let (pack, topics) = try rooms(planted: 1)
    let check = PackCheck(pack: pack, knowledge: try knowledge())
    XCTAssertFalse(
      check.warnings.contains { $0.message.contains(" please\"") }, check.warnings.map(\.description).joined()
    )
    let planted = check.singleConfusions.filter { $0.message.contains(" please\"") }
    XCTAssertEqual(
      planted.map(\.intent), topics, check.singleConfusions.map(\.description).joined(separator: "\n"))
    for (single, index) in zip(planted, topics.indices) {
      XCTAssertEqual(single.location.line, pack.intents[index].location.line + 7, single.description)
    }
  }

  /// A crisis example is answered by the crisis detector and a greeting by the engine's own
  /// small talk: replies of the intent's kind, so neither intent is "answered by no intent".
  func testRepliesOfTheIntentsKindFromOtherStagesCountAsAnswered() throws {
    let yaml = """
      intents:
        - id: crisis
          kind: safety
          examples:
            - i want to kill myself
            - i want to end my life
            - thinking about suicide
            - i want to die
            - i am going to overdose tonight
            - nobody would miss me if i was gone
          answer: Please call 988.
        - id: rooms
          examples:
            - how do I clean the garden
            - what goes in the kitchen
            - can you paint the garage
            - tell me about the bedroom
            - is the attic big
          answer: About rooms.
      """
    let pack = try IntentPackLoader().load(files: [("p.yaml", yaml)], knowledge: nil)
    let check = PackCheck(pack: pack, knowledge: try knowledge())
    XCTAssertFalse(
      check.warnings.contains { $0.intent == "crisis" },
      check.warnings.map(\.description).joined(separator: "\n"))
  }
}
