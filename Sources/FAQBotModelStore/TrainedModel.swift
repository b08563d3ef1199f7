import FAQBotCore
import FAQBotEncoder
import FAQBotIntents
import FAQBotMatching
import FAQBotVectors
import Foundation

/// A trained ``IntentClassifier`` as a file, so a large pack is trained once, not at every
/// start: the model cache and `faqbot train -o MODEL` / `--model MODEL` both use it.
///
/// The file starts with a header that says whether it may be trusted, then the payload:
///
///     magic "FAQBOTMD" · format version (u32) · engine (u32 length + UTF-8)
///     · pack hash (u32 length + 64 hex digits) · payload length (u64) · payload checksum (u64)
///     · payload
///
/// The payload holds the intent ids, the feature space, the weights, the known stems, the
/// dense block's pieces, their document frequencies and projections (``TokenEmbedding``), the
/// encoder mode's head and example vectors when trained for it (``EncoderHead``) and,
/// optionally, the parsed pack (``IntentPack`` and its binary coding), the analyzer's
/// vocabulary (``TextAnalyzer/Vocabulary``), the subject check's
/// (``SubjectVocabulary/Contents``) and, for a knowledge-only pack in the encoder mode, the
/// document's passage vectors (``SemanticRetriever/storedVectors``, since format 10); the
/// weights are preceded by zero padding that puts their floats at a multiple of 16 bytes into
/// the file, as are the dense block's projections, and the example vectors (halves,
/// ``HalfVectors``) by padding to 64 bytes, so all three are read in place, from the cache's
/// mapping or `--model`'s private copy (``WeightMatrix``).
/// All numbers are little-endian. A file of another format version or engine, or trained on
/// other pack content, is refused as stale; a short file as truncated; a file whose payload
/// does not match its checksum, or whose fields do not fit together, as corrupt. Refusing
/// costs a retraining; trusting a damaged model would answer wrongly without a word.
public struct TrainedModel: Sendable {
  /// Bump when the layout of the payload changes, which includes adding a stored field to
  /// ``IntentClassifier``, ``FeatureSpace`` or ``SoftmaxRegression``.
  public static let formatVersion: UInt32 = 11

  /// Bump when a model trained by earlier code would mean something else to this code
  /// (another feature hashing in ``FeatureKeys``, another analysis in ``TextAnalyzer``)
  /// although the layout is the same. The engine version alone does not change while the
  /// matcher is tuned between releases.
  public static let matcherRevision = 2

  /// The engine a model belongs to: the release, the matcher revision, the token vectors and
  /// the encoder's weights compiled in (a model's dense weights and stored sentence vectors
  /// mean nothing with other ones).
  public static var currentEngine: String {
    let vectors = TokenVectors.embedded.map { " vectors \($0.recordedHash.prefix(16))" } ?? ""
    let encoder = " encoder \(EncoderWeights.expectedHash.prefix(16))"
    return "faqbot \(FAQBotVersion.string) matcher \(matcherRevision)\(vectors)\(encoder)"
  }

  static let magic = Array("FAQBOTMD".utf8)

  /// The engine that trained the model (``currentEngine`` when it was written).
  public var engine: String
  /// The ``packHash(intentFiles:knowledgeBytes:)`` of the pack it was trained on.
  public var packHash: String
  /// The trained classifier, weights read in place when the model was mapped from a file.
  public var classifier: IntentClassifier
  /// The pack as parsed from the intent files it was trained on, so that a start which finds
  /// the model need not parse them again; nil when not stored.
  public var pack: IntentPack?
  /// The vocabulary of the analyzer built from that pack and its knowledge file, so that a
  /// start which finds the model need not tokenise them again; nil when not stored.
  public var vocabulary: TextAnalyzer.Vocabulary?
  /// The subject check's vocabulary of that pack and knowledge file, for the same reason;
  /// nil when not stored.
  public var subjects: SubjectVocabulary.Contents?
  /// A knowledge-only pack's passage vectors in the encoder mode
  /// (``SemanticRetriever/storedVectors``), so that a start need not encode the document
  /// again; nil when not stored.
  public var passageVectors: [Float]?

  /// A model to store: the classifier, the hash of the pack it was trained on, the engine
  /// string of the build, and what a later start would otherwise compute again (the parsed
  /// pack, the analyzer's vocabulary and the subject check's).
  public init(
    classifier: IntentClassifier, packHash: String, engine: String = TrainedModel.currentEngine,
    pack: IntentPack? = nil, vocabulary: TextAnalyzer.Vocabulary? = nil,
    subjects: SubjectVocabulary.Contents? = nil, passageVectors: [Float]? = nil
  ) {
    self.subjects = subjects
    self.passageVectors = passageVectors
    self.classifier = classifier
    self.packHash = packHash
    self.engine = engine
    self.pack = pack
    self.vocabulary = vocabulary
  }

  /// The fingerprint of a pack's content: SHA-256 over its intent files (by file name, not
  /// directory, in name order, each name and text with its length) and the knowledge file's
  /// bytes. Moving a pack keeps its model; changing one byte of it does not.
  public static func packHash(intentFiles: [(name: String, text: String)], knowledgeBytes: [UInt8]) -> String
  {
    var hasher = SHA256()
    func addLength(_ count: Int) {
      withUnsafeBytes(of: UInt64(count).littleEndian) { hasher.update($0) }
    }
    func add(_ text: String) {
      addLength(text.utf8.count)
      hasher.update(text)
    }
    let files = intentFiles.map { (name: baseName($0.name), text: $0.text) }.sorted { $0.name < $1.name }
    add("faqbot pack")
    add(String(files.count))
    for file in files {
      add(file.name)
      add(file.text)
    }
    addLength(knowledgeBytes.count)
    hasher.update(knowledgeBytes)
    return hasher.finalizeHex()
  }

  // MARK: - Encoding

  /// The model file's bytes.
  public func encoded() -> [UInt8] {
    var header = ModelBinaryWriter()
    header.appendRaw(Self.magic)
    header.append(Self.formatVersion)
    header.append(engine)
    header.append(packHash)
    // The payload follows its length and checksum.
    let payload = Self.payload(
      of: classifier, pack: pack, vocabulary: vocabulary, subjects: subjects, passageVectors: passageVectors,
      fileOffset: header.bytes.count + 16)
    header.append(UInt64(payload.count))
    header.append(ModelChecksum.of(payload))
    return header.bytes + payload
  }

  private static func payload(
    of classifier: IntentClassifier, pack: IntentPack?, vocabulary: TextAnalyzer.Vocabulary?,
    subjects: SubjectVocabulary.Contents?, passageVectors: [Float]?, fileOffset: Int
  ) -> [UInt8] {
    var writer = ModelBinaryWriter()
    let space = classifier.space
    writer.append(UInt32(classifier.intentIds.count))
    for id in classifier.intentIds { writer.append(id) }
    writer.append(space.wordKeys)
    writer.append(space.characterKeys)
    writer.append(space.idf)
    writer.append(space.characterWeight)
    writer.append(UInt32(classifier.model.classCount))
    writer.append(UInt32(classifier.model.featureCount))
    writer.appendPadding(alignment: 16, fileOffset: fileOffset)
    writer.append(classifier.model.weights)
    writer.append(classifier.model.bias)
    let stems = classifier.knownStems.sorted()
    writer.append(UInt32(stems.count))
    for stem in stems { writer.append(stem) }
    writer.append(classifier.openVocabulary)
    writer.appendPresence(of: classifier.embedding)
    if let embedding = classifier.embedding {
      writer.append(embedding.weight)
      writer.append(UInt64(embedding.exampleCount))
      writer.append(embedding.pieces.map { UInt32(bitPattern: $0) })
      writer.append(embedding.documentFrequencies)
      writer.appendPadding(alignment: 16, fileOffset: fileOffset)
      writer.append(embedding.projections)
    }
    writer.appendPresence(of: classifier.encoderHead)
    classifier.encoderHead?.encode(into: &writer, fileOffset: fileOffset)
    writer.appendPresence(of: pack)
    pack?.encode(into: &writer)
    writer.appendPresence(of: vocabulary)
    if let vocabulary {
      writer.append(strings: vocabulary.words)
      writer.append(vocabulary.counts.map { UInt64($0) })
      writer.append(strings: vocabulary.stems)
    }
    writer.appendPresence(of: subjects)
    if let subjects {
      writer.append(strings: subjects.words)
      writer.append(strings: subjects.stems)
      writer.append(strings: subjects.anchors)
      writer.appendPresence(of: subjects.subjectName)
      if let name = subjects.subjectName { writer.append(name) }
    }
    writer.appendPresence(of: passageVectors)
    if let passageVectors { writer.append(passageVectors) }
    return writer.bytes
  }

  // MARK: - Decoding

  /// Reads a model file, refusing it unless it is whole, undamaged, of this format and
  /// engine, and (when `packHash` is given) trained on that pack.
  public static func decode(
    _ bytes: [UInt8], packHash expectedPack: String? = nil,
    engine expectedEngine: String = TrainedModel.currentEngine
  ) throws(TrainedModelError) -> TrainedModel {
    let result = bytes.withUnsafeBytes { buffer in
      Result { () throws(TrainedModelError) -> TrainedModel in
        try decode(buffer, packHash: expectedPack, engine: expectedEngine)
      }
    }
    return try result.get()
  }

  /// Reads the model file at `path` into memory of its own and decodes it there, the weights
  /// in place (see `MappedFile.init(copying:)`); nil when the file cannot be read.
  public static func decode(
    contentsOf path: String, packHash expectedPack: String? = nil,
    engine expectedEngine: String = TrainedModel.currentEngine
  ) throws(TrainedModelError) -> TrainedModel? {
    guard let file = MappedFile(copying: path) else {
      // An empty file is a file, and not a model: say so, as for any other short file.
      guard FileManager.default.isReadableFile(atPath: path),
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0
      else { return nil }
      return try decode([], packHash: expectedPack, engine: expectedEngine)
    }
    return try decode(file, packHash: expectedPack, engine: expectedEngine)
  }

  /// Reads a mapped model file; its weights stay in the mapping rather than being copied.
  static func decode(
    _ file: MappedFile, packHash expectedPack: String?, engine expectedEngine: String
  ) throws(TrainedModelError) -> TrainedModel {
    try decode(file.bytes, packHash: expectedPack, engine: expectedEngine, mappedFile: file)
  }

  static func decode(
    _ buffer: UnsafeRawBufferPointer, packHash expectedPack: String?, engine expectedEngine: String,
    mappedFile: MappedFile? = nil
  ) throws(TrainedModelError) -> TrainedModel {
    guard buffer.count >= magic.count else {
      throw buffer.elementsEqual(magic.prefix(buffer.count)) ? .truncated : .notAModel
    }
    guard buffer.prefix(magic.count).elementsEqual(magic) else { throw .notAModel }
    var reader = ModelBinaryReader(buffer, offset: magic.count)
    let header: (version: UInt32, engine: String, pack: String, length: UInt64, checksum: UInt64)
    do {
      header = (
        try reader.uint32("format version"), try reader.string("engine"), try reader.string("pack hash"),
        try reader.uint64("payload length"), try reader.uint64("payload checksum")
      )
    } catch {
      throw .truncated
    }
    guard header.version == formatVersion else { throw .stale(.format(header.version)) }
    guard header.engine == expectedEngine else { throw .stale(.engine(header.engine)) }
    if let expectedPack, header.pack != expectedPack { throw .stale(.pack) }
    guard header.length <= UInt64(reader.remaining) else { throw .truncated }
    guard header.length == UInt64(reader.remaining) else {
      throw .corrupt("bytes after the end of the model")
    }
    let payload = UnsafeRawBufferPointer(rebasing: buffer[reader.offset...])
    guard ModelChecksum.of(payload) == header.checksum else {
      throw .corrupt("the checksum does not match (the file was damaged)")
    }
    var payloadReader = ModelBinaryReader(payload)
    let classifier = try classifier(from: &payloadReader, mappedFile: mappedFile)
    let pack = try payloadReader.isPresent("pack") ? try IntentPack.decode(from: &payloadReader) : nil
    let vocabulary = try Self.vocabulary(from: &payloadReader)
    let subjects = try Self.subjects(from: &payloadReader)
    let passageVectors =
      try payloadReader.isPresent("passage vectors") ? try payloadReader.floats("passage vectors") : nil
    guard payloadReader.remaining == 0 else { throw .corrupt("bytes after the last field") }
    if let pack, pack.intents.map(\.id) != classifier.intentIds {
      throw .corrupt("the stored pack's intents are not the model's classes")
    }
    return TrainedModel(
      classifier: classifier, packHash: header.pack, engine: header.engine, pack: pack,
      vocabulary: vocabulary, subjects: subjects, passageVectors: passageVectors)
  }

  /// True when `list` is sorted and has no repeats, as the writer leaves every sorted list.
  private static func isAscending<Element: Comparable>(_ list: [Element]) -> Bool {
    zip(list, list.dropFirst()).allSatisfy { $0 < $1 }
  }

  private static func subjects(from reader: inout ModelBinaryReader) throws(TrainedModelError)
    -> SubjectVocabulary.Contents?
  {
    guard try reader.isPresent("subject vocabulary") else { return nil }
    let words = try reader.strings("subject words")
    let stems = try reader.strings("subject stems")
    let anchors = try reader.strings("subject anchors")
    let name = try reader.isPresent("subject name") ? try reader.string("subject name") : nil
    // Sorted and distinct, as written.
    guard isAscending(words), isAscending(stems), isAscending(anchors) else {
      throw .corrupt("the subject vocabulary's lists are not sorted")
    }
    return SubjectVocabulary.Contents(words: words, stems: stems, anchors: anchors, subjectName: name)
  }

  private static func vocabulary(from reader: inout ModelBinaryReader) throws(TrainedModelError)
    -> TextAnalyzer.Vocabulary?
  {
    guard try reader.isPresent("vocabulary") else { return nil }
    let words = try reader.strings("vocabulary words")
    let counts = try reader.uint64s("vocabulary counts")
    let stems = try reader.strings("vocabulary stems")
    // Sorted and distinct, as written: a repeated word would make the analyzer's tables trap.
    guard counts.count == words.count, stems.count == words.count,
      isAscending(words),
      counts.allSatisfy({ (1...UInt64(Int.max)).contains($0) })
    else { throw .corrupt("the vocabulary's words, counts and stems do not fit together") }
    return TextAnalyzer.Vocabulary(words: words, counts: counts.map { Int($0) }, stems: stems)
  }

  private static func classifier(
    from reader: inout ModelBinaryReader, mappedFile: MappedFile?
  ) throws(TrainedModelError) -> IntentClassifier {
    let intentCount = Int(try reader.uint32("intent count"))
    guard intentCount <= reader.remaining / 4 else { throw .corrupt("implausible intent count") }
    var intentIds: [String] = []
    intentIds.reserveCapacity(intentCount)
    for _ in 0..<intentCount { intentIds.append(try reader.string("intent id")) }
    let wordKeys = try reader.uint64s("word keys")
    let characterKeys = try reader.uint64s("character keys")
    let idf = try reader.floats("idf")
    let characterWeight = try reader.float("character weight")
    let classCount = Int(try reader.uint32("class count"))
    let featureCount = Int(try reader.uint32("feature count"))
    try reader.skipPadding("weights padding")
    let weights = try reader.weights("weights", in: mappedFile)
    let bias = try reader.floats("bias")
    let stemCount = Int(try reader.uint32("stem count"))
    guard stemCount <= reader.remaining / 4 else { throw .corrupt("implausible stem count") }
    var stems: Set<String> = []
    stems.reserveCapacity(stemCount)
    for _ in 0..<stemCount { stems.insert(try reader.string("stem")) }
    let openVocabulary = try reader.floats("open vocabulary")
    guard openVocabulary.count == intentIds.count, openVocabulary.allSatisfy({ (0...1).contains($0) }) else {
      throw .corrupt("the open-vocabulary rates do not fit the intents")
    }
    let embedding = try Self.embedding(from: &reader, classes: classCount, mappedFile: mappedFile)
    let head =
      try reader.isPresent("encoder head")
      ? try EncoderHead.decode(from: &reader, classes: classCount, mappedFile: mappedFile) : nil
    guard classCount == intentIds.count, bias.count == classCount else {
      throw .corrupt("\(intentIds.count) intents but \(classCount) classes and \(bias.count) biases")
    }
    guard featureCount == wordKeys.count + characterKeys.count + (embedding?.dimensions ?? 0),
      idf.count == wordKeys.count + characterKeys.count, weights.count == featureCount * classCount
    else { throw .corrupt("the feature count does not match the keys, idf, vectors and weights") }
    let space = FeatureSpace(
      wordKeys: wordKeys, characterKeys: characterKeys, idf: idf, characterWeight: characterWeight)
    guard space.keysAreDistinct else { throw .corrupt("repeated feature keys") }
    let model = SoftmaxRegression(
      classCount: classCount, featureCount: featureCount, weights: weights, bias: bias)
    return IntentClassifier(
      intentIds: intentIds, space: space, model: model, knownStems: stems, openVocabulary: openVocabulary,
      embedding: embedding, encoderHead: head)
  }

  /// The dense block's fields, checked: the engine string has already tied the file to the
  /// vectors compiled in.
  private static func embedding(
    from reader: inout ModelBinaryReader, classes: Int, mappedFile: MappedFile?
  ) throws(TrainedModelError) -> TokenEmbedding? {
    guard try reader.isPresent("embedding") else { return nil }
    let weight = try reader.float("embedding weight")
    let exampleCount = try reader.uint64("embedding example count")
    let pieces = try reader.uint32s("embedding pieces").map { Int32(bitPattern: $0) }
    let frequencies = try reader.uint32s("embedding frequencies")
    try reader.skipPadding("embedding projections padding")
    let projections = try reader.weights("embedding projections", in: mappedFile)
    guard let vectors = TokenVectors.embedded else { throw .corrupt("no token vectors to read it with") }
    guard weight.isFinite, weight > 0, exampleCount <= UInt64(Int32.max), pieces.count == frequencies.count,
      isAscending(pieces),
      pieces.allSatisfy({ (0..<Int32(vectors.count)).contains($0) }),
      frequencies.allSatisfy({ $0 >= 1 && UInt64($0) <= exampleCount }),
      projections.count == pieces.count * classes
    else { throw .corrupt("the embedding's pieces, frequencies and projections do not fit together") }
    return TokenEmbedding(
      vectors: vectors, weight: weight, exampleCount: Int(exampleCount), pieces: pieces,
      documentFrequencies: frequencies, projections: projections)
  }

  /// The last component of `path`: what the pack hash and a stored pack know a file by.
  static func baseName(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
  }
}

/// Why a model file was not used.
public enum TrainedModelError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What made a whole, undamaged model unusable here.
  public enum Staleness: Sendable, Equatable {
    /// Written in another layout (the format version found).
    case format(UInt32)
    /// Trained by another engine or matcher revision (the one found).
    case engine(String)
    /// Trained on other pack content.
    case pack
  }

  /// The file does not start like a model file.
  case notAModel
  /// The file ends before the model does.
  case truncated
  /// The bytes are damaged or inconsistent.
  case corrupt(String)
  /// A good model, but not one for this engine or pack.
  case stale(Staleness)

  /// The reason in words, for messages that tell the user to retrain.
  public var description: String {
    switch self {
    case .notAModel: "not a faqbot model file"
    case .truncated: "the model file is truncated"
    case .corrupt(let reason): "the model file is corrupt: \(reason)"
    case .stale(.format(let version)):
      "the model file has format \(version); this faqbot reads format \(TrainedModel.formatVersion)"
    case .stale(.engine(let engine)):
      "the model was trained by \(engine); this is \(TrainedModel.currentEngine)"
    case .stale(.pack): "the model was trained on a different pack (intents or knowledge changed)"
    }
  }
}
