import FAQBot
import FAQBotTestSupport
import XCTest

@testable import FAQBotMatching

/// The encoder mode's matching pieces on made-up unit vectors (no encoder run: the head and
/// the nearest-example search only see vectors), and the mix on a tiny pack.
final class EncoderHeadTests: XCTestCase {
  /// A unit vector along `axis` of `dimensions`, tilted a little towards `tilt`.
  private func unit(_ axis: Int, tilt: Int? = nil, dimensions: Int = 8) -> [Float] {
    var vector = [Float](repeating: 0, count: dimensions)
    vector[axis] = 1
    if let tilt { vector[tilt] = 0.3 }
    let length = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return vector.map { $0 / length }
  }

  /// Three examples a class, each along its class's axis and tilted towards 4, 5 or 6.
  private func training() -> [[Float]] {
    var vectors: [[Float]] = []
    for label in 0..<3 { for tilt in 4..<7 { vectors.append(unit(label, tilt: tilt)) } }
    return vectors
  }

  func testTheNearestExampleIsSearchedOnlyAmongTheGivenClasses() {
    let examples = NearestExample(
      vectors: [unit(0), unit(1), unit(2, tilt: 3)], labels: [0, 1, 2], classCount: 3, dimensions: 8)
    XCTAssertEqual(examples.classStarts, [0, 1, 2, 3])
    XCTAssertEqual(examples.nearestCosine(to: unit(1), among: [0, 1, 2]), 1, accuracy: 1e-6)
    XCTAssertEqual(examples.nearestCosine(to: unit(1), among: [0, 2]), 0, accuracy: 1e-6)
    XCTAssertEqual(
      examples.nearestCosine(to: unit(3), among: [2]), 0.3 / Float(1.09).squareRoot(), accuracy: 1e-5)
    XCTAssertEqual(examples.nearestCosine(to: unit(1), among: []), -1)
    XCTAssertEqual(examples.nearestCosine(to: [1, 0], among: [0]), -1, "a vector of another length")
  }

  func testTheHalvesDotProductsAreAPlainLoopsOnEveryLength() {
    // Lengths around the kernel's steps of 32 and 8 columns, and MiniLM's 384.
    var generator = SeededGenerator(seed: 3)
    for dimensions in [1, 7, 8, 9, 31, 32, 33, 47, 384, 390] {
      let rows = 5
      let values = (0..<rows * dimensions).map { _ in Float.random(in: -1...1, using: &generator) }
      let vectors = HalfVectors(rounding: values, dimensions: dimensions)
      let query = (0..<dimensions).map { _ in Float.random(in: -1...1, using: &generator) }
      func plain(_ range: Range<Int>) -> Double {
        range.map { row in
          zip(vectors.vector(at: row), query).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        }.max() ?? -.infinity
      }
      for range in [0..<rows, 1..<3, 4..<5] {
        XCTAssertEqual(
          Double(vectors.largestDot(query, rows: range)), plain(range), accuracy: 1e-5 * Double(dimensions),
          "\(dimensions) \(range)")
      }
      XCTAssertEqual(vectors.largestDot(query, rows: 2..<2), -.infinity)
      XCTAssertEqual(vectors.count, rows)
    }
  }

  func testTheNearestCosineOnHalvesIsTheFloatsWithinAThousandth() {
    var generator = SeededGenerator(seed: 11)
    func unitVector() -> [Float] {
      let vector = (0..<384).map { _ in Float.random(in: -1...1, using: &generator) }
      let length = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return vector.map { $0 / length }
    }
    let vectors = (0..<40).map { _ in unitVector() }
    let examples = NearestExample(
      vectors: vectors, labels: (0..<40).map { $0 % 4 }, classCount: 4, dimensions: 384)
    for _ in 0..<20 {
      let query = vectors[Int.random(in: 0..<40, using: &generator)].enumerated().map { index, value in
        value + (index % 3 == 0 ? 0.05 : 0)
      }
      let exact =
        vectors.enumerated().filter { $0.offset % 4 != 3 }.map { _, vector in
          zip(vector, query).reduce(0) { $0 + $1.0 * $1.1 }
        }.max() ?? -1
      XCTAssertEqual(examples.nearestCosine(to: query, among: [0, 1, 2]), exact, accuracy: 1e-3)
    }
  }

  func testTheHeadLearnsWhichDirectionIsWhichClass() {
    let vectors = training()
    let labels = (0..<3).flatMap { Array(repeating: $0, count: 3) }
    let head = EncoderHead(vectors: vectors, labels: labels, classCount: 3, dimensions: 8)
    for label in 0..<3 {
      let probabilities = head.probabilities(for: unit(label, tilt: 7))
      XCTAssertEqual(probabilities.indices.max { probabilities[$0] < probabilities[$1] }, label)
    }
    XCTAssertEqual(head.examples.count, 9)
  }

  func testTheMixedConfidenceFallsWithTheNearestQuestionsCosine() {
    let pack = ModelTestSupport.pack()
    let analyzer = ModelTestSupport.analyzer(for: pack)
    let classifier = ModelTestSupport.classifier(for: pack)
    // Each class's examples point along its own axis; a question along an axis no example
    // has is far from every training question.
    let vectors = training()
    let labels = (0..<3).flatMap { Array(repeating: $0, count: 3) }
    let mixed = classifier.withEncoderHead(
      EncoderHead(vectors: vectors, labels: labels, classCount: 3, dimensions: 8))
    let analysis = analyzer.analyze("will it rain today")
    let near = mixed.predict(analysis, sentence: unit(2, tilt: 4), mix: EncoderMix())
    let far = mixed.predict(analysis, sentence: unit(7), mix: EncoderMix())
    XCTAssertEqual(near.ranking.first, 2, "weather, on both models")
    XCTAssertTrue(near.hasEvidence)
    XCTAssertGreaterThan(near.probabilities[2], far.probabilities[far.ranking[0]] + 0.3)
    // Without a head, or with a vector of the wrong length, the prediction is the fast one.
    XCTAssertEqual(
      classifier.predict(analysis, sentence: unit(2), mix: EncoderMix()), classifier.predict(analysis))
    XCTAssertEqual(
      mixed.predict(analysis, sentence: [1, 0], mix: EncoderMix()), classifier.predict(analysis))
  }
}
