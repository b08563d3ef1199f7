import Foundation

/// The features seen in training, each with its inverse document frequency, and the TF-IDF
/// weighting that turns ``FeatureKeys`` into a ``SparseVector``.
///
/// Word features take indices `0..<wordKeys.count`, character features follow. Each block of
/// a vector is L2-normalised on its own (as a scikit-learn `FeatureUnion` of two vectorisers
/// is), so long words cannot drown the words.
public struct FeatureSpace: Sendable {
  /// The word features' keys in index order: word feature `i` is `wordKeys[i]`.
  public private(set) var wordKeys: [UInt64] = []
  /// The character features' keys in index order, after the words: feature
  /// `wordKeys.count + i` is `characterKeys[i]`.
  public private(set) var characterKeys: [UInt64] = []
  /// The smoothed IDF of each feature, by index (words, then characters).
  public private(set) var idf: [Float] = []
  /// The length the character block of a vector is scaled to; the word block's is 1.
  public var characterWeight: Float = 1
  /// Key → index for each block, in the form the answer path reads.
  private var wordTable = FeatureTable(keys: [], firstIndex: 0)
  private var characterTable = FeatureTable(keys: [], firstIndex: 0)

  /// How many features there are, both blocks together.
  public var count: Int { idf.count }

  /// Word key → feature index, as a dictionary (for tools and tests; the answer path uses
  /// the table).
  public var wordIndex: [UInt64: Int32] { Self.dictionary(wordKeys, firstIndex: 0) }
  /// Character key → feature index, as a dictionary.
  public var characterIndex: [UInt64: Int32] { Self.dictionary(characterKeys, firstIndex: wordKeys.count) }

  /// The index of a word feature's key, nil for one not seen in training.
  public func index(ofWord key: UInt64) -> Int32? { wordTable[key] }
  /// The index of a character feature's key, nil for one not seen in training.
  public func index(ofCharacters key: UInt64) -> Int32? { characterTable[key] }

  /// False when a key is listed twice, which only a damaged model file does.
  package var keysAreDistinct: Bool { wordTable.keysAreDistinct && characterTable.keysAreDistinct }

  /// An empty space: every vector of it is empty.
  public init() {}

  private static func dictionary(_ keys: [UInt64], firstIndex: Int) -> [UInt64: Int32] {
    var index: [UInt64: Int32] = [:]
    index.reserveCapacity(keys.count)
    for (offset, key) in keys.enumerated() { index[key] = Int32(firstIndex + offset) }
    return index
  }

  /// Interns the features of `documents` and computes smoothed IDF: ln((1+n)/(1+df)) + 1.
  ///
  /// With `maxFeatures`, only that many are kept: the most frequent (by document frequency,
  /// ties to the smaller key), as scikit-learn's `max_features` does. The model's weights grow
  /// with features × intents, so this cap is what keeps a pack of thousands of intents and
  /// a large vocabulary within a fixed memory budget; a small pack never reaches it.
  public init(documents: [FeatureKeys.Keys], characterWeight: Float = 1, maxFeatures: Int? = nil) {
    var wordFrequency: [UInt64: Int] = [:]
    var characterFrequency: [UInt64: Int] = [:]
    for document in documents {
      for key in Set(document.words) { wordFrequency[key, default: 0] += 1 }
      for key in Set(document.characters) { characterFrequency[key, default: 0] += 1 }
    }
    if let maxFeatures, wordFrequency.count + characterFrequency.count > maxFeatures {
      Self.keepMostFrequent(maxFeatures, words: &wordFrequency, characters: &characterFrequency)
    }
    // Sorting makes the indices independent of dictionary order: same pack, same model.
    let words = wordFrequency.keys.sorted()
    let characters = characterFrequency.keys.sorted()
    let total = Float(documents.count)
    var idf: [Float] = []
    idf.reserveCapacity(words.count + characters.count)
    for key in words { idf.append(log((1 + total) / (1 + Float(wordFrequency[key] ?? 0))) + 1) }
    for key in characters { idf.append(log((1 + total) / (1 + Float(characterFrequency[key] ?? 0))) + 1) }
    self.init(wordKeys: words, characterKeys: characters, idf: idf, characterWeight: characterWeight)
  }

  /// Drops all but the `count` most frequent features of both blocks, deterministically.
  private static func keepMostFrequent(
    _ count: Int, words: inout [UInt64: Int], characters: inout [UInt64: Int]
  ) {
    // Word and character keys may collide as hashes; the block tells them apart.
    var all = words.map { (frequency: $0.value, block: 0, key: $0.key) }
    all += characters.map { (frequency: $0.value, block: 1, key: $0.key) }
    all.sort { ($1.frequency, $0.block, $0.key) < ($0.frequency, $1.block, $1.key) }
    var keptWords: [UInt64: Int] = [:]
    var keptCharacters: [UInt64: Int] = [:]
    for feature in all.prefix(max(0, count)) {
      if feature.block == 0 {
        keptWords[feature.key] = feature.frequency
      } else {
        keptCharacters[feature.key] = feature.frequency
      }
    }
    words = keptWords
    characters = keptCharacters
  }

  /// Restores a space saved by ``TrainedModel``: only the lookup tables are built, which is
  /// what a start with a cached model spends here.
  package init(wordKeys: [UInt64], characterKeys: [UInt64], idf: [Float], characterWeight: Float) {
    self.wordKeys = wordKeys
    self.characterKeys = characterKeys
    self.idf = idf
    self.characterWeight = characterWeight
    wordTable = FeatureTable(keys: wordKeys, firstIndex: 0)
    characterTable = FeatureTable(keys: characterKeys, firstIndex: wordKeys.count)
  }

  /// The TF-IDF vector of `keys`; keys not seen in training are dropped, so a text with no
  /// known feature gives an empty vector.
  public func vector(for keys: FeatureKeys.Keys) -> SparseVector {
    var vector = SparseVector()
    vector.indices.reserveCapacity(keys.words.count + keys.characters.count)
    vector.values.reserveCapacity(keys.words.count + keys.characters.count)
    appendBlock(keys.words, index: wordTable, weight: 1, to: &vector)
    appendBlock(keys.characters, index: characterTable, weight: characterWeight, to: &vector)
    return vector
  }

  /// Appends the distinct features of `keys` with their sublinear TF-IDF values, L2-normalised
  /// to `weight`, in order of first occurrence.
  ///
  /// Repeats are counted through a small open-addressing table on the stack rather than by
  /// sorting: sorting a few hundred indices per question was an eighth of the answer path.
  private func appendBlock(
    _ keys: [UInt64], index: FeatureTable, weight: Float, to vector: inout SparseVector
  ) {
    let start = vector.indices.count
    var bits = 4
    while (1 << bits) < keys.count * 2 { bits += 1 }
    let mask = (1 << bits) - 1
    // The slots, then the keys' features, then the distinct features in order: one allocation
    // on the stack, and the vector's arrays appended to once.
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: mask + 1 + 2 * keys.count) { storage in
      let slots = UnsafeMutableBufferPointer(rebasing: storage[0...mask])
      let features = UnsafeMutableBufferPointer(rebasing: storage[(mask + 1)..<(mask + 1 + keys.count)])
      let distinct = UnsafeMutableBufferPointer(rebasing: storage[(mask + 1 + keys.count)...])
      slots.initialize(repeating: -1)
      keys.withUnsafeBufferPointer { index.lookUp($0, into: features) }
      withUnsafeTemporaryAllocation(of: Float.self, capacity: keys.count) { counts in
        var found = 0
        for feature in features where feature >= 0 {
          var slot = Int((UInt32(bitPattern: feature) &* 0x9E37_79B1) >> (32 - UInt32(bits)))
          while true {
            let entry = Int(slots[slot])
            if entry < 0 {
              slots[slot] = Int32(found)
              distinct[found] = feature
              counts[found] = 1
              found += 1
              break
            }
            if distinct[entry] == feature {
              counts[entry] += 1
              break
            }
            slot = (slot + 1) & mask
          }
        }
        vector.indices.append(contentsOf: UnsafeBufferPointer(rebasing: distinct[0..<found]))
        vector.values.append(contentsOf: UnsafeBufferPointer(rebasing: counts[0..<found]))
      }
    }
    guard vector.indices.count > start else { return }
    var norm: Float = 0
    for offset in start..<vector.values.count {
      // log(1) is 0 exactly: most features occur once, and the logarithm is skipped for them.
      let count = vector.values[offset]
      let value = (count == 1 ? 1 : 1 + log(count)) * idf[Int(vector.indices[offset])]
      vector.values[offset] = value
      norm += value * value
    }
    let scale = weight / norm.squareRoot()
    for offset in start..<vector.values.count { vector.values[offset] *= scale }
  }
}
