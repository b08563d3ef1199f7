import FAQBot
import Foundation
import XCTest

@testable import FAQBotCore

final class EnglishStemmerTests: XCTestCase {
  private let stemmer = EnglishStemmer()

  /// The Snowball project's reference vocabulary: `voc.txt` holds one word a line and
  /// `output.txt` the expected stem on the same line.
  private func loadFixture() throws -> (words: [String], stems: [String]) {
    let directory = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // FAQBotTests
      .deletingLastPathComponent()  // Tests
      .appendingPathComponent("Fixtures/snowball-english")
    func lines(_ name: String) throws -> [String] {
      let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if lines.last == "" { lines.removeLast() }
      return lines
    }
    return (try lines("voc.txt"), try lines("output.txt"))
  }

  func testSnowballReferenceVocabulary() throws {
    let fixture = try loadFixture()
    XCTAssertEqual(fixture.words.count, 42_649)
    XCTAssertEqual(fixture.words.count, fixture.stems.count)

    var mismatches: [String] = []
    var mismatchCount = 0
    for (word, expected) in zip(fixture.words, fixture.stems) {
      let actual = stemmer.stem(word)
      if actual != expected {
        mismatchCount += 1
        if mismatches.count < 20 { mismatches.append("\(word) -> \(actual) (expected \(expected))") }
      }
    }
    XCTAssertEqual(
      mismatchCount, 0,
      "\(mismatchCount) mismatches; first ones:\n" + mismatches.joined(separator: "\n"))
  }

  func testByteAPIAgreesWithStringAPI() throws {
    let fixture = try loadFixture()
    var disagreements: [String] = []
    for word in fixture.words {
      let fromString = Array(stemmer.stem(word).utf8)
      let fromBytes = stemmer.stem(bytes: Array(word.utf8))
      if fromString != fromBytes, disagreements.count < 20 {
        disagreements.append("\(word): \(String(decoding: fromBytes, as: UTF8.self))")
      }
    }
    XCTAssertTrue(disagreements.isEmpty, disagreements.joined(separator: "\n"))

    for word in ["", "ab", "café", "2024"] {
      XCTAssertEqual(stemmer.stem(bytes: Array(word.utf8)), Array(word.utf8), word)
    }
  }

  func testExceptionalForms() {
    let cases: [(String, String)] = [
      ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
      ("vying", "vie"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"),
      ("only", "onli"), ("singly", "singl"), ("sky", "sky"), ("news", "news"), ("howe", "howe"),
      ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ]
    for (word, expected) in cases {
      XCTAssertEqual(stemmer.stem(word), expected, word)
    }
  }

  func testWordsKeptAfterPluralRemoval() {
    let cases: [(String, String)] = [
      ("inning", "inning"), ("innings", "inning"), ("outing", "outing"), ("outings", "outing"),
      ("canning", "canning"), ("herring", "herring"), ("earrings", "earring"), ("evening", "evening"),
      ("proceed", "proceed"), ("exceeds", "exceed"), ("succeeded", "succeed"),
    ]
    for (word, expected) in cases {
      XCTAssertEqual(stemmer.stem(word), expected, word)
    }
  }

  func testRegionsAndCommonSuffixes() {
    let cases: [(String, String)] = [
      ("generously", "generous"), ("communication", "communic"), ("arsenal", "arsenal"),
      ("running", "run"), ("hopping", "hop"), ("hoping", "hope"), ("connections", "connect"),
      ("passwords", "password"), ("youth", "youth"), ("saying", "say"), ("happy", "happi"),
      ("cries", "cri"), ("ties", "tie"), ("gas", "gas"), ("agreed", "agre"), ("luxuriating", "luxuri"),
      ("user's", "user"), ("'quoted", "quot"),
    ]
    for (word, expected) in cases {
      XCTAssertEqual(stemmer.stem(word), expected, word)
    }
  }

  func testShortEmptyAndUnsupportedWordsAreUnchanged() {
    XCTAssertEqual(stemmer.stem(""), "")
    XCTAssertEqual(stemmer.stem("a"), "a")
    XCTAssertEqual(stemmer.stem("is"), "is")
    XCTAssertEqual(stemmer.stem("as"), "as")
    XCTAssertEqual(stemmer.stem("cafés"), "cafés")
    XCTAssertEqual(stemmer.stem("naïvely"), "naïvely")
    XCTAssertEqual(stemmer.stem("12345"), "12345")
  }
}
