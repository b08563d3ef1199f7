import FAQBot
import FAQBotTestSupport
import Foundation
import XCTest

@testable import FAQBotMatching
@testable import FAQBotModelStore

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

  func testThePackItWasTrainedOnRoundTripsWithEveryField() throws {
    var pack = ModelTestSupport.pack()
    pack.synonyms = ["rain": ["drizzle", "showers"], "song": ["tune"]]
    pack.advice = "ask a meteorologist"
    pack.intents[0].kind = .smalltalk
    pack.intents[0].priority = -3
    pack.intents[0].followUp = Reply(text: nil, knowledge: ["a.p1", "a.p2"])
    pack.intents[0].answer = Reply(text: nil, knowledge: ["a"], bestParagraph: true)
    pack.intents[0].suggest = ["Will it snow?"]
    pack.intents[0].triggers = ["umbrella"]
    pack.intents[0].location = SourceLocation(file: "/old/place/weather.yaml", line: 3, column: 5)
    pack.intents[0].exampleLocations = pack.intents[0].examples.indices.map {
      SourceLocation(file: "/old/place/weather.yaml", line: 5 + $0, column: 9)
    }
    let classifier = ModelTestSupport.classifier(for: pack)
    let bytes = TrainedModel(classifier: classifier, packHash: packHash, pack: pack).encoded()
    let decoded = try TrainedModel.decode(bytes, packHash: packHash)
    XCTAssertEqual(decoded.pack, pack)
    assertSameClassifier(decoded.classifier, classifier)

    // Moved: the same file name elsewhere; locations follow, lines stay.
    let moved = try XCTUnwrap(decoded.pack).relocated(to: ["/new/dir/weather.yaml", "/new/dir/other.yaml"])
    XCTAssertEqual(
      moved.intents[0].location, SourceLocation(file: "/new/dir/weather.yaml", line: 3, column: 5))
    XCTAssertEqual(moved.intents[0].location(ofExample: 1).file, "/new/dir/weather.yaml")
    XCTAssertEqual(moved.intents[0].location(ofExample: 1).line, 6)
  }

  func testTheAnalyzersVocabularyRoundTripsAndAnalysesTheSame() throws {
    var pack = ModelTestSupport.pack()
    pack.synonyms = ["rain": ["drizzle", "showers"], "translate": ["say in"]]
    let knowledge = KnowledgeBase(
      document: try KnowledgeBuilder().build(
        bytes: Array("Weather\n\nForecasts\n\nUmbrellas help when it pours.\n".utf8), fileName: "w.txt"))
    let resources = EngineResources(pack: pack, knowledge: knowledge)
    let bytes = resources.trainedModel(packHash: packHash).encoded()
    let decoded = try TrainedModel.decode(bytes, packHash: packHash)
    let vocabulary = try XCTUnwrap(decoded.vocabulary)
    XCTAssertEqual(vocabulary, resources.analyzer.vocabulary)
    XCTAssertEqual(decoded.pack, pack)
    XCTAssertTrue(vocabulary.words.contains("umbrellas"), "the knowledge file's words are known too")
    XCTAssertEqual(vocabulary.stems[try XCTUnwrap(vocabulary.words.firstIndex(of: "umbrellas"))], "umbrella")

    // Known words, typos of them ("balanse", "umbrelas"), synonyms, unknown words.
    let restored = TextAnalyzer(vocabulary: vocabulary, synonyms: pack.synonyms)
    for question in [
      "what is my balanse", "will it drizzle today", "how do I say in French", "umbrelas when it pours",
      "zzz qqq", "", "Translate THANKS to german!",
    ] {
      XCTAssertEqual(restored.analyze(question), resources.analyzer.analyze(question), question)
    }
    let engine = Engine(model: decoded, pack: pack, knowledge: knowledge)
    var fresh = ConversationContext()
    var fromModel = ConversationContext()
    let trained = Engine(resources: resources)
    for question in ["will it drizzle", "what is my balanse", "how do umbrellas help"] {
      XCTAssertEqual(
        engine.respond(to: question, context: &fromModel), trained.respond(to: question, context: &fresh),
        question)
    }
  }

  func testTheSubjectVocabularyRoundTripsAndNamesTheSameForeignSubjects() throws {
    // The shared default engine was built from the pack, not from a model: what a model
    // stores must give the same subject check without building the vocabulary again.
    let resources = DefaultEngine.shared.resources
    let bytes = resources.trainedModel(packHash: packHash).encoded()
    let decoded = try TrainedModel.decode(bytes, packHash: packHash)
    let contents = try XCTUnwrap(decoded.subjects)
    XCTAssertEqual(contents, resources.subjects.contents)
    XCTAssertEqual(contents.subjectName, "ketamine therapy")
    XCTAssertFalse(contents.anchors.isEmpty)
    let restored = SubjectVocabulary(contents: contents)
    for question in [
      "what are the side effects of prozac?", "how does lithium work on the brain", "is ketamine addictive?",
      "can I take ketamine with lithium?", "is xanax addictive?", "zzz qqq", "",
    ] {
      let analysis = resources.analyzer.analyze(question)
      XCTAssertEqual(
        restored.foreignSubject(of: analysis, analyzer: resources.analyzer),
        resources.subjects.foreignSubject(of: analysis, analyzer: resources.analyzer), question)
    }
    XCTAssertEqual(
      restored.foreignSubject(
        of: resources.analyzer.analyze("side effects of prozac"), analyzer: resources.analyzer),
      "prozac")
  }

  func testAKnowledgeOnlyPacksPassageVectorsRoundTripAndAnswerTheSame() throws {
    // A knowledge-only pack in the encoder mode encodes its document when it is first
    // trained; the model keeps the vectors, so a start from it answers the same without
    // encoding the document again.
    let knowledge = KnowledgeBase(
      document: try KnowledgeTestSupport.build(
        """
        A Small Guide

        Looking after the garden

        Tomatoes need full sun and regular watering. To keep slugs off the lettuce, put copper tape
        around the raised bed.

        Updating software

        Upgrade every installed package to its newest version with one command.
        """))
    let pack = IntentPack(intents: [])
    let engine = Engine(pack: pack, knowledge: knowledge, configuration: EngineConfiguration(mode: .encoder))
    let stored = try XCTUnwrap(engine.resources.semanticRetriever?.storedVectors)
    let bytes = engine.resources.trainedModel(packHash: packHash).encoded()
    let decoded = try TrainedModel.decode(bytes, packHash: packHash)
    XCTAssertEqual(decoded.passageVectors, stored)
    let restored = Engine(
      model: decoded, pack: pack, knowledge: knowledge, configuration: EngineConfiguration(mode: .encoder))
    XCTAssertEqual(restored.resources.semanticRetriever?.storedVectors, stored)
    for question in [
      "how do i stop slugs eating my lettuce", "how do i upgrade my packages", "capital of peru",
    ] {
      XCTAssertEqual(restored.respond(to: question), engine.respond(to: question), question)
    }
    // A fast-mode pack, or one with intents, stores none.
    XCTAssertNil(DefaultEngine.shared.resources.trainedModel(packHash: packHash).passageVectors)
  }

  func testASubjectVocabularyOutOfOrderIsCorrupt() {
    let classifier = ModelTestSupport.classifier(for: ModelTestSupport.pack())
    for subjects in [
      SubjectVocabulary.Contents(words: ["b", "a"], stems: [], anchors: [], subjectName: nil),
      SubjectVocabulary.Contents(words: ["a"], stems: ["a", "a"], anchors: [], subjectName: nil),
      SubjectVocabulary.Contents(words: ["a"], stems: ["a"], anchors: ["z", "y"], subjectName: "a"),
    ] {
      let bytes = TrainedModel(classifier: classifier, packHash: packHash, subjects: subjects).encoded()
      XCTAssertThrowsError(try TrainedModel.decode(bytes, packHash: packHash), "\(subjects)") { error in
        guard case .corrupt? = error as? TrainedModelError else { return XCTFail("\(error)") }
      }
    }
  }

  func testAVocabularyWhoseFieldsDoNotFitIsCorrupt() {
    let classifier = ModelTestSupport.classifier(for: ModelTestSupport.pack())
    for vocabulary in [
      TextAnalyzer.Vocabulary(words: ["b", "a"], counts: [1, 1], stems: ["b", "a"]),  // unsorted
      TextAnalyzer.Vocabulary(words: ["a", "a"], counts: [1, 1], stems: ["a", "a"]),  // repeated
      TextAnalyzer.Vocabulary(words: ["a", "b"], counts: [1], stems: ["a", "b"]),
      TextAnalyzer.Vocabulary(words: ["a", "b"], counts: [1, 0], stems: ["a", "b"]),
      TextAnalyzer.Vocabulary(words: ["a", "b"], counts: [1, 1], stems: ["a"]),
    ] {
      let bytes = TrainedModel(classifier: classifier, packHash: packHash, vocabulary: vocabulary).encoded()
      XCTAssertThrowsError(try TrainedModel.decode(bytes, packHash: packHash), "\(vocabulary)") { error in
        guard case .corrupt? = error as? TrainedModelError else { return XCTFail("\(error)") }
      }
    }
  }

  func testAnEmbeddingWhoseFieldsDoNotFitIsCorrupt() throws {
    let classifier = ModelTestSupport.classifier(for: ModelTestSupport.pack())
    let trained = try XCTUnwrap(classifier.embedding)
    XCTAssertFalse(trained.pieces.isEmpty)
    let vectors = trained.vectors
    let outOfRange = Int32(vectors.count)
    let classes = classifier.model.classCount
    let fitting: (Int) -> [Float] = { [Float](repeating: 0.5, count: $0 * classes) }
    for (weight, pieces, frequencies, projections): (Float, [Int32], [UInt32], [Float]) in [
      (1, [5, 3], [1, 1], fitting(2)),  // unsorted
      (1, [3, 3], [1, 1], fitting(2)),  // repeated
      (1, [3, outOfRange], [1, 1], fitting(2)),  // no such row
      (1, [-1, 3], [1, 1], fitting(2)),
      (1, [3, 5], [1], fitting(2)),  // a frequency missing
      (1, [3, 5], [0, 1], fitting(2)),  // in no example
      (1, [3, 5], [1, 99], fitting(2)),  // in more examples than there are
      (.nan, [3, 5], [1, 1], fitting(2)), (0, [3, 5], [1, 1], fitting(2)),
      (1, [3, 5], [1, 1], fitting(3)),  // projections of a piece too many
    ] {
      let embedding = TokenEmbedding(
        vectors: vectors, weight: weight, exampleCount: 9, pieces: pieces, documentFrequencies: frequencies,
        projections: projections)
      let damaged = IntentClassifier(
        intentIds: classifier.intentIds, space: classifier.space, model: classifier.model,
        knownStems: classifier.knownStems, openVocabulary: classifier.openVocabulary, embedding: embedding)
      let bytes = TrainedModel(classifier: damaged, packHash: packHash).encoded()
      XCTAssertThrowsError(try TrainedModel.decode(bytes, packHash: packHash), "\(pieces) \(frequencies)") {
        error in
        guard case .corrupt? = error as? TrainedModelError else { return XCTFail("\(error)") }
      }
    }
  }

  func testAModelReadFromAFileIsAPrivateCopy() throws {
    let directory = try ModelTestSupport.temporaryDirectory(self)
    let pack = ModelTestSupport.pack()
    let classifier = ModelTestSupport.classifier(for: pack)
    let bytes = TrainedModel(classifier: classifier, packHash: packHash).encoded()
    let path = directory + "/model"
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    let model = try XCTUnwrap(try TrainedModel.decode(contentsOf: path, packHash: packHash))
    assertSameClassifier(model.classifier, classifier)
    XCTAssertTrue(model.classifier.model.weights.isMapped, "the weights are read in place")
    let projections = try XCTUnwrap(model.classifier.embedding?.projections)
    XCTAssertTrue(projections.isMapped, "so are the dense block's projections")
    XCTAssertEqual(projections, classifier.embedding?.projections)
    XCTAssertFalse(
      try XCTUnwrap(TrainedModel.decode(bytes, packHash: packHash).classifier.embedding).projections.isMapped,
      "decoded from an array: copied")
    // Overwritten in place and shortened, as `cp` does to a deployed model: a mapping of the
    // file would fault on the pages that went away; the copy does not notice.
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 10)
    try handle.close()
    let analysis = ModelTestSupport.analyzer(for: pack).analyze("is it going to rain")
    XCTAssertEqual(model.classifier.predict(analysis), classifier.predict(analysis))
    XCTAssertEqual(model.classifier.model.weights, classifier.model.weights)

    XCTAssertThrowsError(try TrainedModel.decode(contentsOf: path, packHash: packHash)) { error in
      XCTAssertEqual(error as? TrainedModelError, .truncated)
    }
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
    XCTAssertThrowsError(try TrainedModel.decode(contentsOf: path, packHash: packHash)) { error in
      XCTAssertEqual(error as? TrainedModelError, .truncated, "an empty file is a short one")
    }
    XCTAssertNil(try TrainedModel.decode(contentsOf: directory + "/missing", packHash: packHash))
    XCTAssertNil(try TrainedModel.decode(contentsOf: directory, packHash: packHash), "a directory")
  }

  func testAModelIsReadFromAStreamToItsEnd() throws {
    // A FIFO stands for `--model /dev/stdin` or a shell's `--model <(…)`: its size is 0, so
    // only reading to the end finds the model.
    // A reader that stops early must fail this test, not end the test process by SIGPIPE.
    let previous = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, previous) }
    let directory = try ModelTestSupport.temporaryDirectory(self)
    let pack = ModelTestSupport.pack()
    let classifier = ModelTestSupport.classifier(for: pack)
    let bytes = TrainedModel(classifier: classifier, packHash: packHash).encoded()
    for (name, contents) in [("whole", bytes), ("cut", Array(bytes.prefix(bytes.count / 2))), ("empty", [])] {
      let fifo = directory + "/" + name
      XCTAssertEqual(mkfifo(fifo, 0o600), 0)
      let writer = Thread {
        guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
        try? handle.write(contentsOf: contents)
        try? handle.close()
      }
      writer.start()
      let result = Result { try TrainedModel.decode(contentsOf: fifo, packHash: packHash) }
      switch (name, result) {
      case ("whole", .success(let model?)):
        assertSameClassifier(model.classifier, classifier)
        XCTAssertTrue(model.classifier.model.weights.isMapped, "the weights are read in place")
      case (_, .failure(let error)) where name != "whole":
        XCTAssertEqual(error as? TrainedModelError, .truncated, name)
      default:
        XCTFail("\(name): \(result)")
      }
    }
  }

  func testAStoredPackThatDoesNotMatchTheClassesIsCorrupt() {
    var pack = ModelTestSupport.pack()
    let classifier = ModelTestSupport.classifier(for: pack)
    pack.intents.swapAt(0, 1)
    let bytes = TrainedModel(classifier: classifier, packHash: packHash, pack: pack).encoded()
    XCTAssertThrowsError(try TrainedModel.decode(bytes, packHash: packHash)) { error in
      guard case .corrupt? = error as? TrainedModelError else { return XCTFail("\(error)") }
    }
  }

  func testRepeatedFeatureKeysAreNoticed() {
    let distinct = FeatureSpace(wordKeys: [1, 2], characterKeys: [3], idf: [1, 1, 1], characterWeight: 1)
    let repeated = FeatureSpace(
      wordKeys: [1, 2], characterKeys: [3, 3], idf: [1, 1, 1, 1], characterWeight: 1)
    XCTAssertTrue(distinct.keysAreDistinct)
    XCTAssertFalse(repeated.keysAreDistinct)
    XCTAssertEqual(distinct.index(ofCharacters: 3), 2)
    XCTAssertNil(distinct.index(ofWord: 3))
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
  func testDamagedPayloadsBehindAValidChecksumAreRefusedOrStillAnswer() throws {
    // The checksum stops accidental damage; this is the decoder's own defence, for a payload
    // that passes it (a deliberately edited file, a writer's bug): every field, the stored
    // pack and vocabulary included, must be bounds-checked, and a model that does load must
    // answer without trapping. Seeded, so a failure reproduces.
    var pack = ModelTestSupport.pack()
    pack.synonyms = ["rain": ["drizzle"]]
    pack.intents[0].followUp = Reply(text: "more", knowledge: ["a.p1"])
    let analyzer = ModelTestSupport.analyzer(for: pack)
    let bytes = TrainedModel(
      classifier: ModelTestSupport.classifier(for: pack), packHash: packHash, pack: pack,
      vocabulary: analyzer.vocabulary
    ).encoded()
    let payloadStart = bytes.count - payloadLength(bytes)
    let header = Array(bytes[..<(payloadStart - 16)])
    let payload = Array(bytes[payloadStart...])
    let document = try KnowledgeBuilder().build(
      bytes: Array("Bank\n\nA\n\nYour balance is shown in the app.\n".utf8), fileName: "a.txt")
    let knowledge = KnowledgeBase(document: document)
    var refused = 0
    var loaded = 0
    func check(_ damaged: [UInt8]) {
      var file = header
      withUnsafeBytes(of: UInt64(damaged.count).littleEndian) { file += $0 }
      withUnsafeBytes(of: ModelChecksum.of(damaged).littleEndian) { file += $0 }
      file += damaged
      guard let model = try? TrainedModel.decode(file, packHash: packHash) else { return refused += 1 }
      loaded += 1
      let prediction = model.classifier.predict(analyzer.analyze("is it going to drizzle tomorrow"))
      XCTAssertEqual(prediction.probabilities.count, model.classifier.intentIds.count)
      XCTAssertEqual(Set(prediction.ranking), Set(model.classifier.intentIds.indices))
      let engine = Engine(model: model, pack: model.pack ?? pack, knowledge: knowledge)
      var context = ConversationContext()
      for question in ["what is my balance", "tell me more", "ßüñ 💥 balance?"] {
        _ = engine.respond(to: question, context: &context)
      }
    }

    // Random damage: bytes overwritten, the end cut off, a huge count inserted.
    var generator = SeededGenerator(seed: 7)
    for round in 0..<3_000 {
      var damaged = payload
      switch round % 3 {
      case 0:
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
          let position = Int.random(in: 0..<damaged.count, using: &generator)
          damaged[position] = UInt8.random(in: 0...255, using: &generator)
        }
      case 1:
        damaged.removeLast(Int.random(in: 1..<damaged.count, using: &generator))
      default:
        let position = Int.random(in: 0..<damaged.count, using: &generator)
        damaged.insert(contentsOf: [0xFF, 0xFF, 0xFF, 0x7F], at: position)
      }
      check(damaged)
    }
    XCTAssertGreaterThan(refused, 2_000, "most damage must be noticed")

    // Every small number (counts, lengths, ids, flags, padding) set to values near and far
    // from it: the damage that random bytes rarely make consistent enough to get far.
    func word(at offset: Int) -> UInt32 {
      (0..<4).reduce(0) { $0 | UInt32(payload[offset + $1]) << (8 * $1) }
    }
    for offset in 0..<(payload.count - 3) where word(at: offset) < 1 << 16 {
      let original = word(at: offset)
      for value in Set([0, 1, original &- 1, original &+ 1, original &* 2 &+ 7, 1 << 16, 1 << 30, .max]) {
        var damaged = payload
        for index in 0..<4 { damaged[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
        check(damaged)
      }
    }
    XCTAssertGreaterThan(loaded, 100, "some damage is harmless (a letter of an id), and must still answer")
  }

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

/// The encoder mode's fields of the model file.
final class EncoderHeadCodingTests: XCTestCase {
  private let packHash = TrainedModel.packHash(intentFiles: [("a.yaml", "intents: []")], knowledgeBytes: [3])

  private func head(classes: Int, dimensions: Int = 6) -> EncoderHead {
    var generator = SystemRandomNumberGenerator()
    let vectors = (0..<classes * 2).map { _ in
      (0..<dimensions).map { _ in Float.random(in: -1...1, using: &generator) }
    }
    let labels = (0..<classes * 2).map { $0 % classes }
    return EncoderHead(vectors: vectors, labels: labels, classCount: classes, dimensions: dimensions)
  }

  func testTheHeadAndTheExampleVectorsRoundTrip() throws {
    let pack = ModelTestSupport.pack()
    let head = head(classes: pack.intents.count)
    let classifier = ModelTestSupport.classifier(for: pack).withEncoderHead(head)
    let decoded = try TrainedModel.decode(TrainedModel(classifier: classifier, packHash: packHash).encoded())
    let restored = try XCTUnwrap(decoded.classifier.encoderHead)
    XCTAssertEqual(restored.examples, head.examples)
    XCTAssertEqual(restored.examples.vectors.count, pack.intents.count * 2)
    XCTAssertFalse(restored.examples.vectors.isMapped, "decoded from an array: copied")
    XCTAssertEqual(Array(restored.model.weights), Array(head.model.weights))
    XCTAssertEqual(restored.model.bias, head.model.bias)
    let sentence = head.examples.vectors.vector(at: 0)
    let analysis = ModelTestSupport.analyzer(for: pack).analyze("will it rain today")
    XCTAssertEqual(
      decoded.classifier.predict(analysis, sentence: sentence, mix: EncoderMix()),
      classifier.predict(analysis, sentence: sentence, mix: EncoderMix()))
    // A fast-mode model has none.
    let fast = try TrainedModel.decode(
      TrainedModel(classifier: ModelTestSupport.classifier(for: pack), packHash: packHash).encoded())
    XCTAssertNil(fast.classifier.encoderHead)
  }

  func testTheExampleVectorsAreStoredAsTheNearestHalves() throws {
    // Rounded once, when the head is trained: the head in memory answers as the one read back.
    let vectors: [[Float]] = [[0.1, -0.2, 0.3], [1 / 3, 0.000_01, -0.999_9]]
    let examples = NearestExample(vectors: vectors, labels: [0, 1], classCount: 2, dimensions: 3)
    for (index, vector) in vectors.enumerated() {
      XCTAssertEqual(examples.vectors.vector(at: index), vector.map { Float(Float16($0)) })
      for (half, float) in zip(examples.vectors.vector(at: index), vector) {
        XCTAssertEqual(half, float, accuracy: abs(float) / 1_024 + 1e-7)
      }
    }
  }

  func testTheExampleVectorsAreReadInPlaceAlignedWhateverTheHeaderLength() throws {
    let directory = try ModelTestSupport.temporaryDirectory(self)
    let pack = ModelTestSupport.pack()
    let head = head(classes: pack.intents.count, dimensions: 40)
    let classifier = ModelTestSupport.classifier(for: pack).withEncoderHead(head)
    for engine in ["e", "en", "eng", "engi", "engine 5"] {
      let path = directory + "/\(engine.count).model"
      let bytes = TrainedModel(classifier: classifier, packHash: packHash, engine: engine).encoded()
      XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
      // The cache's mapping of the file, and `--model`'s private copy of it.
      let mapped = try TrainedModel.decode(
        XCTUnwrap(MappedFile(path: path)), packHash: packHash, engine: engine)
      let copied = try XCTUnwrap(
        try TrainedModel.decode(contentsOf: path, packHash: packHash, engine: engine))
      for model in [mapped, copied] {
        let vectors = try XCTUnwrap(model.classifier.encoderHead).examples.vectors
        XCTAssertTrue(vectors.isMapped, engine)
        XCTAssertEqual(vectors, head.examples.vectors, engine)
        let address = vectors.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
        XCTAssertEqual(address % EncoderHead.vectorAlignment, 0, engine)
      }
    }
  }

  func testExampleVectorsCutShortOrNotFiniteAreRefused() throws {
    let pack = ModelTestSupport.pack()
    let classes = pack.intents.count
    let trained = head(classes: classes)
    let bits = trained.examples.vectors.withUnsafeBufferPointer { Array($0) }
    let starts = trained.examples.classStarts
    func model(_ bits: [UInt16], starts: [Int32]) -> [UInt8] {
      let examples = NearestExample(vectors: HalfVectors(bits: bits, dimensions: 6), classStarts: starts)
      let classifier = ModelTestSupport.classifier(for: pack).withEncoderHead(
        EncoderHead(model: trained.model, examples: examples))
      return TrainedModel(classifier: classifier, packHash: packHash).encoded()
    }
    XCTAssertNoThrow(try TrainedModel.decode(model(bits, starts: starts)))
    var infinite = bits
    infinite[3] = 0x7C00
    var notANumber = bits
    notANumber[7] = 0xFE01
    // Fewer halves than the class starts count rows, or a row cut in the middle.
    for damaged in [
      model(Array(bits.dropLast(6)), starts: starts), model(Array(bits.dropLast()), starts: starts),
      model(bits, starts: starts.dropLast() + [(starts.last ?? 0) + 1]), model(infinite, starts: starts),
      model(notANumber, starts: starts),
    ] {
      XCTAssertThrowsError(try TrainedModel.decode(damaged)) {
        guard case .corrupt = $0 as? TrainedModelError else { return XCTFail("\($0)") }
      }
    }
  }

  func testADamagedHeadBehindAValidChecksumIsRefusedOrStillAnswers() throws {
    // The vectors are read in place, so a count that passes the checks must still fit the
    // bytes: every small number of the head's fields (counts, dimensions, class starts,
    // padding) set to values near and far from it, the checksum made valid again.
    let pack = ModelTestSupport.pack()
    let classes = pack.intents.count
    let trained = head(classes: classes)
    let classifier = ModelTestSupport.classifier(for: pack).withEncoderHead(trained)
    let bytes = TrainedModel(classifier: classifier, packHash: packHash).encoded()
    let payloadStart =
      TrainedModel.magic.count + 4 + 4 + TrainedModel.currentEngine.utf8.count + 4 + packHash.utf8.count + 16
    let header = Array(bytes[..<(payloadStart - 16)])
    let payload = Array(bytes[payloadStart...])
    // The head starts after the fast model; its fields are the last ones but three flags.
    let headBytes =
      4 * 2 + (4 + classes * 6 * 4) + (4 + classes * 4) + 4 + (4 + (classes + 1) * 4) + 4 + 63
      + (4 + classes * 2 * 6 * 2)
    let analysis = ModelTestSupport.analyzer(for: pack).analyze("will it rain today")
    var (refused, loaded) = (0, 0)
    func word(at offset: Int) -> UInt32 {
      (0..<4).reduce(0) { $0 | UInt32(payload[offset + $1]) << (8 * $1) }
    }
    for offset in max(0, payload.count - 12 - headBytes)..<(payload.count - 3)
    where word(at: offset) < 1 << 16 {
      let original = word(at: offset)
      for value in Set([0, 1, original &- 1, original &+ 1, original &* 2 &+ 7, 1 << 16, 1 << 30, .max]) {
        var damaged = payload
        for index in 0..<4 { damaged[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
        var file = header
        withUnsafeBytes(of: UInt64(damaged.count).littleEndian) { file += $0 }
        withUnsafeBytes(of: ModelChecksum.of(damaged).littleEndian) { file += $0 }
        guard let model = try? TrainedModel.decode(file + damaged) else {
          refused += 1
          continue
        }
        loaded += 1
        for sentence in [trained.examples.vectors.vector(at: 0), [Float](repeating: 0.4, count: 6)] {
          let prediction = model.classifier.predict(analysis, sentence: sentence, mix: EncoderMix())
          XCTAssertEqual(prediction.probabilities.count, classes)
        }
      }
    }
    XCTAssertGreaterThan(refused, 100)
    XCTAssertGreaterThan(loaded, 0, "a changed vector (a half's bits) still loads and answers")
  }

  func testAHeadOfAnotherClassCountIsCorrupt() throws {
    let pack = ModelTestSupport.pack()
    let classifier = ModelTestSupport.classifier(for: pack).withEncoderHead(
      head(classes: pack.intents.count + 1))
    XCTAssertThrowsError(
      try TrainedModel.decode(TrainedModel(classifier: classifier, packHash: packHash).encoded())
    ) {
      guard case .corrupt = $0 as? TrainedModelError else { return XCTFail("\($0)") }
    }
  }
}
