import FAQBot
import Foundation
import XCTest

/// The crisis detector on its evaluation sets (Tests/Fixtures/crisis): the held-out parts
/// must meet the targets of docs/safety.md; the tuning parts are reported beside them.
final class CrisisEvaluationTests: XCTestCase {
  struct Item: Decodable {
    var text: String
    var category: String
    /// Only in extra-validation.jsonl, which holds both kinds.
    var crisis: Bool?
  }

  static func items(_ name: String) throws -> [Item] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/crisis/\(name)")
    let text = try String(contentsOf: url, encoding: .utf8)
    return try text.split(separator: "\n").map { try JSONDecoder().decode(Item.self, from: Data($0.utf8)) }
  }

  let detector = CrisisDetector()

  /// Share caught per category and overall, and the messages missed.
  func recall(_ items: [Item], flagged: Bool) -> (
    overall: Double, byCategory: [String: Double], wrong: [Item]
  ) {
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

  /// The targets of issue 15 are 99% recall on the held-out part and 100% on explicit
  /// ideation; the detector does not reach them yet (docs/safety.md gives the figures), so
  /// these floors are the measured values, guarding against regressions, not the goal.
  static let heldOutRecallFloor = 0.90
  static let heldOutExplicitFloor = 0.84
  /// The target: at most 1% (measured 0 of 134).
  static let heldOutFalseAlarmCeiling = 0.01

  func testHeldOutCrisisRecallHoldsItsFloor() throws {
    let heldOut = recall(try Self.items("crisis-heldout.jsonl"), flagged: true)
    let tune = recall(try Self.items("crisis-tune.jsonl"), flagged: true)
    // Held-out figures are asserted, never printed: a passing run must not show them to
    // someone tuning the detector (Benchmarks/crisis_eval.py reports them when asked).
    print("crisis recall: tune \(tune.overall)")
    print("tune misses: \(tune.wrong.map { CrisisText($0.text).words.joined(separator: " ") })")
    XCTAssertGreaterThanOrEqual(
      heldOut.overall, Self.heldOutRecallFloor, "held-out misses: \(heldOut.wrong.count)")
    XCTAssertGreaterThanOrEqual(heldOut.byCategory["explicit_ideation"] ?? 0, Self.heldOutExplicitFloor)
    XCTAssertEqual(
      tune.byCategory["explicit_ideation"], 1, "every explicit ideation message of the tuning set")
    XCTAssertGreaterThanOrEqual(tune.overall, 0.99)
  }

  func testHeldOutBenignFalseAlarmsStayUnderTheirCeiling() throws {
    let heldOut = recall(try Self.items("benign-heldout.jsonl"), flagged: false)
    let tune = recall(try Self.items("benign-tune.jsonl"), flagged: false)
    print("benign false alarms: tune \(1 - tune.overall)")
    print(
      "tune false alarms: \(tune.wrong.map { "\($0.text.prefix(60)) <- \(detector.detect($0.text)?.reason ?? "")" })"
    )
    XCTAssertLessThanOrEqual(
      1 - heldOut.overall, Self.heldOutFalseAlarmCeiling + 1e-9,
      "held-out false alarms: \(heldOut.wrong.count)")
    XCTAssertLessThanOrEqual(1 - tune.overall, 0.01)
  }

  /// The second round's own set (extra-validation.jsonl): written before the detector was run
  /// on it, where the first run caught 97 of 101 and raised 4 false alarms of 101; its misses
  /// were then fixed, so it is tuned on now and these are floors against regressions.
  func testExtraValidationSetHoldsItsFloors() throws {
    let items = try Self.items("extra-validation.jsonl")
    let crisis = recall(items.filter { $0.crisis == true }, flagged: true)
    let benign = recall(items.filter { $0.crisis == false }, flagged: false)
    print("extra validation: crisis \(crisis.overall), false alarms \(1 - benign.overall)")
    XCTAssertGreaterThanOrEqual(crisis.overall, 0.99, "misses: \(crisis.wrong.map(\.text))")
    XCTAssertLessThanOrEqual(1 - benign.overall, 0.01, "false alarms: \(benign.wrong.map(\.text))")
  }

  /// The third round's corpus: the training part is what the patterns and the classifier were
  /// fitted on; the validation part chose the classifier's threshold and its training
  /// settings (docs/safety.md gives the figures); the sixth round's patterns were written from
  /// the misses of both, so both are tuned on now. Floors at the measured values (sixth round:
  /// train 832/834, validation 271/276), against regressions.
  func testThirdRoundTrainAndValidationPartsHoldTheirFloors() throws {
    let train = recall(try Self.items("crisis-train.jsonl"), flagged: true)
    let validation = recall(try Self.items("crisis-validation.jsonl"), flagged: true)
    let benignTrain = recall(try Self.items("benign-train.jsonl"), flagged: false)
    let benignValidation = recall(try Self.items("benign-validation.jsonl"), flagged: false)
    print(
      "third round: crisis train \(train.overall), validation \(validation.overall) \(validation.byCategory)")
    print(
      "third round: false alarms train \(1 - benignTrain.overall), validation \(1 - benignValidation.overall)"
    )
    XCTAssertGreaterThanOrEqual(train.overall, 0.995, "train misses: \(train.wrong.map(\.text))")
    XCTAssertGreaterThanOrEqual(validation.overall, 0.98)
    XCTAssertLessThanOrEqual(1 - benignTrain.overall, 0.01, "false alarms: \(benignTrain.wrong.map(\.text))")
    XCTAssertLessThanOrEqual(1 - benignValidation.overall, 0.01)
  }

  /// The eighth round's fresh corpus: its training part is what the eighth round's patterns
  /// were written from (203 → 233 of 235); its held-out part was read once, counts only, after
  /// them (67 of 76, 1 false alarm of 70; 68 of 76 after the eleventh round), below issue
  /// 15's targets (docs/safety.md), so the held-out floors are the measured values, against
  /// regressions, and are never printed.
  func testEighthRoundFreshCorpusHoldsItsFloors() throws {
    try checkFreshCorpus(
      suffix: "fresh", benignTrainCeiling: 0.015, heldOutFloor: 0.89, benignHeldOutCeiling: 0.015)
  }

  /// The eleventh round's fresh corpus: its training part is what the eleventh round's
  /// patterns were written from (244 → 291 of 293); its held-out part was read once, counts
  /// only, after them (78 of 95, as before them; 0 false alarms of 78), below issue 15's targets
  /// (docs/safety.md), so the held-out floors are the measured values, against regressions,
  /// and are never printed.
  func testEleventhRoundCorpusHoldsItsFloors() throws {
    try checkFreshCorpus(
      suffix: "eleventh", benignTrainCeiling: 0.02, heldOutFloor: 0.82, benignHeldOutCeiling: 0.01)
  }

  /// The thirteenth round's fresh corpus: its validation part chose the encoder mode's
  /// `CrisisMeaning` settings and then the thirteenth round's patterns were written from its
  /// misses (182 → 219 of 226; 7 false alarms of 180), so it is tuned on; its held-out part was
  /// read twice, counts only, after both and after the review's narrowing (180 of 222 in the
  /// fast mode, 4 false alarms of 179 each time), below issue 15's targets (docs/safety.md).
  /// The floors are the measured values, against regressions.
  func testThirteenthRoundCorpusHoldsItsFloors() throws {
    try checkFreshCorpus(
      suffix: "thirteenth", tunedPart: "validation", tunedFloor: 0.96, benignTrainCeiling: 0.04,
      heldOutFloor: 0.81, benignHeldOutCeiling: 0.023)
  }

  /// The border corpus (informational, past-tense, professional and fiction messages against
  /// crises that use the same words): its tune part's crisis misses are what the thirteenth
  /// round's `borderRound()` patterns were written from (71 → 82 of 120); its held-out part was
  /// read before and after them (78 of 118 both times; 44 of 177 false alarms). The floors and
  /// ceilings are the detector's measured weakness, against regressions (docs/safety.md).
  func testBorderCorpusHoldsItsFloors() throws {
    try checkFreshCorpus(
      suffix: "border", tunedPart: "tune", tunedFloor: 0.68, benignTrainCeiling: 0.24, heldOutFloor: 0.66,
      benignHeldOutCeiling: 0.25)
  }

  /// The fourteenth round's corpora: a training part (three corpora written by helpers as
  /// training data for the classifiers; a classifier trained on it was tried and not kept, and
  /// no pattern was written from it, so it is not at a training part's 99% and its explicit
  /// ideation is not complete: 793 of 944, 121 of 136) and a fifth fresh held-out corpus, read
  /// once with the committed detector (238 of 285; 25 false alarms of 200, most in its `border`
  /// category). The floors are the measured values, against regressions (docs/safety.md).
  func testFourteenthRoundCorpusHoldsItsFloors() throws {
    try checkFreshCorpus(
      suffix: "fourteenth", tunedFloor: 0.84, explicitComplete: false, benignTrainCeiling: 0.096,
      heldOutFloor: 0.83, benignHeldOutCeiling: 0.125)
  }

  /// A fresh corpus's four parts (`{crisis,benign}-{TUNED,heldout}-SUFFIX.jsonl`): the
  /// tuned part (the training part; the thirteenth round's validation part), whose misses
  /// patterns were written from, at its floor (99% for a training part) with every explicit
  /// ideation message; the held-out part at its measured floor, counted and never printed.
  private func checkFreshCorpus(
    suffix: String, tunedPart: String = "train", tunedFloor: Double = 0.99, explicitComplete: Bool = true,
    benignTrainCeiling: Double,
    heldOutFloor: Double, benignHeldOutCeiling: Double
  ) throws {
    let train = recall(try Self.items("crisis-\(tunedPart)-\(suffix).jsonl"), flagged: true)
    let benignTrain = recall(try Self.items("benign-\(tunedPart)-\(suffix).jsonl"), flagged: false)
    let heldOut = recall(try Self.items("crisis-heldout-\(suffix).jsonl"), flagged: true)
    let benignHeldOut = recall(try Self.items("benign-heldout-\(suffix).jsonl"), flagged: false)
    print("\(suffix) corpus: crisis train \(train.overall), false alarms train \(1 - benignTrain.overall)")
    XCTAssertGreaterThanOrEqual(train.overall, tunedFloor, "tuned misses: \(train.wrong.map(\.text))")
    // The border corpus has categories of its own, explicit ideation not among them.
    if explicitComplete, let explicit = train.byCategory["explicit_ideation"] {
      XCTAssertEqual(explicit, 1, "every explicit ideation message of the part")
    }
    XCTAssertLessThanOrEqual(
      1 - benignTrain.overall, benignTrainCeiling, "false alarms: \(benignTrain.wrong.map(\.text))")
    XCTAssertGreaterThanOrEqual(
      heldOut.overall, heldOutFloor, "\(suffix) held-out misses: \(heldOut.wrong.count)")
    XCTAssertLessThanOrEqual(
      1 - benignHeldOut.overall, benignHeldOutCeiling,
      "\(suffix) held-out false alarms: \(benignHeldOut.wrong.count)")
  }

  /// The Swift features reproduce the probabilities the training script computed.
  func testClassifierMatchesTheTrainingScript() {
    for check in CrisisClassifier.trainingChecks {
      XCTAssertEqual(
        CrisisClassifier.trained.probability(check.text), check.probability, accuracy: 1e-4, check.text)
    }
  }
}
