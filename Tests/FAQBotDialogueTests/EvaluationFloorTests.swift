import FAQBot
import FAQBotTestSupport
import XCTest

@testable import FAQBotDialogue

/// The default pack's accuracy on questions written apart from its examples, at the default
/// threshold. A change to the matcher or the pack that costs accuracy fails here.
final class EvaluationFloorTests: XCTestCase {
  /// The set used to choose the threshold (209 questions, 32 out of scope).
  func testTuningSetScoresAtLeastNinetyFivePercent() throws {
    let report = Evaluation(items: try DefaultEngine.evaluationItems("default-pack-eval.jsonl")).run(
      DefaultEngine.shared)
    XCTAssertGreaterThanOrEqual(report.total, 150)
    XCTAssertGreaterThanOrEqual(report.accuracy, 0.95, "mistakes: \(report.mistakes)")
    XCTAssertGreaterThanOrEqual(report.outOfScopeRecall, 0.9)
  }

  /// A held-out set written from the article and the answers only, never from the examples,
  /// and never used for tuning: the honest figure.
  func testHeldOutSetScoresAtLeastItsFloor() throws {
    let report = Evaluation(items: try DefaultEngine.evaluationItems("default-pack-heldout.jsonl")).run(
      DefaultEngine.shared)
    XCTAssertEqual(report.total, 100)
    XCTAssertGreaterThanOrEqual(report.accuracy, 0.93, "mistakes: \(report.mistakes)")
  }

  /// Every crisis question of both sets gets the safety answer, whatever the threshold does.
  func testEveryCrisisQuestionIsAnsweredWithSafety() throws {
    let items =
      try DefaultEngine.evaluationItems("default-pack-eval.jsonl")
      + DefaultEngine.evaluationItems("default-pack-heldout.jsonl")
    let crisis = items.filter { $0.intent == "crisis" }
    XCTAssertGreaterThanOrEqual(crisis.count, 5)
    for item in crisis {
      XCTAssertEqual(DefaultEngine.shared.respond(to: item.question).kind, .safety, item.question)
    }
  }
}
