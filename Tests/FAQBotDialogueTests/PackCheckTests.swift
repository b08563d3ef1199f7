import FAQBot
import XCTest

@testable import FAQBotDialogue

/// The closer-to-another-intent pass of `faqbot check`: its indexed centroids agree with a
/// plain dense computation, and its warnings, computed on every core, come out in pack order.
final class PackCheckTests: XCTestCase {
  func testClosestIntentAgreesWithDenseCosines() {
    var random = SeededGenerator(seed: 7)
    let featureCount = 40
    // 25 intents of 1 to 6 sparse examples over 40 features; some examples empty of features.
    let vectorsByIntent: [[SparseVector]] = (0..<25).map { _ in
      (0..<Int.random(in: 1...6, using: &random)).map { _ in
        let indices = (0..<featureCount).filter { _ in Int.random(in: 0..<8, using: &random) == 0 }
        return SparseVector(
          indices: indices.map(Int32.init),
          values: indices.map { _ in Float.random(in: 0.1...1, using: &random) })
      }
    }
    let centroids = IntentCentroids(vectorsByIntent, featureCount: featureCount)

    func dense(_ vector: SparseVector) -> [Float] {
      var row = [Float](repeating: 0, count: featureCount)
      for (index, value) in zip(vector.indices, vector.values) { row[Int(index)] += value }
      return row
    }
    func cosine(_ a: [Float], _ b: [Float]) -> Float {
      let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
      let norms = (a.reduce(0) { $0 + $1 * $1 } * b.reduce(0) { $0 + $1 * $1 }).squareRoot()
      return norms > 1e-6 ? dot / norms : 0
    }
    let sums = vectorsByIntent.map { vectors in
      vectors.map(dense).reduce([Float](repeating: 0, count: featureCount)) { zip($0, $1).map(+) }
    }

    var compared = 0
    for (own, vectors) in vectorsByIntent.enumerated() {
      for vector in vectors where !vector.isEmpty {
        let row = dense(vector)
        let expectedOwn = cosine(row, zip(sums[own], row).map(-))
        let others = sums.indices.filter { $0 != own }.map { (intent: $0, similarity: cosine(row, sums[$0])) }
        let best = others.max { $0.similarity < $1.similarity }

        let closest = centroids.closest(to: vector, leavingOutFrom: own)
        XCTAssertEqual(closest.own, expectedOwn, accuracy: 1e-4, "intent \(own)")
        XCTAssertEqual(closest.similarity, best?.similarity ?? 0, accuracy: 1e-4, "intent \(own)")
        XCTAssertNotEqual(closest.other, own)
        if let best, let other = closest.other, other != best.intent {
          // Only a tie (to rounding) may pick a different intent.
          XCTAssertEqual(cosine(row, sums[other]), best.similarity, accuracy: 1e-5)
        }
        compared += 1
      }
    }
    XCTAssertGreaterThan(compared, 50, "the seeded vectors must exercise the comparison")
  }

  func testAnIntentWithoutOthersHasNoClosestIntent() {
    let vector = SparseVector(indices: [0, 2], values: [1, 1])
    let centroids = IntentCentroids([[vector, SparseVector(indices: [2], values: [1])]], featureCount: 3)
    let closest = centroids.closest(to: vector, leavingOutFrom: 0)
    XCTAssertNil(closest.other)
    XCTAssertEqual(closest.own, (0.5 as Float).squareRoot(), accuracy: 1e-6)
  }

  /// Many intents, each with one example planted in the wrong place: the warnings, computed
  /// concurrently, name each planted example once and follow the order of the pack.
  func testWarningsOfManyIntentsComeInPackOrder() throws {
    let topics = (0..<60).map { "topic\($0)" }
    var yaml = "intents:\n"
    for (index, topic) in topics.enumerated() {
      let next = topics[(index + 1) % topics.count]
      yaml += """
          - id: \(topic)
            examples:
              - how do I \(topic) safely
              - what is \(topic) for
              - can you \(topic) at home
              - tell me about \(topic)
              - is \(topic) expensive
              - tell me about \(next) and \(next) please
            answer: About \(topic).

        """
    }
    let pack = try IntentPackLoader().load(files: [("pack.yaml", yaml)], knowledge: nil)
    let knowledge = KnowledgeBase(
      document: try KnowledgeBuilder().build(
        bytes: Array("Notes\n\nTopics\n\nText.\n".utf8), fileName: "n.txt"))

    let warnings = PackCheck(pack: pack, knowledge: knowledge).warnings.filter {
      $0.kind == .closerToAnotherIntent
    }
    XCTAssertEqual(warnings.map(\.intent), topics, "one planted example an intent, in pack order")
    for (warning, index) in zip(warnings, topics.indices) {
      XCTAssertTrue(
        warning.message.contains("is closer to '\(topics[(index + 1) % topics.count])'"), warning.message)
      // The planted example is the sixth, written 7 lines below its intent's id.
      XCTAssertEqual(warning.location.line, pack.intents[index].location.line + 7, warning.description)
    }
    XCTAssertEqual(
      PackCheck(pack: pack, knowledge: knowledge).warnings,
      PackCheck(pack: pack, knowledge: knowledge).warnings)
  }
}
