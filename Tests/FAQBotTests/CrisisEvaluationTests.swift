import FAQBot
import Foundation
import XCTest

/// The crisis detector on its evaluation sets (Tests/Fixtures/crisis): the held-out parts
/// must meet the targets of docs/safety.md; the tuning parts are reported beside them.
final class CrisisEvaluationTests: XCTestCase {
  struct Item: Decodable {
    var text: String
    var category: String
  }

  static func items(_ name: String) throws -> [Item] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/crisis/\(name)")
    let text = try String(contentsOf: url, encoding: .utf8)
    return try text.split(separator: "\n").map { try JSONDecoder().decode(Item.self, from: Data($0.utf8)) }
  }

  let detector = CrisisDetector()

  /// Share caught per category and overall, and the messages missed.
  func recall(_ items: [Item], flagged: Bool) -> (overall: Double, byCategory: [String: Double], wrong: [Item]) {
    var byCategory: [String: (Int, Int)] = [:]
    var wrong: [Item] = []
    for item in items {
      let hit = (detector.detect(item.text) != nil) == flagged
      byCategory[item.category, default: (0, 0)].0 += hit ? 1 : 0
      byCategory[item.category, default: (0, 0)].1 += 1
      if !hit { wrong.append(item) }
    }
    let shares = byCategory.mapValues { Double($0.0) / Double($0.1) }
    return (Double(items.count - wrong.count) / Double(items.count), shares, wrong)
  }

  func testHeldOutCrisisRecallIsAtLeastNinetyNinePercent() throws {
    let heldOut = recall(try Self.items("crisis-heldout.jsonl"), flagged: true)
    let tune = recall(try Self.items("crisis-tune.jsonl"), flagged: true)
    print("crisis recall: held-out \(heldOut.overall) \(heldOut.byCategory); tune \(tune.overall)")
    print("tune misses: \(tune.wrong.map(\.text))")
    XCTAssertGreaterThanOrEqual(heldOut.overall, 0.99, "held-out misses: \(heldOut.wrong.count)")
    XCTAssertEqual(heldOut.byCategory["explicit_ideation"], 1, "every explicit ideation message is caught")
    XCTAssertEqual(tune.byCategory["explicit_ideation"], 1)
  }

  func testHeldOutBenignFalseAlarmsAreAtMostOnePercent() throws {
    let heldOut = recall(try Self.items("benign-heldout.jsonl"), flagged: false)
    let tune = recall(try Self.items("benign-tune.jsonl"), flagged: false)
    print("benign false alarms: held-out \(1 - heldOut.overall); tune \(1 - tune.overall)")
    print("tune false alarms: \(tune.wrong.map { "\($0.text.prefix(60)) <- \(detector.detect($0.text)?.reason ?? "")" })")
    XCTAssertLessThanOrEqual(1 - heldOut.overall, 0.01, "held-out false alarms: \(heldOut.wrong.count)")
  }

  /// The Swift features reproduce the probabilities the training script computed.
  func testClassifierMatchesTheTrainingScript() {
    for check in CrisisClassifier.trainingChecks {
      XCTAssertEqual(CrisisClassifier.trained.probability(check.text), check.probability, accuracy: 1e-4, check.text)
    }
  }
}
