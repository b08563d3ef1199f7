import CEncoderWeights
import Dispatch

/// The encoder's weights file (`scripts/convert-minilm` writes it and documents its layout),
/// read in place: nothing is decoded or copied at start-up, so an encoder costs the pages the
/// forward pass touches and no load time.
///
/// Reading checks the structure (header, sizes, offsets, hash table, that every scale and
/// float parameter is finite) and refuses a damaged file with an ``EncoderWeightsError``; the
/// SHA-256 of the content is checked by the tests for the embedded file (hashing 22 MB at each
/// start would cost more than the start itself).
public struct EncoderWeights: @unchecked Sendable {
  // @unchecked: every pointer is into read-only bytes that live as long as the process (the
  // binary's) or as ``storage`` (a copy), and nothing writes through them.

  /// The weights compiled into faqbot, or why they cannot be read (the tests rule that out).
  public static let embedded: Result<EncoderWeights, EncoderWeightsError> = {
    var size = 0
    guard let start = faqbot_encoder_weights(&size) else { return .failure(.truncatedHeader) }
    let file = UnsafeRawBufferPointer(start: start, count: size)
    return Result { try EncoderWeights(file, storage: nil, panelFormat: .best) }
      .mapError { $0 as? EncoderWeightsError ?? .truncatedHeader }
  }()

  /// The SHA-256 the build's copy of the file should record: a different ``recordedHash``
  /// means a stale build of EncoderWeights.c (see `EncoderWeightsHash.h`).
  public static var expectedHash: String { String(cString: faqbot_encoder_weights_expected_sha256()) }

  /// The model's shape, from the file's header.
  public let configuration: EncoderConfiguration
  /// The SHA-256 the file records for everything after its header, in hex.
  public let recordedHash: String
  /// The file's bytes (for the tests' hash and damaged copies).
  public let bytes: UnsafeRawBufferPointer

  let vocabulary: EncoderVocabulary
  let wordEmbeddings: QuantisedTable
  let positions: QuantisedTable
  let embeddingNorm: (weight: FloatVector, bias: FloatVector)
  let layers: [LayerWeights]
  /// Keeps a copy's bytes alive; nil for the embedded file.
  private let storage: AlignedBytes?
  /// The layers' matrices packed for the panel kernel (``WeightPanels``).
  private let panels: WeightPanels
  /// How the default kernel's copy of the matrices is packed (``PanelFormat/best`` for the
  /// embedded file).
  public var panelFormat: PanelFormat { panels.format }

  static let headerSize = 4 + 8 * 4 + 32
  static let version: UInt32 = 2

  /// Reads a copy of a weights file (tests use this for damaged copies, and to compare the
  /// panel formats; a tool could for a file of another model of the same kind).
  public init(copying bytes: [UInt8], panelFormat: PanelFormat = .best) throws(EncoderWeightsError) {
    let storage = AlignedBytes(bytes)
    try self.init(UnsafeRawBufferPointer(storage.buffer), storage: storage, panelFormat: panelFormat)
  }

  private init(
    _ bytes: UnsafeRawBufferPointer, storage: AlignedBytes?, panelFormat: PanelFormat
  ) throws(EncoderWeightsError) {
    guard let base = bytes.baseAddress, bytes.count >= Self.headerSize else { throw .truncatedHeader }
    guard Int(bitPattern: base) % 4 == 0 else { throw .misaligned }
    guard bytes.prefix(4).elementsEqual("FQEN".utf8) else { throw .badMagic }
    func word(_ offset: Int) -> Int {
      Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }
    let version = UInt32(word(4))
    guard version == Self.version else { throw .unsupportedVersion(version) }
    let configuration = EncoderConfiguration(
      layers: word(8), hidden: word(12), heads: word(16), intermediate: word(20), vocabulary: word(24),
      positions: word(28))
    let stringBytes = word(32)
    // Far above all-MiniLM-L6-v2's sizes, low enough that no product below can overflow.
    guard (1...64).contains(configuration.layers), (1...4_096).contains(configuration.hidden),
      (1...64).contains(configuration.heads), configuration.hidden % configuration.heads == 0,
      (1...16_384).contains(configuration.intermediate), (1...1 << 20).contains(configuration.vocabulary),
      (2...8_192).contains(configuration.positions), stringBytes <= 1 << 26
    else { throw .implausibleHeader("\(configuration), \(stringBytes) string bytes") }

    // The layout as the convert script wrote it.
    var layout = Layout(offset: Self.headerSize)
    let offsetsAt = layout.take(bytes: (configuration.vocabulary + 1) * 4, alignment: 1)
    let stringsAt = layout.take(bytes: stringBytes, alignment: 1)
    var slots = 1
    while slots < 2 * configuration.vocabulary { slots *= 2 }
    let tableAt = layout.take(bytes: slots * 4, alignment: 4)
    let (hidden, intermediate) = (configuration.hidden, configuration.intermediate)
    func table(rows: Int, columns: Int) -> QuantisedTable {
      let scalesAt = layout.take(bytes: rows * 4, alignment: 64)
      let valuesAt = layout.take(bytes: rows * columns, alignment: 64)
      return QuantisedTable(
        rows: rows, columns: columns, rowScales: (base + scalesAt).assumingMemoryBound(to: Float.self),
        values: (base + valuesAt).assumingMemoryBound(to: Int8.self))
    }
    let panels = WeightPanels(configuration: configuration, format: panelFormat)
    func matrix(rows: Int, columns: Int) -> HalfMatrix {
      let valuesAt = layout.take(bytes: rows * columns * 2, alignment: 64)
      let place = panels.reserve(rows: rows, columns: columns)
      return HalfMatrix(
        rows: rows, columns: columns, values: (base + valuesAt).assumingMemoryBound(to: UInt16.self),
        format: panelFormat, panels: place.values, panelScales: place.scales)
    }
    func vector(_ count: Int) -> FloatVector {
      FloatVector(
        count: count,
        values: (base + layout.take(bytes: count * 4, alignment: 64)).assumingMemoryBound(to: Float.self))
    }
    // Offsets only: nothing is dereferenced until the size has been checked below.
    let wordEmbeddings = table(rows: configuration.vocabulary, columns: hidden)
    let positions = table(rows: configuration.positions, columns: hidden)
    let embeddingNorm = (weight: vector(hidden), bias: vector(hidden))
    var layers: [LayerWeights] = []
    for _ in 0..<configuration.layers {
      let qkv = matrix(rows: 3 * hidden, columns: hidden)
      let qkvBias = vector(3 * hidden)
      let output = matrix(rows: hidden, columns: hidden)
      let outputBias = vector(hidden)
      let attentionNorm = (weight: vector(hidden), bias: vector(hidden))
      let up = matrix(rows: intermediate, columns: hidden)
      let upBias = vector(intermediate)
      let down = matrix(rows: hidden, columns: intermediate)
      let downBias = vector(hidden)
      let outputNorm = (weight: vector(hidden), bias: vector(hidden))
      layers.append(
        LayerWeights(
          queryKeyValue: qkv, queryKeyValueBias: qkvBias, attentionOutput: output,
          attentionOutputBias: outputBias,
          attentionNorm: attentionNorm, intermediate: up, intermediateBias: upBias, output: down,
          outputBias: downBias, outputNorm: outputNorm))
    }
    _ = layout.take(bytes: 0, alignment: 64)
    guard layout.offset == bytes.count else {
      throw .sizeMismatch(expected: layout.offset, actual: bytes.count)
    }

    let vocabulary = EncoderVocabulary(
      count: configuration.vocabulary, offsets: (base + offsetsAt).assumingMemoryBound(to: UInt32.self),
      strings: (base + stringsAt).assumingMemoryBound(to: UInt8.self),
      table: (base + tableAt).assumingMemoryBound(to: UInt32.self), slotMask: slots - 1)
    // Offsets must rise within the strings, or a lookup would read outside them; slots must
    // name pieces that exist, and one must be free, or a lookup would never end.
    var previous = 0
    for id in 0...configuration.vocabulary {
      let offset = Int(UInt32(littleEndian: vocabulary.offsets[id]))
      guard offset >= previous, offset <= stringBytes else {
        throw .damagedVocabulary("offset of piece \(id)")
      }
      previous = offset
    }
    var free = 0
    for slot in 0..<slots {
      let entry = Int(UInt32(littleEndian: vocabulary.table[slot]))
      guard entry <= configuration.vocabulary else { throw .damagedVocabulary("hash slot \(slot)") }
      if entry == 0 { free += 1 }
    }
    guard free > 0 else { throw .damagedVocabulary("no free hash slot") }
    for piece in ["[CLS]", "[SEP]", "[UNK]"] where vocabulary.id(of: piece) == nil {
      throw .missingPiece(piece)
    }

    // A NaN scale or bias would make every sentence's vector NaN; checking them is 70,000
    // floats. (The half-precision matrices are 10 M numbers: their hash is the tests' check.)
    func finite(_ pointer: UnsafePointer<Float>, _ count: Int) -> Bool {
      (0..<count).allSatisfy { pointer[$0].isFinite }
    }
    for (index, table) in [wordEmbeddings, positions].enumerated() where !finite(table.rowScales, table.rows)
    {
      throw .nonFiniteParameter("scales of table \(index)")
    }
    let vectors = [embeddingNorm.weight, embeddingNorm.bias] + layers.flatMap(\.vectors)
    for (index, vector) in vectors.enumerated() where !finite(vector.values, vector.count) {
      throw .nonFiniteParameter("vector \(index)")
    }

    // Last, once the sizes are known to be right: packing reads every matrix.
    // On every core: each matrix goes to its own place in the panels, and packing (reading 21 MB
    // of halves, writing 21 MB of panels) is most of an encoder's start.
    let matrices = layers.flatMap(\.matrices)
    let releasing = storage == nil
    DispatchQueue.concurrentPerform(iterations: matrices.count) { index in
      panels.pack(matrices[index], releasingRows: releasing)
    }

    self.configuration = configuration
    self.bytes = bytes
    self.storage = storage
    self.panels = panels
    self.vocabulary = vocabulary
    self.wordEmbeddings = wordEmbeddings
    self.positions = positions
    self.embeddingNorm = embeddingNorm
    self.layers = layers
    let digits = Array("0123456789abcdef")
    recordedHash = String(bytes[36..<68].flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
  }

  /// The bytes after the header: what ``recordedHash`` is the SHA-256 of.
  public var content: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[Self.headerSize...]) }

  /// Piece `id`'s text as vocab.txt spells it (for tests and tools).
  public func pieceText(_ id: Int32) -> String? {
    (0..<Int32(vocabulary.count)).contains(id) ? vocabulary.text(id) : nil
  }
}

/// Offsets of the file's parts, in the order the convert script writes them.
private struct Layout {
  var offset: Int

  /// Reserves `bytes` bytes at the next multiple of `alignment`; returns where they start.
  mutating func take(bytes: Int, alignment: Int) -> Int {
    offset = (offset + alignment - 1) / alignment * alignment
    defer { offset += bytes }
    return offset
  }

}

/// One transformer layer's parameters.
struct LayerWeights: Sendable {
  let queryKeyValue: HalfMatrix
  let queryKeyValueBias: FloatVector
  let attentionOutput: HalfMatrix
  let attentionOutputBias: FloatVector
  let attentionNorm: (weight: FloatVector, bias: FloatVector)
  let intermediate: HalfMatrix
  let intermediateBias: FloatVector
  let output: HalfMatrix
  let outputBias: FloatVector
  let outputNorm: (weight: FloatVector, bias: FloatVector)

  var matrices: [HalfMatrix] { [queryKeyValue, attentionOutput, intermediate, output] }

  var vectors: [FloatVector] {
    [
      queryKeyValueBias, attentionOutputBias, attentionNorm.weight, attentionNorm.bias, intermediateBias,
      outputBias,
      outputNorm.weight, outputNorm.bias,
    ]
  }
}

/// A copy of a file's bytes, 64-byte aligned as the embedded ones are, that outlives the
/// ``EncoderWeights`` pointing into it.
final class AlignedBytes: @unchecked Sendable {
  // @unchecked: written once in init, only read afterwards.
  let buffer: UnsafeMutableRawBufferPointer

  init(_ bytes: [UInt8]) {
    buffer = .allocate(byteCount: bytes.count, alignment: 64)
    buffer.copyBytes(from: bytes)
  }

  deinit { buffer.deallocate() }
}
