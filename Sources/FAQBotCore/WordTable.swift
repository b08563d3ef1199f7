/// A read-only table from words to values, for the engine's fixed word lists (the crisis
/// lexicon, the phrase patterns' words, cue words): built once, probed for every word of
/// every message.
///
/// Why not `Dictionary<String, Value>`: each of its lookups seeds and runs SipHash over the
/// word and compares through `String ==`, and the crisis detector alone looks each message
/// word up in several lists; hashing and probing String keys were about a tenth of a
/// CLINC150 JSON run's samples. Here a word costs one FNV-1a pass over its UTF-8 bytes and a
/// byte comparison with the key found in a flat, linearly probed slot array (``FNV1a``). The tables are
/// fixed, written by the engine's own sources, so hash flooding (what SipHash's seed guards
/// against) is not a concern.
public struct WordTable<Value: Sendable>: Sendable {
  /// Every key's UTF-8 bytes, one after another.
  @usableFromInline let keyBytes: [UInt8]
  /// Key `i` is `keyBytes[keyStarts[i] ..< keyStarts[i + 1]]`.
  @usableFromInline let keyStarts: [Int32]
  @usableFromInline let values: [Value]
  /// Per slot, the key's hash and its index (-1: empty); a power of two, at most half full.
  @usableFromInline let slotHashes: [UInt64]
  @usableFromInline let slotKeys: [Int32]
  /// The keys in the order given.
  public let keys: [String]

  /// The table of `pairs`; a key given twice keeps its last value, as a dictionary would.
  public init(_ pairs: some Sequence<(String, Value)>) {
    var keys: [String] = []
    var values: [Value] = []
    var position: [String: Int] = [:]
    for (key, value) in pairs {
      if let existing = position[key] {
        values[existing] = value
      } else {
        position[key] = keys.count
        keys.append(key)
        values.append(value)
      }
    }
    var bytes: [UInt8] = []
    var starts: [Int32] = [0]
    for key in keys {
      bytes.append(contentsOf: key.utf8)
      starts.append(Int32(bytes.count))
    }
    var size = 16
    while size < keys.count * 2 { size *= 2 }
    var slotHashes = [UInt64](repeating: 0, count: size)
    var slotKeys = [Int32](repeating: -1, count: size)
    for (index, key) in keys.enumerated() {
      let hash = FNV1a.hash(key.utf8)
      var slot = Self.slot(of: hash, size: size)
      while slotKeys[slot] >= 0 { slot = (slot + 1) & (size - 1) }
      slotHashes[slot] = hash
      slotKeys[slot] = Int32(index)
    }
    self.keys = keys
    self.values = values
    self.keyBytes = bytes
    self.keyStarts = starts
    self.slotHashes = slotHashes
    self.slotKeys = slotKeys
  }

  /// The table of `dictionary`'s pairs.
  public init(_ dictionary: [String: Value]) {
    self.init(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
  }

  /// The number of keys.
  public var count: Int { keys.count }

  /// The value of `word`, or nil when it is no key.
  @inlinable
  public subscript(_ word: String) -> Value? {
    guard let index = index(of: word) else { return nil }
    return values[index]
  }

  /// Whether `word` is a key.
  @inlinable
  public func contains(_ word: String) -> Bool { index(of: word) != nil }

  /// The position of `word` among ``keys``, or nil.
  @inlinable
  public func index(of word: String) -> Int? {
    if let found = word.utf8.withContiguousStorageIfAvailable({ index(ofBytes: $0) }) { return found }
    return Array(word.utf8).withUnsafeBufferPointer { index(ofBytes: $0) }
  }

  /// The position of the key spelled by `bytes`, or nil.
  @inlinable
  func index(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let hash = FNV1a.hash(bytes)
    let mask = slotKeys.count - 1
    var slot = Self.slot(of: hash, size: slotKeys.count)
    return slotKeys.withUnsafeBufferPointer { slotKeys in
      slotHashes.withUnsafeBufferPointer { slotHashes in
        keyStarts.withUnsafeBufferPointer { starts in
          keyBytes.withUnsafeBufferPointer { keyBytes in
            while true {
              let key = Int(slotKeys[slot])
              if key < 0 { return nil }
              if slotHashes[slot] == hash {
                let start = Int(starts[key])
                let end = Int(starts[key + 1])
                if end - start == bytes.count, Self.equal(keyBytes, from: start, bytes) { return key }
              }
              slot = (slot + 1) & mask
            }
          }
        }
      }
    }
  }

  /// Whether `bytes` equals the same number of `keyBytes` from `start`.
  @inlinable
  static func equal(
    _ keyBytes: UnsafeBufferPointer<UInt8>, from start: Int, _ bytes: UnsafeBufferPointer<UInt8>
  )
    -> Bool
  {
    for offset in 0..<bytes.count where keyBytes[start + offset] != bytes[offset] { return false }
    return true
  }

  @inlinable
  static func slot(of hash: UInt64, size: Int) -> Int {
    Int(truncatingIfNeeded: (hash ^ (hash >> 29)) & UInt64(size - 1))
  }
}

extension WordTable: ExpressibleByDictionaryLiteral {
  /// A table written as a literal: `["kil": "kill", …]`.
  public init(dictionaryLiteral elements: (String, Value)...) {
    self.init(elements)
  }
}

/// A read-only set of words on a ``WordTable``: what `Set<String>` is for a fixed list
/// probed on every message word.
public struct WordSet: Sendable, ExpressibleByArrayLiteral {
  @usableFromInline let table: WordTable<Bool>

  /// The set of `words`.
  public init(_ words: some Sequence<String>) {
    table = WordTable(words.map { ($0, true) })
  }

  /// A set written as a literal.
  public init(arrayLiteral words: String...) {
    self.init(words)
  }

  /// Whether `word` is in the set.
  @inlinable
  public func contains(_ word: String) -> Bool { table.contains(word) }

  /// The words, in the order given (each once).
  public var words: [String] { table.keys }

  /// The number of words.
  public var count: Int { table.count }
}
