import FAQBot
import XCTest

@testable import FAQBotSafety

/// The classifier's nearest-neighbour margin: built on the token vectors it was trained on,
/// and its panels count only real sentences.
final class CrisisNeighboursTests: XCTestCase {
  func testTheNeighboursWereMadeFromTheEmbeddedTokenVectors() throws {
    let vectors = try XCTUnwrap(TokenVectors.embedded)
    XCTAssertEqual(
      CrisisNeighbours.trainedTokenVectorsHash, vectors.recordedHash,
      "the token vectors changed: run scripts/train-crisis-classifier")
    XCTAssertNotNil(CrisisNeighbours.trained)
    XCTAssertTrue(CrisisClassifier.trained.usesNeighbours)
  }

  /// A sentence near the training crisis messages has a positive margin, an everyday request
  /// a negative one, whatever the hashed n-grams say.
  func testTheMarginSeparatesCrisisFromEverydaySentences() throws {
    let neighbours = try XCTUnwrap(CrisisNeighbours.trained)
    func margin(_ text: String) -> Float { neighbours.margin(CrisisClassifier.chunks(text)[0]) }
    for text in [
      "i dont care if i die anymore", "i have a blade hidden in my room", "i want to end it all tonight",
    ] {
      XCTAssertGreaterThan(margin(text), 0, text)
    }
    for text in ["how do i reset my password", "what time does the pharmacy close", "play some music"] {
      XCTAssertLessThan(margin(text), 0, text)
    }
  }

  /// With every real cosine negative, the zero sentences that pad the last panel must not be
  /// taken for the nearest.
  func testPaddingLanesAreNeverNeighbours() {
    // Three sentences of 2 dimensions: (1, 0), (0, 1), (-1, 0) in 127ths.
    let panels = CrisisNeighbourPanels([127, 0, 0, 127, -127, 0][...], dimensions: 2)
    XCTAssertEqual(panels.count, 3)
    let query: [Float] = [-0.6, -0.8]
    query.withUnsafeBufferPointer { query in
      XCTAssertEqual(panels.meanOfNearest(query, count: 1), 0.6, accuracy: 1e-6)
      XCTAssertEqual(panels.meanOfNearest(query, count: 2), (0.6 - 0.6) / 2, accuracy: 1e-6)
      XCTAssertEqual(panels.meanOfNearest(query, count: 3), (0.6 - 0.6 - 0.8) / 3, accuracy: 1e-6)
      XCTAssertEqual(panels.meanOfNearest(query, count: 5), (0.6 - 0.6 - 0.8) / 3, accuracy: 1e-6)
    }
    XCTAssertEqual(
      CrisisNeighbourPanels([][...], dimensions: 2).meanOfNearest(
        UnsafeBufferPointer(start: nil, count: 0), count: 3), 0)
  }
}
