import FAQBot
import XCTest

@testable import FAQBotCore

/// SHA-256 keys the model cache and fingerprints the source document, so it must be the
/// standard one: FIPS 180-4's test vectors, and the same digest however the input is split.
final class SHA256Tests: XCTestCase {
  func testStandardVectors() {
    XCTAssertEqual(
      SHA256.hexDigest(of: [] as [UInt8]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    XCTAssertEqual(
      SHA256.hexDigest(of: Array("abc".utf8)),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    XCTAssertEqual(
      SHA256.hexDigest(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    XCTAssertEqual(
      SHA256.hexDigest(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Lengths around the 55/56/64-byte padding boundaries, fed in pieces of every size
  /// from 1 to 130 bytes, and as a String, give the one-shot digest.
  func testSplitInputGivesTheOneShotDigest() {
    var random = SeededGenerator(seed: 3)
    for count in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1_000] {
      let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
      let expected = SHA256.hexDigest(of: bytes)
      for piece in 1...130 {
        var hasher = SHA256()
        for start in stride(from: 0, to: count, by: piece) {
          hasher.update(Array(bytes[start..<min(count, start + piece)]))
        }
        XCTAssertEqual(hasher.finalizeHex(), expected, "\(count) bytes in pieces of \(piece)")
      }
    }
    let text = String(repeating: "ketamine — ✓ ", count: 40)
    var hasher = SHA256()
    hasher.update(text)
    XCTAssertEqual(hasher.finalizeHex(), SHA256.hexDigest(of: Array(text.utf8)))
  }
}
