import Foundation

/// The features seen in training, each with its inverse document frequency, and the TF-IDF
/// weighting that turns ``FeatureKeys`` into a ``SparseVector``.
///
/// Word features take indices `0..<wordCount`, character features follow, so a vector
/// built block by block is already sorted. Each block is L2-normalised on its own (as a
/// scikit-learn `FeatureUnion` of two vectorisers is), so long words cannot drown the words.
public struct FeatureSpace: Sendable {
  public private(set) var wordIndex: [UInt64: Int32] = [:]
  public private(set) var characterIndex: [UInt64: Int32] = [:]
  public private(set) var idf: [Float] = []
  public var characterWeight: Float = 1
  /// The same maps as `wordIndex` and `characterIndex`, in the form the answer path reads.
  private var wordTable = FeatureTable([:])
  private var characterTable = FeatureTable([:])

  public var count: Int { idf.count }

  public init() {}

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
    for (offset, key) in words.enumerated() {
      wordIndex[key] = Int32(offset)
      idf.append(log((1 + total) / (1 + Float(wordFrequency[key] ?? 0))) + 1)
    }
    for (offset, key) in characters.enumerated() {
      characterIndex[key] = Int32(words.count + offset)
      idf.append(log((1 + total) / (1 + Float(characterFrequency[key] ?? 0))) + 1)
    }
    self.idf = idf
    self.characterWeight = characterWeight
    wordTable = FeatureTable(wordIndex)
    characterTable = FeatureTable(characterIndex)
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

  /// Restores a space saved by ``TrainedModel``.
  init(wordKeys: [UInt64], characterKeys: [UInt64], idf: [Float], characterWeight: Float) {
    for (offset, key) in wordKeys.enumerated() { wordIndex[key] = Int32(offset) }
    for (offset, key) in characterKeys.enumerated() { characterIndex[key] = Int32(wordKeys.count + offset) }
    self.idf = idf
    self.characterWeight = characterWeight
    wordTable = FeatureTable(wordIndex)
    characterTable = FeatureTable(characterIndex)
  }

  public func vector(for keys: FeatureKeys.Keys) -> SparseVector {
    var vector = SparseVector()
    vector.indices.reserveCapacity(keys.words.count + keys.characters.count)
    vector.values.reserveCapacity(keys.words.count + keys.characters.count)
    appendBlock(keys.words, index: wordTable, weight: 1, to: &vector)
    appendBlock(keys.characters, index: characterTable, weight: characterWeight, to: &vector)
    return vector
  }

  private func appendBlock(
    _ keys: [UInt64], index: FeatureTable, weight: Float, to vector: inout SparseVector
  ) {
    var found: [Int32] = []
    found.reserveCapacity(keys.count)
    for key in keys { if let feature = index[key] { found.append(feature) } }
    guard !found.isEmpty else { return }
    found.sort()
    let start = vector.values.count
    var norm: Float = 0
    var position = 0
    while position < found.count {
      let feature = found[position]
      var run = 1
      while position + run < found.count, found[position + run] == feature { run += 1 }
      let value = (1 + log(Float(run))) * idf[Int(feature)]
      vector.indices.append(feature)
      vector.values.append(value)
      norm += value * value
      position += run
    }
    let scale = weight / norm.squareRoot()
    for offset in start..<vector.values.count { vector.values[offset] *= scale }
  }
}
