import CTokenVectors
import FAQBotCore
import FAQBotWordPiece
import Foundation

/// Static token vectors: for each WordPiece piece of all-MiniLM-L6-v2's vocabulary, the
/// encoder's output for that piece alone, cut to 256 dimensions and stored as 8-bit integers
/// (`scripts/distill-token-vectors` makes them; `Sources/CTokenVectors/NOTICE.md` says where
/// from).
///
/// They give the classifier what TF-IDF cannot: "forecast" and "weather" near each other
/// although no example spells both. A question's vector is a weighted mean of rows, a table
/// lookup per piece, so it costs microseconds where the encoder it was distilled from costs
/// milliseconds. The bytes are compiled into the binary and read in place.
public struct TokenVectors: WordPieceVocabulary, @unchecked Sendable {
  // @unchecked: the pointers are into read-only data that lives as long as the process (or,
  // in tests, into an array the value keeps alive) and nothing writes through them.

  /// The vectors compiled into faqbot; nil only if the embedded file is damaged, which the
  /// tests rule out.
  public static let embedded: TokenVectors? = {
    var size = 0
    guard let start = faqbot_token_vectors(&size) else { return nil }
    return TokenVectors(UnsafeRawBufferPointer(start: start, count: size))
  }()

  /// The length of each row.
  public let dimensions: Int
  /// The number of pieces (and rows).
  public let count: Int
  /// The SHA-256 the file records for its content, in hex: what a model trained on these
  /// vectors is tied to (``TrainedModel/currentEngine``).
  public let recordedHash: String

  private let bytes: UnsafeRawBufferPointer
  private let initialCount: Int
  private let offsetStart: Int
  private let stringStart: Int
  private let tableStart: Int
  /// The hash table's slot count minus one (the count is a power of two).
  private let slotMask: Int
  private let rowStart: Int
  /// Keeps the bytes alive when they are not the embedded ones.
  private let owner: OwnedBytes?
  /// Each dimension's scale: a row's stored integer times it is the distilled value.
  public let scales: [Float]

  static let headerSize = 4 + 5 * 4 + 32

  /// Reads a file in the layout of `scripts/distill-token-vectors`; nil when its header does
  /// not describe a file of exactly this size.
  init?(_ bytes: UnsafeRawBufferPointer, owner: OwnedBytes? = nil) {
    guard bytes.count >= Self.headerSize, bytes.prefix(4).elementsEqual("FQTV".utf8) else { return nil }
    func field(_ index: Int) -> Int { Int(Self.word(in: bytes, at: 4 + index * 4)) }
    let (version, dimensions, initial, continuation, stringBytes) = (
      field(0), field(1), field(2), field(3), field(4)
    )
    // Bounds far above the real file's (256, 29,523, 200 KB), low enough that no size below
    // can overflow: a damaged header is refused, not trusted into arithmetic.
    guard version == 2, (1...4_096).contains(dimensions), initial + continuation <= 1 << 22,
      stringBytes <= 1 << 28
    else { return nil }
    let count = initial + continuation
    let scaleStart = Self.headerSize
    let offsetStart = scaleStart + dimensions * 4
    let stringStart = offsetStart + (count + 1) * 4
    let tableStart = (stringStart + stringBytes + 3) / 4 * 4
    var slots = 1
    while slots < 2 * count { slots *= 2 }
    let rowStart = (tableStart + slots * 4 + 63) / 64 * 64
    guard rowStart + count * dimensions == bytes.count else { return nil }
    self.bytes = bytes
    self.owner = owner
    self.dimensions = dimensions
    self.count = count
    self.initialCount = initial
    self.offsetStart = offsetStart
    self.stringStart = stringStart
    self.tableStart = tableStart
    self.slotMask = slots - 1
    self.rowStart = rowStart
    let digest = UnsafeRawBufferPointer(rebasing: bytes[24..<56])
    scales = (0..<dimensions).map { Float(bitPattern: Self.word(in: bytes, at: scaleStart + $0 * 4)) }
    recordedHash = digest.map { String(format: "%02x", $0) }.joined()
    // Offsets must rise within the strings, or a lookup would read outside them; slots must
    // name pieces that exist, and one must be free, or a lookup would never end.
    var previous = 0
    for piece in 0...count {
      let offset = offset(piece)
      guard offset >= previous, offset <= stringBytes else { return nil }
      previous = offset
    }
    var free = 0
    for slot in 0..<slots {
      let entry = self.entry(slot)
      guard entry <= count else { return nil }
      if entry == 0 { free += 1 }
    }
    guard free > 0 else { return nil }
  }

  /// Reads vectors from a file's bytes (tests use this for damaged copies).
  init?(bytes: [UInt8]) {
    let owner = OwnedBytes(bytes)
    self.init(UnsafeRawBufferPointer(rebasing: owner.buffer[..<bytes.count]), owner: owner)
  }

  /// The SHA-256 that the build's copy of the file should record: a different
  /// ``recordedHash`` means a stale build (see `TokenVectorsHash.h`).
  static var expectedHash: String { String(cString: faqbot_token_vectors_expected_sha256()) }

  /// Whether the content matches the SHA-256 in the header (the tests check the embedded file;
  /// hashing 7.5 MB at every start would cost more than the rest of it).
  func contentMatchesRecordedHash() -> Bool {
    var hasher = SHA256()
    hasher.update(UnsafeRawBufferPointer(rebasing: bytes[Self.headerSize...]))
    return hasher.finalizeHex() == recordedHash
  }

  /// A copy of the file (for tests of damaged copies).
  var fileBytes: [UInt8] { Array(bytes) }

  /// Piece `piece`'s text, "##" before a continuation (for tests and tools).
  func text(ofPiece piece: Int32) -> String {
    let index = Int(piece)
    return (index < initialCount ? "" : "##") + String(decoding: spelling(index), as: UTF8.self)
  }

  /// Piece `piece`'s row, as stored (multiply dimension `d` by `scales[d]` for its value).
  public func row(_ piece: Int32) -> UnsafeBufferPointer<Int8> {
    let start = rowStart + Int(piece) * dimensions
    return UnsafeRawBufferPointer(rebasing: bytes[start..<start + dimensions]).bindMemory(to: Int8.self)
  }

  /// Piece `index`'s bytes in the strings ("##" not included).
  private func spelling(_ index: Int) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: bytes[stringStart + offset(index)..<stringStart + offset(index + 1)])
  }

  private func offset(_ piece: Int) -> Int { Int(Self.word(in: bytes, at: offsetStart + piece * 4)) }

  /// The little-endian 32-bit word at byte `offset`: every number of the file is one.
  private static func word(in bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
    UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  /// Appends the pieces of `word` (lower-case, as ``TextNormalizer`` makes words) to `pieces`,
  /// as BERT's uncased tokenizer would (``WordPiece``). A word that cannot be split into known
  /// pieces adds none (BERT's [UNK], which carries no meaning).
  public func appendPieces(of word: String, to pieces: inout [Int32]) {
    WordPiece.appendPieces(of: word, in: self, to: &pieces)
  }

  /// The piece spelled `piece` in the initial or the continuation section, through the
  /// file's hash table (a binary search of the sorted pieces was 6% of an answer).
  public func pieceID(_ piece: UnsafeBufferPointer<UInt8>, continuation: Bool) -> Int32? {
    var slot = Int(WordPiece.hash(piece, continuation: continuation)) & slotMask
    while true {
      let entry = entry(slot)
      guard entry > 0 else { return nil }
      let index = entry - 1
      if (index >= initialCount) == continuation {
        let spelling = spelling(index)
        if spelling.count == piece.count, spelling.elementsEqual(UnsafeRawBufferPointer(piece)) {
          return Int32(index)
        }
      }
      slot = (slot + 1) & slotMask
    }
  }

  /// Slot `slot` of the hash table: a piece's index + 1, or 0.
  private func entry(_ slot: Int) -> Int { Int(Self.word(in: bytes, at: tableStart + slot * 4)) }
}

/// A copy of a file's bytes that outlives the ``TokenVectors`` pointing into it.
final class OwnedBytes: @unchecked Sendable {
  // @unchecked: written once in init, only read afterwards.
  let buffer: UnsafeMutableRawBufferPointer

  init(_ bytes: [UInt8]) {
    buffer = .allocate(byteCount: max(1, bytes.count), alignment: 64)
    UnsafeMutableRawBufferPointer(rebasing: buffer[..<bytes.count]).copyBytes(from: bytes)
  }

  deinit { buffer.deallocate() }
}
