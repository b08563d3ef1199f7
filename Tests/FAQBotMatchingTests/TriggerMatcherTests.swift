import FAQBot
import XCTest

@testable import FAQBotMatching

/// Trigger phrases: found anywhere in a message, on stems (so inflections match), as
/// contiguous phrases, the highest priority (then the longest phrase) first.
final class TriggerMatcherTests: XCTestCase {
  private let pack = IntentPack(intents: [
    Intent(
      id: "dosing", kind: .decline, priority: 50, examples: ["how much should I take"],
      answer: Reply(text: "No doses."), triggers: ["dose", "how much ketamine should"]),
    Intent(
      id: "buying", kind: .decline, priority: 50, examples: ["where can I buy it"],
      answer: Reply(text: "No sources."), triggers: ["buy ketamine"]),
    Intent(
      id: "urgent", kind: .safety, priority: 100, examples: ["help"], answer: Reply(text: "Call 988."),
      triggers: ["take too much"]),
    Intent(id: "plain", examples: ["what is it"], answer: Reply(text: "It is.")),
  ])

  private func matcher() -> TriggerMatcher {
    TriggerMatcher(
      pack: pack,
      analyzer: TextAnalyzer(vocabulary: pack.intents.flatMap(\.examples), synonyms: pack.synonyms))
  }

  private func intents(_ message: String) -> [String] {
    let analyzer = TextAnalyzer(vocabulary: pack.intents.flatMap(\.examples), synonyms: pack.synonyms)
    return matcher().matches(in: analyzer.analyze(message).stems).map { pack.intents[$0.intent].id }
  }

  func testAPhraseAnywhereInTheMessageMatches() {
    XCTAssertEqual(
      intents("I was wondering, before my appointment, where to buy ketamine online"), ["buying"])
  }

  func testInflectionsMatchThroughStems() {
    XCTAssertEqual(intents("what doses are used"), ["dosing"])
    XCTAssertEqual(intents("what if I take too much"), ["urgent"])
    // Porter2 does not map irregular forms: "took" is not "take" (the crisis detector, not
    // the triggers, is what must catch such messages).
    XCTAssertEqual(intents("I think I took too much"), [])
  }

  func testWordsMustBeContiguousAndInOrder() {
    XCTAssertEqual(intents("ketamine: can I buy it?"), [])
    XCTAssertEqual(intents("buy some ketamine"), [])
  }

  func testTheHighestPriorityWinsThenTheLongestPhrase() {
    let found = intents("how much ketamine should I take, is that dose too much, what if I take too much")
    XCTAssertEqual(found.first, "urgent", "safety outranks declines")
    XCTAssertEqual(Set(found), ["urgent", "dosing"])
    // Two phrases of one intent are one match each, longest first.
    let analyzer = TextAnalyzer(vocabulary: pack.intents.flatMap(\.examples), synonyms: pack.synonyms)
    let phrases = matcher().matches(in: analyzer.analyze("how much ketamine should I take per dose").stems)
      .map { $0.phrase.count }
    XCTAssertEqual(phrases, phrases.sorted(by: >))
  }

  func testAMessageWithoutTriggersMatchesNothing() {
    XCTAssertEqual(intents("what is ketamine therapy"), [])
    XCTAssertEqual(intents(""), [])
  }

  func testContainsFindsOnlyWholeContiguousRuns() {
    XCTAssertTrue(TriggerMatcher.contains(["a", "b", "c"], ["b", "c"]))
    XCTAssertFalse(TriggerMatcher.contains(["a", "b", "c"], ["a", "c"]))
    XCTAssertFalse(TriggerMatcher.contains(["a"], ["a", "b"]))
    XCTAssertFalse(TriggerMatcher.contains(["a"], []))
  }
}
