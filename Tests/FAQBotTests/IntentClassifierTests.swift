import FAQBot
import XCTest

/// The trained classifier: probabilities, determinism, evidence and scope.
final class IntentClassifierTests: XCTestCase {
  static let pack = IntentPack(intents: [
    Intent(
      id: "weather",
      examples: ["what is the weather", "will it rain today", "is it sunny outside", "forecast please"],
      answer: Reply(text: "w")),
    Intent(
      id: "music", examples: ["play some music", "put on a song", "play my playlist", "i want to hear jazz"],
      answer: Reply(text: "m")),
    Intent(
      id: "alarm", examples: ["set an alarm", "wake me up at seven", "alarm for 6 am", "set my alarm clock"],
      answer: Reply(text: "a")),
  ])

  func makeClassifier(seed: UInt64 = 0x5EED) -> (IntentClassifier, TextAnalyzer) {
    let analyzer = TextAnalyzer(vocabulary: Self.pack.intents.flatMap(\.examples), synonyms: [:])
    var options = SoftmaxRegression.Options()
    options.seed = seed
    return (IntentClassifier(pack: Self.pack, analyzer: analyzer, options: options), analyzer)
  }

  func testPredictsTheRightIntentForUnseenPhrasings() {
    let (classifier, analyzer) = makeClassifier()
    let cases = ["is it going to rain", "play a song please", "set an alarm for 7"]
    let expected = ["weather", "music", "alarm"]
    for (question, intent) in zip(cases, expected) {
      let prediction = classifier.predict(analyzer.analyze(question))
      XCTAssertEqual(classifier.intentIds[prediction.ranking[0]], intent, question)
    }
  }

  func testProbabilitiesAreInRangeRankedAndSumToTheInScopeShare() {
    let (classifier, analyzer) = makeClassifier()
    for question in ["will it rain", "play jazz tomorrow morning", "xyzzy plugh", "", "set alarm"] {
      let prediction = classifier.predict(analyzer.analyze(question))
      XCTAssertTrue(prediction.probabilities.allSatisfy { (0...1).contains($0) }, question)
      let sum = prediction.probabilities.reduce(0, +)
      XCTAssertEqual(sum, prediction.inScope, accuracy: 1e-4, question)
      let ranked = prediction.ranking.map { prediction.probabilities[$0] }
      XCTAssertEqual(ranked, ranked.sorted(by: >), question)
    }
  }

  func testTrainingIsDeterministicForASeed() {
    let (first, _) = makeClassifier()
    let (second, _) = makeClassifier()
    XCTAssertEqual(first.model.weights, second.model.weights)
    XCTAssertEqual(first.model.bias, second.model.bias)
  }

  func testUnknownWordsLowerTheInScopeShare() {
    let (classifier, analyzer) = makeClassifier()
    let known = classifier.predict(analyzer.analyze("will it rain today"))
    let foreign = classifier.predict(analyzer.analyze("best pizza restaurants downtown"))
    XCTAssertEqual(known.inScope, 1, accuracy: 1e-6)
    XCTAssertLessThan(foreign.inScope, 0.5)
    XCTAssertLessThan(foreign.probabilities[foreign.ranking[0]], 0.5)
  }

  func testAQuestionWithNoKnownFeatureHasNoEvidence() {
    let (classifier, analyzer) = makeClassifier()
    XCTAssertFalse(classifier.predict(analyzer.analyze("")).hasEvidence)
    XCTAssertFalse(classifier.predict(analyzer.analyze("🙂")).hasEvidence)
    XCTAssertTrue(classifier.predict(analyzer.analyze("rain")).hasEvidence)
  }

  func testWeightiestWordsPointAtTheDecisiveWord() {
    let (classifier, analyzer) = makeClassifier()
    let analysis = analyzer.analyze("could you please play jazz")
    let music = classifier.intentIds.firstIndex(of: "music") ?? -1
    let words = classifier.weightiestWords(analysis, towards: music).map(\.word)
    XCTAssertTrue(words.prefix(2).contains("play") || words.prefix(2).contains("jazz"), "\(words)")
  }
}
