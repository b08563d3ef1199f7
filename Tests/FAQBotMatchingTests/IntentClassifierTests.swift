import FAQBot
import XCTest

@testable import FAQBotMatching

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

  func testAWeightBudgetKeepsOnlyTheMostFrequentFeaturesAndStillClassifies() {
    let analyzer = TextAnalyzer(vocabulary: Self.pack.intents.flatMap(\.examples), synonyms: [:])
    let full = IntentClassifier(pack: Self.pack, analyzer: analyzer)
    let dense = full.embedding?.dimensions ?? 0
    XCTAssertEqual(dense, 256, "the embedded token vectors")
    var options = SoftmaxRegression.Options()
    options.weightBudget = 3 * (dense + 60)  // the dense block and 60 sparse features for 3 intents
    let capped = IntentClassifier(pack: Self.pack, analyzer: analyzer, options: options)
    XCTAssertGreaterThan(full.space.count, 60)
    XCTAssertEqual(capped.space.count, 60)
    XCTAssertEqual(capped.model.weights.count, (60 + dense) * 3)
    for (question, intent) in [("will it rain today", "weather"), ("play my playlist", "music")] {
      let prediction = capped.predict(analyzer.analyze(question))
      XCTAssertEqual(capped.intentIds[prediction.ranking[0]], intent, question)
    }
  }

  func testTheMostFrequentFeaturesAreKeptDeterministically() throws {
    let keys = FeatureKeys()
    let analyzer = TextAnalyzer(vocabulary: [], synonyms: [:])
    let documents = ["rain rain", "rain sun", "rain snow", "sun wind"].map {
      keys.keys(for: analyzer.analyze($0))
    }
    let all = FeatureSpace(documents: documents)
    let capped = FeatureSpace(documents: documents, maxFeatures: 3)
    let again = FeatureSpace(documents: documents, maxFeatures: 3)
    XCTAssertEqual(capped.count, 3)
    XCTAssertEqual(capped.wordIndex, again.wordIndex)
    XCTAssertEqual(capped.characterIndex, again.characterIndex)
    // "in" and "n " are in all four documents; "rain" is in three, tied with its character
    // n-grams, and ties go to words: those three are kept, "rain" with its uncapped IDF.
    XCTAssertEqual(capped.wordIndex.count, 1)
    let rain = keys.keys(for: analyzer.analyze("rain")).words[0]
    let index = try XCTUnwrap(capped.wordIndex[rain])
    let uncapped = try XCTUnwrap(all.wordIndex[rain])
    XCTAssertEqual(capped.idf[Int(index)], all.idf[Int(uncapped)])
  }

  func testALargePackTrainsFewerEpochsWithinTheStepBudget() {
    var options = SoftmaxRegression.Options()
    options.epochs = 20
    options.stepBudget = 400_000
    options.minimumEpochs = 3
    XCTAssertEqual(options.epochs(forExamples: 859), 20)
    XCTAssertEqual(options.epochs(forExamples: 15_000), 20)
    XCTAssertEqual(options.epochs(forExamples: 40_000), 10)
    XCTAssertEqual(options.epochs(forExamples: 400_000), 3)
    XCTAssertEqual(options.epochs(forExamples: 0), 20)
  }

  func testUnknownWordsLowerTheInScopeShare() {
    let (classifier, analyzer) = makeClassifier()
    let known = classifier.predict(analyzer.analyze("will it rain today"))
    let foreign = classifier.predict(analyzer.analyze("best pizza restaurants downtown"))
    XCTAssertEqual(known.inScope, 1, accuracy: 1e-6)
    XCTAssertLessThan(foreign.inScope, 0.5)
    XCTAssertLessThan(foreign.probabilities[foreign.ranking[0]], 0.5)
  }

  func testAQuestionOfUnknownWordsIsStillRankedByItsFeatures() {
    // "alarmists" is no known stem (in-scope share 0, so every probability is 0), but its
    // character n-grams are those of "alarm": the ranking must say so, not fall back to the
    // order of the intents in the file, where "weather" comes first.
    let (classifier, analyzer) = makeClassifier()
    let prediction = classifier.predict(analyzer.analyze("alarmists"))
    XCTAssertEqual(prediction.inScope, 0)
    XCTAssertTrue(prediction.hasEvidence)
    XCTAssertEqual(classifier.intentIds[prediction.ranking[0]], "alarm")
  }

  func testAnIntentWithAnOpenSlotExpectsAnUnknownWord() {
    let pack = IntentPack(
      intents: Self.pack.intents + [
        Intent(
          id: "definition",
          examples: [
            "what does serendipity mean", "what does adulation mean", "what does circuitous mean",
            "define the word ephemeral", "definition of a word",
          ],
          answer: Reply(text: "d"))
      ])
    let analyzer = TextAnalyzer(vocabulary: pack.intents.flatMap(\.examples), synonyms: [:])
    let classifier = IntentClassifier(pack: pack, analyzer: analyzer)
    // Three of its five examples are the template "what does _ mean"; the others intents'
    // varied examples are no template.
    XCTAssertEqual(classifier.openVocabulary, [0, 0, 0, 0.6])

    let slot = classifier.predict(analyzer.analyze("what does epicurean mean"))
    XCTAssertEqual(slot.inScope, 0, "the defined word is new to the pack")
    XCTAssertEqual(classifier.intentIds[slot.ranking[0]], "definition")
    let best = slot.probabilities[slot.ranking[0]]
    XCTAssertGreaterThan(best, 0.3, "an unknown word is expected here: its confidence is not zeroed")
    XCTAssertTrue(slot.probabilities.allSatisfy { $0 <= best }, "the best intent stays the most probable")

    let offTopic = classifier.predict(analyzer.analyze("xylophone quartets tonight"))
    XCTAssertNotEqual(classifier.intentIds[offTopic.ranking[0]], "definition")
    XCTAssertEqual(offTopic.probabilities.max(), 0, "other intents still expect known words")
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

/// The dense block of token vectors: what it adds to TF-IDF, and what it leaves alone.
final class TokenEmbeddingTests: XCTestCase {
  func testAQuestionInWordsNoExampleHasFindsItsIntentThroughTheVectors() throws {
    let pack = IntentClassifierTests.pack
    let analyzer = TextAnalyzer(vocabulary: pack.intents.flatMap(\.examples), synonyms: [:])
    let withVectors = IntentClassifier(pack: pack, analyzer: analyzer)
    let withoutVectors = IntentClassifier(pack: pack, analyzer: analyzer, vectors: nil)
    XCTAssertNil(withoutVectors.embedding)
    XCTAssertEqual(withoutVectors.model.featureCount, withoutVectors.space.count)
    XCTAssertEqual(withVectors.model.featureCount, withVectors.space.count + 256)
    // No word of these is in an example (nor close enough for typo correction to make it one).
    let cases = [
      ("any thunderstorms expected", "weather"), ("is a blizzard coming", "weather"),
      ("umbrella needed", "weather"), ("humid and hot", "weather"), ("temperature tomorrow", "weather"),
      ("i love that tune", "music"), ("beethoven symphony", "music"), ("guitar riffs", "music"),
      ("rouse me at dawn", "alarm"), ("remind me at noon", "alarm"), ("snooze", "alarm"),
    ]
    func right(_ classifier: IntentClassifier) -> [String] {
      cases.filter { question, intent in
        classifier.intentIds[classifier.predict(analyzer.analyze(question)).ranking[0]] == intent
      }.map(\.0)
    }
    XCTAssertEqual(right(withVectors), cases.map(\.0))
    // TF-IDF alone has only stray character n-grams to go on: about chance among 3 intents.
    XCTAssertLessThanOrEqual(right(withoutVectors).count, 7, "\(right(withoutVectors))")
  }

  func testScoresFromProjectionsAreTheScoresOfTheFeatures() throws {
    let pack = IntentClassifierTests.pack
    let analyzer = TextAnalyzer(vocabulary: pack.intents.flatMap(\.examples), synonyms: [:])
    let classifier = IntentClassifier(pack: pack, analyzer: analyzer)
    let embedding = try XCTUnwrap(classifier.embedding)
    XCTAssertEqual(embedding.projections.count, embedding.pieces.count * pack.intents.count)
    // Pieces of the examples (projected in training) and pieces of none (projected on the fly).
    for question in ["will it rain today", "any thunderstorms expected", "beethoven symphony", "xyzzy"] {
      let analysis = analyzer.analyze(question)
      let fromFeatures = classifier.model.probabilities(for: classifier.vector(for: analysis))
      let fromProjections = classifier.model.probabilities(
        for: classifier.space.vector(for: FeatureKeys().keys(for: analysis))
      ) { scores in
        embedding.addScores(
          of: analysis.surface, model: classifier.model, firstIndex: classifier.space.count, to: scores)
      }
      for (a, b) in zip(fromFeatures, fromProjections) { XCTAssertEqual(a, b, accuracy: 1e-5, question) }
      let best = fromFeatures.indices.max { fromFeatures[$0] < fromFeatures[$1] }
      XCTAssertEqual(classifier.predict(analysis).ranking.first, best, question)
    }
  }

  func testWhyCreditsTheWordsTheVectorsMatched() throws {
    let pack = IntentClassifierTests.pack
    let analyzer = TextAnalyzer(vocabulary: pack.intents.flatMap(\.examples), synonyms: [:])
    let classifier = IntentClassifier(pack: pack, analyzer: analyzer)
    let embedding = try XCTUnwrap(classifier.embedding)
    let weather = try XCTUnwrap(classifier.intentIds.firstIndex(of: "weather"))
    let analysis = analyzer.analyze("any thunderstorms expected")
    XCTAssertEqual(classifier.weightiestWords(analysis, towards: weather).first?.word, "thunderstorms")
    // The words' shares add up to what the block adds to the class score.
    let shares = embedding.contributions(
      of: analysis.surface, to: weather, model: classifier.model, firstIndex: classifier.space.count)
    var scores = [Float](repeating: 0, count: pack.intents.count)
    scores.withUnsafeMutableBufferPointer { scores in
      embedding.addScores(
        of: analysis.surface, model: classifier.model, firstIndex: classifier.space.count, to: scores)
    }
    XCTAssertEqual(shares.reduce(0, +), scores[weather], accuracy: 1e-4)
    XCTAssertEqual(
      embedding.contributions(of: ["xyzzy"], to: 99, model: classifier.model, firstIndex: 0), [0])
  }

  func testTheBlockIsAnIDFWeightedMeanOfUnitLength() throws {
    let vectors = try XCTUnwrap(TokenVectors.embedded)
    let examples = [["the", "weather"], ["the", "alarm"], ["the", "song"]]
    let embedding = TokenEmbedding(vectors: vectors, examples: examples, weight: 2)
    XCTAssertEqual(embedding.exampleCount, 3)
    XCTAssertEqual(embedding.pieces, embedding.pieces.sorted())
    var the: [Int32] = []
    vectors.appendPieces(of: "the", to: &the)
    let index = try XCTUnwrap(embedding.pieces.firstIndex(of: the[0]))
    XCTAssertEqual(embedding.documentFrequencies[index], 3)

    var vector = SparseVector(indices: [4], values: [1])
    embedding.append(["the", "weather"], firstIndex: 10, to: &vector)
    XCTAssertEqual(vector.indices, [4] + (10..<266).map(Int32.init))
    let norm = vector.values.dropFirst().map { $0 * $0 }.reduce(0, +).squareRoot()
    XCTAssertEqual(norm, 2, accuracy: 1e-4)
    // "the" is in every example, so the mean leans to "weather": closer to it than to "the".
    func alone(_ word: String) -> [Float] {
      var single = SparseVector()
      embedding.append([word], firstIndex: 0, to: &single)
      return single.values
    }
    let mean = Array(vector.values.dropFirst())
    func dot(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).map(*).reduce(0, +) }
    XCTAssertGreaterThan(dot(mean, alone("weather")), dot(mean, alone("the")))

    var empty = SparseVector()
    embedding.append(["\u{E000}", ""], firstIndex: 0, to: &empty)
    XCTAssertTrue(empty.isEmpty, "no known pieces, no block")
  }

  func testEvidenceAndScopeStillComeFromTheExamplesWords() {
    let pack = IntentClassifierTests.pack
    let analyzer = TextAnalyzer(vocabulary: pack.intents.flatMap(\.examples), synonyms: [:])
    let withVectors = IntentClassifier(pack: pack, analyzer: analyzer)
    let withoutVectors = IntentClassifier(pack: pack, analyzer: analyzer, vectors: nil)
    var withoutEvidence = 0
    for question in ["xyzzy", "qqq jjj", "zebras", "what is the weather", "mortgage rates", "?"] {
      let analysis = analyzer.analyze(question)
      let (dense, sparse) = (withVectors.predict(analysis), withoutVectors.predict(analysis))
      XCTAssertEqual(dense.hasEvidence, sparse.hasEvidence, question)
      XCTAssertEqual(dense.inScope, sparse.inScope, question)
      if !dense.hasEvidence { withoutEvidence += 1 }
    }
    XCTAssertGreaterThan(withoutEvidence, 0, "some question had no evidence")
  }
}
