import FAQBot
import XCTest

/// Normalisation, typo correction and synonyms: what the matchers see of a question.
final class TextNormalizationTests: XCTestCase {
  let normalizer = TextNormalizer()

  func testFoldsCaseDiacriticsWidthAndPunctuation() {
    XCTAssertEqual(normalizer.words("What's KETAMINE?!"), ["what", "is", "ketamine"])
    XCTAssertEqual(normalizer.words("Café – naïve, ﬁne"), ["cafe", "naive", "fine"])
    XCTAssertEqual(normalizer.words("ＫＥＴＡＭＩＮＥ"), ["ketamine"])
  }

  func testExpandsContractionsWithStraightAndCurlyApostrophes() {
    XCTAssertEqual(normalizer.words("doesn't"), ["does", "not"])
    XCTAssertEqual(normalizer.words("doesn\u{2019}t"), ["does", "not"])
    XCTAssertEqual(normalizer.words("I'm sure it's fine"), ["i", "am", "sure", "it", "is", "fine"])
  }

  func testNormalisationIsIdempotent() {
    let samples = [
      "What's ketamine?", "Ça va — très bien", "ＡＢＣ１２３", "e.g. Dr. Smith's 2.5 mg", "🙂🙂", "",
      "\u{0000}\u{FFFD}\u{200B}zero width", "İstanbul ǅ ß",
    ]
    for sample in samples {
      let once = normalizer.words(sample)
      XCTAssertEqual(normalizer.words(once.joined(separator: " ")), once, sample)
    }
  }

  func testOnlyPunctuationOrEmojiGivesNoWords() {
    XCTAssertEqual(normalizer.words("?!... ---"), [])
    XCTAssertEqual(normalizer.words("🙂👍🏽"), [])
  }

  func testCorrectsTyposOfLongWordsOnly() {
    let corrector = SpellingCorrector(vocabulary: ["ketamine", "effects", "addictive", "stick", "therapy"])
    XCTAssertEqual(corrector.correct("ketamin"), "ketamine")
    XCTAssertEqual(corrector.correct("efects"), "effects")
    XCTAssertEqual(corrector.correct("adictive"), "addictive")
    // Five letters or fewer: a real word one edit from a known one stays itself.
    XCTAssertEqual(corrector.correct("stock"), "stock")
    // Too far from anything known.
    XCTAssertEqual(corrector.correct("zzzzzzzz"), "zzzzzzzz")
  }

  func testAnalyzerAppliesSynonymsThenStems() {
    let analyzer = TextAnalyzer(
      vocabulary: ["side effects of ketamine"],
      synonyms: ["ketamine": ["special k"], "doctor": ["physician"]])
    let analysis = analyzer.analyze("Does Special K have side-effects? Ask a physician")
    XCTAssertTrue(analysis.words.contains("ketamine"))
    XCTAssertTrue(analysis.words.contains("doctor"))
    XCTAssertFalse(analysis.words.contains("special"))
    XCTAssertTrue(analysis.stems.contains("effect"))
  }
}
