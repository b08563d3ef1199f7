import FAQBot
import XCTest

/// The encoder mode's crisis signal: the Swift arithmetic reads the committed weights as
/// scripts/train-crisis-meaning wrote them, and the engine asks it only in the encoder mode,
/// only when the detector found nothing.
final class CrisisMeaningTests: XCTestCase {
  func testTheProbabilityOfTheCheckSentenceIsTheScripts() throws {
    let encoder = try SentenceEncoder.embedded()
    let vector = encoder.encode(CrisisMeaning.checkSentence)
    let probability = try XCTUnwrap(CrisisMeaning.trained.probability(vector))
    XCTAssertEqual(probability, CrisisMeaning.checkProbability, accuracy: 1e-3)
    XCTAssertEqual(CrisisMeaning.trained.dimensions, encoder.dimensions)
  }

  func testAVectorOfAnotherSizeIsNotRead() {
    let meaning = CrisisMeaning(weights: [1, 2, 3], bias: 0, threshold: 0.5)
    XCTAssertNil(meaning.probability([1, 2]))
    XCTAssertNil(meaning.detect([]))
  }

  func testADetectionNamesTheSignalAndItsThreshold() throws {
    let meaning = CrisisMeaning(weights: [4, 0], bias: 0, threshold: 0.9)
    XCTAssertNil(meaning.detect([0, 1]), "sigmoid(0) = 0.5 is below 0.9")
    let detection = try XCTUnwrap(meaning.detect([1, 0]))
    XCTAssertEqual(detection.score, 1 / (1 + exp(-4)), accuracy: 1e-9)
    XCTAssertNil(detection.category)
    XCTAssertEqual(
      detection.reason,
      "the crisis classifier on the sentence's meaning (encoder) gives 98%, at or above its threshold 90%")
  }
}
