import XCTest

@testable import FAQBotSafety

/// The crisis classifier as a function: the same message, the same probability.
final class CrisisClassifierTests: XCTestCase {
  /// Each call builds its own feature set, whose order differs from one set to the next; the
  /// probability must not depend on it (two engines answered one message with confidences
  /// differing in the ninth digit when the scaled weights were summed in that order).
  func testTheSameMessageAlwaysGetsTheSameProbability() {
    let classifier = CrisisClassifier.trained
    let text = "i keep a razor blade by my bed. some nights i think about using it. what should i do"
    let first = classifier.probability(text)
    XCTAssertGreaterThan(first, 0)
    var sets: [Set<Int>] = []  // keeps earlier sets alive, so each call's set is stored elsewhere
    for _ in 0..<50 {
      sets.append(Set((0..<64).map { $0 * 7919 }))
      XCTAssertEqual(classifier.probability(text), first)
    }
    XCTAssertEqual(sets.count, 50)
  }
}
