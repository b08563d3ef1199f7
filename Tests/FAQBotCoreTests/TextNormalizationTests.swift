import FAQBot
import XCTest

@testable import FAQBotCore

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

  func testTypographicPunctuationTakesTheShortCutToTheSameWords() {
    // The short cut must give exactly what the Foundation path gives.
    let texts = [
      "Ketamine\u{2019}s effects \u{2014} what\u{2019}s known\u{2026} \u{201C}so far\u{201D}",
      "don\u{2019}t\u{00A0}stop \u{2018}now\u{2019} 1\u{2013}2 weeks",
      "\u{2019}\u{2019} \u{2026}\u{2026}",
    ]
    for text in texts {
      let bytes = Array(text.utf8)
      let shortCut = TextNormalizer.replacingTypographicPunctuation(bytes)
      XCTAssertNotNil(shortCut, text)
      XCTAssertEqual(
        TextNormalizer.splitWords(shortCut ?? []),
        TextNormalizer.splitWords(Array(TextNormalizer.foldUnicode(text).utf8)), text)
    }
    XCTAssertEqual(TextNormalizer().words("what\u{2019}s the risk"), ["what", "is", "the", "risk"])
    XCTAssertNil(TextNormalizer.replacingTypographicPunctuation(Array("caf\u{00E9} \u{2019}".utf8)))
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
