import FAQBot
import Foundation
import XCTest

@testable import FAQBotVectors

/// The token vectors compiled in: intact, split words as BERT's tokenizer does, carry meaning,
/// and a damaged copy is refused rather than read out of bounds.
final class TokenVectorsTests: XCTestCase {
  private func embedded() throws -> TokenVectors { try XCTUnwrap(TokenVectors.embedded) }

  private func pieces(_ word: String, _ vectors: TokenVectors) -> [String] {
    var pieces: [Int32] = []
    vectors.appendPieces(of: word, to: &pieces)
    return pieces.map { vectors.text(ofPiece: $0) }
  }

  func testTheEmbeddedFileIsWholeAndMatchesItsRecordedHash() throws {
    let vectors = try embedded()
    XCTAssertEqual(vectors.dimensions, 256)
    XCTAssertEqual(vectors.count, 29_523)
    XCTAssertEqual(vectors.scales.count, 256)
    XCTAssertTrue(vectors.scales.allSatisfy { $0.isFinite && $0 > 0 })
    XCTAssertTrue(vectors.contentMatchesRecordedHash())
    XCTAssertEqual(vectors.recordedHash, TokenVectors.expectedHash, "a stale build of TokenVectors.c")
    XCTAssertTrue(TrainedModel.currentEngine.contains("vectors \(vectors.recordedHash.prefix(16)) "))
  }

  func testWordsSplitIntoTheLongestKnownPiecesFirst() throws {
    let vectors = try embedded()
    // What the reference tokenizer (Benchmarks/experiments/sentence_encoder.py, on the
    // model's own vocab.txt) makes of these words.
    let reference = [
      "weather": ["weather"], "ketamine": ["ke", "##tam", "##ine"],
      "esketamine": ["es", "##ke", "##tam", "##ine"], "psychotherapy": ["psycho", "##therapy"],
      "antidepressants": ["anti", "##de", "##press", "##ants"], "don't": ["don", "'", "t"],
      "e-mail": ["e", "-", "mail"], "zxqv": ["z", "##x", "##q", "##v"],
      "unbelievably": ["un", "##bel", "##ie", "##va", "##bly"],
      "123456789": ["123", "##45", "##6", "##7", "##8", "##9"],
    ]
    for (word, expected) in reference { XCTAssertEqual(pieces(word, vectors), expected, word) }
  }

  func testWordsWithoutKnownPiecesOrTooLongAddNothing() throws {
    let vectors = try embedded()
    var pieces: [Int32] = [7]
    // Words reach the vectors folded to ASCII where Unicode allows (``TextNormalizer``); the
    // rest may have no pieces.
    for word in ["", String(repeating: "a", count: 101), "\u{10FFFF}\u{10FFFE}", "a\u{E000}"] {
      vectors.appendPieces(of: word, to: &pieces)
      XCTAssertEqual(
        pieces, [7], "a word of no known pieces keeps what came before: \(word.debugDescription)")
    }
    XCTAssertFalse(
      self.pieces(String(repeating: "a", count: 100), vectors).isEmpty, "100 characters is not too long")
  }

  func testRelatedWordsAreCloserThanUnrelatedOnes() throws {
    let vectors = try embedded()
    func vector(_ word: String) -> [Float] {
      var sum = [Float](repeating: 0, count: vectors.dimensions)
      var ids: [Int32] = []
      vectors.appendPieces(of: word, to: &ids)
      for id in ids {
        for (d, value) in vectors.row(id).enumerated() { sum[d] += Float(value) * vectors.scales[d] }
      }
      return sum
    }
    func cosine(_ a: String, _ b: String) -> Float {
      let (x, y) = (vector(a), vector(b))
      let dot = zip(x, y).map(*).reduce(0, +)
      return dot / (zip(x, x).map(*).reduce(0, +).squareRoot() * zip(y, y).map(*).reduce(0, +).squareRoot())
    }
    for (word, near, far) in [
      ("forecast", "weather", "guitar"), ("song", "music", "invoice"), ("depression", "anxiety", "bicycle"),
      ("doctor", "physician", "banana"),
    ] {
      XCTAssertGreaterThan(cosine(word, near), cosine(word, far) + 0.1, "\(word): \(near) vs \(far)")
    }
  }

  private func stringBytes(_ file: [UInt8]) -> Int {
    Int(file[20]) | Int(file[21]) << 8 | Int(file[22]) << 16 | Int(file[23]) << 24
  }

  func testDamagedCopiesAreRefused() throws {
    let bytes = try embedded().fileBytes
    XCTAssertNotNil(TokenVectors(bytes: bytes))
    XCTAssertNil(TokenVectors(bytes: []))
    XCTAssertNil(TokenVectors(bytes: Array(bytes.dropLast())), "truncated")
    XCTAssertNil(TokenVectors(bytes: bytes + [0]), "a byte too many")
    var magic = bytes
    magic[0] = UInt8(ascii: "X")
    XCTAssertNil(TokenVectors(bytes: magic))
    // Counts so large that the sizes they imply would overflow.
    var huge = bytes
    huge.replaceSubrange(8..<16, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
    XCTAssertNil(TokenVectors(bytes: huge))
    var version = bytes
    version[4] = 1
    XCTAssertNil(TokenVectors(bytes: version))
    // An offset that goes backwards would have a lookup read before its string.
    var offsets = bytes
    let firstOffset = TokenVectors.headerSize + 256 * 4
    offsets[firstOffset + 4 * 10] = 0xFF
    offsets[firstOffset + 4 * 10 + 1] = 0xFF
    XCTAssertNil(TokenVectors(bytes: offsets))
    // A slot naming a piece that does not exist, and a table with no free slot.
    let tableStart = (firstOffset + (29_523 + 1) * 4 + stringBytes(bytes) + 3) / 4 * 4
    var slot = bytes
    slot.replaceSubrange(tableStart..<tableStart + 4, with: [0xFF, 0xFF, 0, 0])
    XCTAssertNil(TokenVectors(bytes: slot))
    var full = bytes
    for index in stride(from: tableStart, to: tableStart + 65_536 * 4, by: 4)
    where full[index...index + 3] == [0, 0, 0, 0] {
      full[index] = 1
    }
    XCTAssertNil(TokenVectors(bytes: full))
    var content = bytes
    content[bytes.count - 1] ^= 1
    XCTAssertFalse(try XCTUnwrap(TokenVectors(bytes: content)).contentMatchesRecordedHash())
  }
}
