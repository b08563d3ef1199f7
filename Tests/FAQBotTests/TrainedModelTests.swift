import Foundation
import XCTest

@testable import FAQBot

/// The model file: what goes in comes out, and nothing damaged, short or stale is trusted.
final class TrainedModelTests: XCTestCase {
  private let packHash = TrainedModel.packHash(
    intentFiles: [("a.yaml", "intents: []")], knowledgeBytes: [1, 2])

  func testATrainedClassifierRoundTripsAndPredictsTheSame() throws {
    let pack = ModelTestSupport.pack()
    let classifier = ModelTestSupport.classifier(for: pack)
    let bytes = TrainedModel(classifier: classifier, packHash: packHash).encoded()
    let decoded = try TrainedModel.decode(bytes, packHash: packHash)
    XCTAssertEqual(decoded.packHash, packHash)
    XCTAssertEqual(decoded.engine, TrainedModel.currentEngine)
    assertSameClassifier(decoded.classifier, classifier)
    let analyzer = ModelTestSupport.analyzer(for: pack)
    for question in ["is it going to rain", "how to say goodbye in Italian", "zzz qqq"] {
      let analysis = analyzer.analyze(question)
      XCTAssertEqual(decoded.classifier.predict(analysis), classifier.predict(analysis), question)
    }
  }

  func testEncodingIsDeterministic() {
    let classifier = ModelTestSupport.classifier(for: ModelTestSupport.pack())
    XCTAssertEqual(
      TrainedModel(classifier: classifier, packHash: packHash).encoded(),
      TrainedModel(classifier: ModelTestSupport.classifier(for: ModelTestSupport.pack()), packHash: packHash)
        .encoded())
  }

  func testEveryTruncationIsDetected() throws {
    let bytes = TrainedModel(
      classifier: ModelTestSupport.largeClassifier(features: 400, classes: 5, seed: 1), packHash: packHash
    )
    .encoded()
    let cuts = Array(0..<200) + Array(stride(from: 200, to: bytes.count, by: 97)) + [bytes.count - 1]
    for cut in cuts {
      XCTAssertThrowsError(try TrainedModel.decode(Array(bytes.prefix(cut)), packHash: packHash)) {
        XCTAssertEqual($0 as? TrainedModelError, .truncated, "cut at \(cut)")
      }
    }
  }

  func testAFlippedBitOrTrailingByteIsCorruption() throws {
    let bytes = TrainedModel(
      classifier: ModelTestSupport.largeClassifier(features: 400, classes: 5, seed: 2), packHash: packHash
    )
    .encoded()
    let payloadStart = bytes.count - payloadLength(bytes)
    for position in stride(from: payloadStart, to: bytes.count, by: 211) {
      var damaged = bytes
      damaged[position] ^= 0x10
      XCTAssertThrowsError(try TrainedModel.decode(damaged, packHash: packHash)) {
        guard case .corrupt = $0 as? TrainedModelError else { return XCTFail("\(position): \($0)") }
      }
    }
    XCTAssertThrowsError(try TrainedModel.decode(bytes + [0], packHash: packHash)) {
      guard case .corrupt = $0 as? TrainedModelError else { return XCTFail("\($0)") }
    }
  }

  func testStaleFormatEngineAndPackAreRefused() throws {
    let model = TrainedModel(
      classifier: ModelTestSupport.classifier(for: ModelTestSupport.pack()), packHash: packHash)
    var newerFormat = model.encoded()
    newerFormat[8] = UInt8(TrainedModel.formatVersion + 1)
    XCTAssertThrowsError(try TrainedModel.decode(newerFormat)) {
      XCTAssertEqual($0 as? TrainedModelError, .stale(.format(TrainedModel.formatVersion + 1)))
    }
    let older = TrainedModel(
      classifier: model.classifier, packHash: packHash, engine: "faqbot 0.0.1 matcher 0")
    XCTAssertThrowsError(try TrainedModel.decode(older.encoded())) {
      XCTAssertEqual($0 as? TrainedModelError, .stale(.engine("faqbot 0.0.1 matcher 0")))
    }
    XCTAssertThrowsError(
      try TrainedModel.decode(model.encoded(), packHash: String(repeating: "0", count: 64))
    ) {
      XCTAssertEqual($0 as? TrainedModelError, .stale(.pack))
    }
  }

  func testOtherFilesAreNotModels() {
    for text in ["intents: []", "{\"format\": 1}", "FAQBOTMX and more"] {
      XCTAssertThrowsError(try TrainedModel.decode(Array(text.utf8))) {
        XCTAssertEqual($0 as? TrainedModelError, .notAModel, text)
      }
    }
  }

  func testPackHashFollowsContentNotDirectoryOrOrder() {
    let files = [("/x/01-a.yaml", "intents: [a]"), ("/x/02-b.yaml", "intents: [b]")]
    let hash = TrainedModel.packHash(intentFiles: files, knowledgeBytes: [1])
    XCTAssertEqual(hash.count, 64)
    XCTAssertEqual(
      hash,
      TrainedModel.packHash(
        intentFiles: [files[1], ("/elsewhere/01-a.yaml", "intents: [a]")], knowledgeBytes: [1]))
    XCTAssertNotEqual(hash, TrainedModel.packHash(intentFiles: files, knowledgeBytes: [2]))
    XCTAssertNotEqual(
      hash,
      TrainedModel.packHash(intentFiles: [files[0], ("/x/02-b.yaml", "intents: [c]")], knowledgeBytes: [1]))
    // Moving text between files is a different pack, although the concatenation is the same.
    XCTAssertNotEqual(
      TrainedModel.packHash(intentFiles: [("a", "xy"), ("b", "z")], knowledgeBytes: []),
      TrainedModel.packHash(intentFiles: [("a", "x"), ("b", "yz")], knowledgeBytes: []))
  }

  /// The payload length, read from the header.
  private func payloadLength(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBytes { buffer in
      var reader = ModelBinaryReader(buffer, offset: TrainedModel.magic.count)
      _ = try? reader.uint32("format")
      _ = try? reader.string("engine")
      _ = try? reader.string("pack")
      return Int((try? reader.uint64("length")) ?? 0)
    }
  }
}
