import CEncoderKernels
import FAQBotEncoder
import Foundation
import XCTest

// For the token vectors, whose split the encoder shares.
@testable import FAQBotVectors

/// The encoder compiled in: its file is whole, it reproduces the fp32 reference on the committed
/// fixture, it tokenizes as the reference does, and it refuses damaged files.
final class SentenceEncoderTests: XCTestCase {
  private struct Fixture: Decodable {
    struct Sentence: Decodable {
      let text: String
      let tokens: [Int32]
      let vector: [Float]
    }
    let tokenCap: Int
    let sentences: [Sentence]

    enum CodingKeys: String, CodingKey {
      case tokenCap = "token_cap"
      case sentences
    }
  }

  /// Written by scripts/convert-minilm from the numpy reference on the fp32 weights.
  private static let fixture: Fixture? = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/encoder/parity.json")
    guard let data = try? Data(contentsOf: url) else { return nil }
    return try? JSONDecoder().decode(Fixture.self, from: data)
  }()

  private func encoder() throws -> SentenceEncoder { try SentenceEncoder.embedded() }

  private func cosine(_ a: [Float], _ b: [Float]) -> Float {
    let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    let lengths = a.reduce(0) { $0 + $1 * $1 }.squareRoot() * b.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return dot / lengths
  }

  func testTheEmbeddedFileIsWholeAndMatchesItsRecordedHash() throws {
    let weights = try EncoderWeights.embedded.get()
    XCTAssertEqual(
      weights.configuration,
      EncoderConfiguration(
        layers: 6, hidden: 384, heads: 12, intermediate: 1_536, vocabulary: 30_522, positions: 512))
    XCTAssertEqual(weights.recordedHash, EncoderWeights.expectedHash, "a stale build of EncoderWeights.c")
    // The embedded bytes are the committed file's, and the file's content has the hash its
    // header records (sha256sum: faqbot's own SHA-256 takes 25 s on 32 MB in a debug build).
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/CEncoderWeights/EncoderWeights.c.bin")
    let bytes = try Data(contentsOf: file)
    XCTAssertTrue(bytes.elementsEqual(weights.bytes), "the build embedded another file")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "tail -c +69 \"$0\" | sha256sum", file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(String(decoding: output.prefix(64), as: UTF8.self), weights.recordedHash)
  }

  func testVectorsMatchTheReferenceOnTheFixture() throws {
    let fixture = try XCTUnwrap(Self.fixture)
    let encoder = try encoder()
    XCTAssertEqual(encoder.tokenCap, fixture.tokenCap)
    XCTAssertGreaterThanOrEqual(fixture.sentences.count, 60)
    let vectors = encoder.encode(fixture.sentences.map(\.text))
    for (sentence, vector) in zip(fixture.sentences, vectors) {
      XCTAssertEqual(encoder.tokenIDs(sentence.text), sentence.tokens, sentence.text.debugDescription)
      XCTAssertGreaterThanOrEqual(cosine(vector, sentence.vector), 0.999, sentence.text.debugDescription)
      XCTAssertEqual(vector.reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-4)
    }
  }

  func testOneWordPieceSplitServesBothVocabularies() throws {
    let encoder = try encoder()
    let vectors = try XCTUnwrap(TokenVectors.embedded)
    for word in ["ketamine", "esketamine", "antidepressants", "don't", "e-mail", "zxqv", "123456789"] {
      var pieces: [Int32] = []
      vectors.appendPieces(of: word, to: &pieces)
      let encoded = encoder.tokenIDs(word).dropFirst().dropLast()
      XCTAssertEqual(
        encoded.compactMap { encoder.weights.pieceText($0) }, pieces.map { vectors.text(ofPiece: $0) }, word)
    }
  }

  func testEmptyAndOverlongInputAreHandled() throws {
    let encoder = try encoder()
    for text in ["", "   ", "\u{0}\u{7}"] {
      XCTAssertEqual(encoder.tokenIDs(text), [101, 102], text.debugDescription)
      let vector = encoder.encode(text)
      XCTAssertEqual(vector.count, 384)
      XCTAssertTrue(vector.allSatisfy(\.isFinite))
    }
    let long = String(repeating: "ketamine therapy ", count: 5_000)
    XCTAssertEqual(encoder.tokenIDs(long).count, SentenceEncoder.defaultTokenCap)
    XCTAssertEqual(encoder.tokenIDs(long).last, 102, "[SEP] ends a cut sentence")
    let short = SentenceEncoder(weights: encoder.weights, tokenCap: 16)
    XCTAssertEqual(short.tokenIDs(long).count, 16)
    XCTAssertTrue(short.encode(long).allSatisfy(\.isFinite))
    let word = String(repeating: "a", count: 101)
    XCTAssertEqual(encoder.tokenIDs(word), [101, 100, 102], "a word over 100 characters is [UNK]")
    XCTAssertEqual(
      encoder.encode(tokenIDs: [[101, -5, 1 << 30, 102]]), encoder.encode(tokenIDs: [[101, 100, 100, 102]]),
      "ids outside the vocabulary are read as [UNK]")
  }

  func testEncodingIsDeterministicAndABatchGivesEachSentencesOwnVector() throws {
    let encoder = try encoder()
    let texts = ["what is ketamine", "Is it safe?", "how long does a session last", "thanks"]
    let batch = encoder.encode(texts)
    XCTAssertEqual(batch, encoder.encode(texts))
    XCTAssertEqual(batch, texts.map { encoder.encode($0) }, "a batch shares products, not attention")
  }

  func testTheFastKernelsAgreeWithThePortableLoop() throws {
    let fast = try encoder()
    // 3 sentences of 5, 9 and 14 tokens: tiles of 1 to 6 tokens, one panel at a time.
    let texts = [
      "side effects?", "how long does a ketamine session last", String(repeating: "dose ", count: 12),
    ]
    let portable = SentenceEncoder(weights: fast.weights, kernel: .portableC).encode(texts)
    for kernel in [MatrixKernel.native, .rowTiles] {
      let vectors = SentenceEncoder(weights: fast.weights, kernel: kernel).encode(texts)
      for (a, b) in zip(vectors, portable) { XCTAssertGreaterThan(cosine(a, b), 0.99999, "\(kernel)") }
    }
  }

  func testBothPanelFormatsMatchTheReferenceAndEachOther() throws {
    // The int16 panels are the default where the processor has AVX-512 VNNI, the half panels
    // elsewhere: both must keep parity on every machine (without VNNI the int16 numbers run
    // through the portable loop, slower but the same bits).
    let fixture = try XCTUnwrap(Self.fixture)
    let bytes = Array(try EncoderWeights.embedded.get().bytes)
    let texts = fixture.sentences.prefix(24).map(\.text)
    var byFormat: [PanelFormat: [[Float]]] = [:]
    for format in PanelFormat.allCases {
      let weights = try EncoderWeights(copying: bytes, panelFormat: format)
      XCTAssertEqual(weights.panelFormat, format)
      let vectors = SentenceEncoder(weights: weights).encode(texts)
      for (sentence, vector) in zip(fixture.sentences, vectors) {
        XCTAssertGreaterThanOrEqual(cosine(vector, sentence.vector), 0.999, "\(format) \(sentence.text)")
      }
      byFormat[format] = vectors
    }
    for (a, b) in zip(byFormat[.half] ?? [], byFormat[.int16] ?? []) {
      XCTAssertGreaterThan(cosine(a, b), 0.9999)
    }
    XCTAssertEqual(
      try EncoderWeights.embedded.get().panelFormat, faqbot_kernels_have_avx512_vnni() != 0 ? .int16 : .half)
  }

  func testTheInt16KernelGivesItsPortableLoopsBitsOnAnyShape() {
    // Shapes that leave partial groups of rows, padded columns and every tile size (1-3 tokens,
    // and blocks of them); the inputs include a zero row and large magnitudes.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func random() -> Float {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Float(Int64(bitPattern: state >> 11) % 20_001 - 10_000) / 10_000
    }
    for (rows, columns, tokens) in [(64, 32, 1), (70, 45, 7), (16, 384, 13), (200, 1_536, 5), (1, 3, 2)] {
      let halves = (0..<rows * columns).map { _ in Float16(random()).bitPattern }
      let bias = (0..<rows).map { _ in random() }
      var x = (0..<tokens * columns).map { _ in random() * 30 }
      for c in 0..<columns { x[c] = 0 }  // a token of zeros: its outputs are the bias
      let panels = UnsafeMutableRawPointer.allocate(
        byteCount: faqbot_i16_panels_count(rows, columns) * 2, alignment: 64
      ).bindMemory(to: Int16.self, capacity: faqbot_i16_panels_count(rows, columns))
      var scales = [Float](repeating: 0, count: faqbot_i16_scales_count(rows))
      var scratch = [Int16](repeating: 0, count: faqbot_i16_scratch_count(tokens, columns))
      var tokenScales = [Float](repeating: 0, count: tokens)
      defer { panels.deallocate() }
      faqbot_i16_pack_panels(halves, rows, columns, panels, &scales)
      let count = faqbot_i16_panels_count(rows, columns)
      let packed = Array(UnsafeBufferPointer(start: panels, count: count))
      var portableScales = scales
      faqbot_i16_pack_panels_portable(halves, rows, columns, panels, &portableScales)
      let portablePacked = Array(UnsafeBufferPointer(start: panels, count: count))
      XCTAssertEqual(packed, portablePacked, "packing \(rows) x \(columns)")
      XCTAssertEqual(scales, portableScales)
      var fast = [Float](repeating: .nan, count: tokens * rows)
      var portable = fast
      faqbot_i16_panel_linear(x, tokens, columns, panels, scales, bias, rows, &fast, &scratch, &tokenScales)
      faqbot_i16_panel_linear_portable(
        x, tokens, columns, panels, scales, bias, rows, &portable, &scratch, &tokenScales)
      let shape = "\(rows) x \(columns), \(tokens) tokens"
      XCTAssertEqual(fast.map(\.bitPattern), portable.map(\.bitPattern), shape)
      XCTAssertEqual(Array(fast.prefix(rows)), bias, "a zero input gives the bias")
      // And close to the product in floats on the half weights (within int16's rounding).
      for t in 1..<tokens {
        for r in 0..<rows {
          var sum: Float = 0
          var size: Float = 0
          for c in 0..<columns {
            let product = x[t * columns + c] * Float(Float16(bitPattern: halves[r * columns + c]))
            sum += product
            size += abs(product)
          }
          XCTAssertEqual(fast[t * rows + r], sum + bias[r], accuracy: 1e-3 * max(size, 1))
        }
      }
    }
  }

  func testDamagedFilesAreRefused() throws {
    let original = Array(try EncoderWeights.embedded.get().bytes)
    func refused(_ change: (inout [UInt8]) -> Void) -> EncoderWeightsError? {
      var bytes = original
      change(&bytes)
      do {
        _ = try EncoderWeights(copying: bytes)
        return nil
      } catch {
        return error
      }
    }
    func setWord(_ bytes: inout [UInt8], at offset: Int, _ value: UInt32) {
      for k in 0..<4 { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
    }
    XCTAssertEqual(refused { $0 = Array($0.prefix(40)) }, .truncatedHeader)
    XCTAssertEqual(refused { $0[0] = UInt8(ascii: "X") }, .badMagic)
    XCTAssertEqual(refused { setWord(&$0, at: 4, 9) }, .unsupportedVersion(9))
    if case .implausibleHeader = refused({ setWord(&$0, at: 12, 0) }) {} else { XCTFail("hidden 0 accepted") }
    if case .implausibleHeader = refused({ setWord(&$0, at: 24, UInt32.max) }) {
    } else {
      XCTFail("a huge vocabulary accepted")
    }
    XCTAssertEqual(
      refused { $0 = Array($0.dropLast(64)) },
      .sizeMismatch(expected: original.count, actual: original.count - 64))
    XCTAssertEqual(
      refused { $0.append(0) }, .sizeMismatch(expected: original.count, actual: original.count + 1))
    if case .damagedVocabulary = refused({ setWord(&$0, at: 68 + 4, UInt32.max) }) {
    } else {
      XCTFail("an offset outside the strings accepted")
    }
    // The first hash slot: the table starts after the offsets and strings (padded to 4).
    let strings = Int(UInt32(original[32]) | UInt32(original[33]) << 8 | UInt32(original[34]) << 16)
    let table = (68 + 30_523 * 4 + strings + 3) / 4 * 4
    if case .damagedVocabulary = refused({ setWord(&$0, at: table, 40_000) }) {
    } else {
      XCTFail("a hash slot naming no piece accepted")
    }
    // The word embeddings' first row scale, at the next multiple of 64 after the table.
    let scales = (table + 65_536 * 4 + 63) / 64 * 64
    XCTAssertEqual(
      refused { setWord(&$0, at: scales, Float.nan.bitPattern) }, .nonFiniteParameter("scales of table 0"))
    XCTAssertNil(refused { _ in }, "the intact copy is read")
  }
}
