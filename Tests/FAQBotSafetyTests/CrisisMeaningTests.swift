import FAQBot
import XCTest

/// The encoder mode's crisis signal: the Swift arithmetic reads the committed network as
/// scripts/train-crisis-meaning wrote it, the hidden layer is really applied, and the engine
/// asks it only in the encoder mode, only when the detector found nothing.
final class CrisisMeaningTests: XCTestCase {
  func testTheProbabilityOfTheCheckSentenceIsTheScripts() throws {
    let encoder = try SentenceEncoder.embedded()
    let meaning = try XCTUnwrap(CrisisMeaning.trained, "the committed weights decode")
    let vector = encoder.encode(CrisisMeaning.checkSentence)
    let probability = try XCTUnwrap(meaning.probability(vector))
    XCTAssertEqual(probability, CrisisMeaning.checkProbability, accuracy: 1e-3)
    XCTAssertEqual(meaning.dimensions, encoder.dimensions)
    XCTAssertGreaterThan(meaning.hiddenBiases.count, 1, "a hidden layer, not a regression")
  }

  func testAVectorOfAnotherSizeIsNotRead() throws {
    let meaning = try XCTUnwrap(
      CrisisMeaning(
        hiddenWeights: [1, 2, 3], hiddenBiases: [0], outputWeights: [1], outputBias: 0, threshold: 0.5))
    XCTAssertEqual(meaning.dimensions, 3)
    XCTAssertNil(meaning.probability([1, 2]))
    XCTAssertNil(meaning.detect([]))
  }

  func testWeightsThatDoNotFitTogetherAreRefused() {
    XCTAssertNil(
      CrisisMeaning(
        hiddenWeights: [1, 2, 3], hiddenBiases: [0, 0], outputWeights: [1, 1], outputBias: 0, threshold: 0.5),
      "3 weights are not two whole rows")
    XCTAssertNil(
      CrisisMeaning(
        hiddenWeights: [1, 2], hiddenBiases: [0, 0], outputWeights: [1], outputBias: 0, threshold: 0.5))
    XCTAssertNil(
      CrisisMeaning(hiddenWeights: [], hiddenBiases: [], outputWeights: [], outputBias: 0, threshold: 0.5))
  }

  /// Two hidden units, one for "first minus second" and one for the reverse: the output rises
  /// when the two inputs differ either way, which no single weighting of the inputs can do.
  func testTheHiddenLayerMakesCombinationsARegressionCannot() throws {
    let meaning = try XCTUnwrap(
      CrisisMeaning(
        hiddenWeights: [4, -4, -4, 4], hiddenBiases: [0, 0], outputWeights: [1, 1], outputBias: -2,
        threshold: 0.5))
    XCTAssertEqual(try XCTUnwrap(meaning.probability([1, 0])), 1 / (1 + exp(-2)), accuracy: 1e-9)
    XCTAssertEqual(try XCTUnwrap(meaning.probability([0, 1])), 1 / (1 + exp(-2)), accuracy: 1e-9)
    XCTAssertEqual(try XCTUnwrap(meaning.probability([1, 1])), 1 / (1 + exp(2)), accuracy: 1e-9)
    XCTAssertNil(meaning.detect([0, 0]), "both units are cut at zero: sigmoid(-2)")
  }

  func testADetectionNamesTheSignalAndItsThreshold() throws {
    let meaning = try XCTUnwrap(
      CrisisMeaning(
        hiddenWeights: [4, 0], hiddenBiases: [0], outputWeights: [1], outputBias: 0, threshold: 0.9))
    XCTAssertNil(meaning.detect([0, 1]), "sigmoid(0) = 0.5 is below 0.9")
    let detection = try XCTUnwrap(meaning.detect([1, 0]))
    XCTAssertEqual(detection.score, 1 / (1 + exp(-4)), accuracy: 1e-9)
    XCTAssertNil(detection.category)
    XCTAssertEqual(
      detection.reason,
      "the crisis classifier on the sentence's meaning (encoder) gives 98.2%, at or above its threshold 90.0%"
    )
  }

  /// Near 1 one decimal would print a score below 1 as 100.0%: hundredths keep it below.
  func testAReasonNearCertaintyShowsHundredths() throws {
    let meaning = try XCTUnwrap(
      CrisisMeaning(
        hiddenWeights: [8], hiddenBiases: [0], outputWeights: [1], outputBias: 0, threshold: 0.99899))
    let detection = try XCTUnwrap(meaning.detect([1]), "sigmoid(8) = 0.99966 reaches 0.99899")
    XCTAssertEqual(
      detection.reason,
      "the crisis classifier on the sentence's meaning (encoder) gives 99.96%, at or above its threshold 99.9%"
    )
  }

  func testFloatsDecodeFromLittleEndianBase64() {
    // 1.0 = 0x3F800000 and -2.5 = 0xC0200000, least significant byte first.
    XCTAssertEqual(CrisisMeaning.decodeFloats("AACAPwAAIMA="), [1, -2.5])
    XCTAssertEqual(CrisisMeaning.decodeFloats("AACAPwAA"), [], "6 bytes are not whole floats")
    XCTAssertEqual(CrisisMeaning.decodeFloats("%%%"), [])
  }
}
