import XCTest

@testable import FAQBotCore

final class WordTableTests: XCTestCase {
  /// The table answers exactly as the dictionary it replaces, for keys, near misses (a prefix,
  /// an extension, another case), the empty word, long (heap) strings and other scripts.
  func testAnswersAsADictionaryWould() {
    var dictionary: [String: Int] = [:]
    for (index, word) in [
      "kill", "kms", "die", "suicide", "myself", "", "naïve", "自杀", String(repeating: "a", count: 40),
    ]
    .enumerated() {
      dictionary[word] = index
    }
    for index in 0..<500 { dictionary["word\(index)"] = 100 + index }
    let table = WordTable(dictionary)
    XCTAssertEqual(table.count, dictionary.count)
    let probes =
      Array(dictionary.keys) + [
        "kil", "killl", "Kill", "kms ", "word500", "word-1", "a", String(repeating: "a", count: 39),
        String(repeating: "a", count: 41), "naive", "自", "wordx",
      ]
    for probe in probes {
      XCTAssertEqual(table[probe], dictionary[probe], probe)
      XCTAssertEqual(table.contains(probe), dictionary[probe] != nil, probe)
    }
  }

  func testAKeyGivenTwiceKeepsItsLastValue() {
    let table = WordTable([("di", "die"), ("dye", "die"), ("di", "dead")])
    XCTAssertEqual(table.count, 2)
    XCTAssertEqual(table["di"], "dead")
    XCTAssertEqual(table.keys, ["di", "dye"])
  }

  func testAWordSetIsASet() {
    let set: WordSet = ["rope", "noose", "rope", "bridge"]
    XCTAssertEqual(set.count, 3)
    XCTAssertEqual(set.words, ["rope", "noose", "bridge"])
    XCTAssertTrue(set.contains("noose"))
    XCTAssertFalse(set.contains("nooses"))
    XCTAssertFalse(WordSet([String]()).contains(""))
  }

  /// A substring's bytes are not contiguous in a String of its own; the lookup still works.
  func testABridgedOrSlicedStringIsFound() {
    let table: WordTable<Int> = ["overdose": 1]
    let sentence = "i took an overdose today"
    let word = String(sentence.split(separator: " ")[3])
    XCTAssertEqual(table[word], 1)
    XCTAssertEqual(table[String(sentence.dropFirst(10).prefix(8))], 1)
  }
}
