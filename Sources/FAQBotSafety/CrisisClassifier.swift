import Foundation

/// The detector's second signal: a logistic regression over hashed word, word-pair and
/// character n-gram features plus the semantic margin of ``CrisisNeighbours``, trained by
/// `scripts/train-crisis-classifier` from the crisis tuning sets (weights in
/// CrisisClassifier+Weights.swift). It scores each sentence (long ones in overlapping windows)
/// and keeps the highest, so a crisis sentence at the end of a long message is not diluted by
/// the rest.
///
/// The feature code mirrors the training script exactly; `trainingChecks` (probabilities the
/// script computed) are asserted by a test, so the two cannot drift apart unnoticed.
public struct CrisisClassifier: Sendable {
  static let window = 30
  static let step = 15

  /// The trained integers of each bucket; a weight is one times ``scale``.
  private let weights: [Int8]
  private let scale: Float
  private let bias: Float
  /// The nearest-neighbour margin and what it adds to the logit per unit; nil only without the
  /// embedded token vectors (the tests rule that out).
  private let neighbours: CrisisNeighbours?
  private let neighbourWeight: Float
  /// The probability from which the classifier alone flags a message.
  public let threshold: Double

  /// The committed, trained model.
  public static let trained = CrisisClassifier()

  private init() {
    var table = [Int8](repeating: 0, count: 1 << Self.hashBits)
    // The line breaks are skipped by the decoder: filtering the string first walked its
    // characters one grapheme at a time, a few milliseconds of every start.
    let bytes = [UInt8](Data(base64Encoded: Self.trainedWeights, options: .ignoreUnknownCharacters) ?? Data())
    var index = 0
    while index + 5 <= bytes.count {
      let bucket =
        Int(bytes[index]) | Int(bytes[index + 1]) << 8 | Int(bytes[index + 2]) << 16 | Int(bytes[index + 3])
        << 24
      let weight = Int8(bitPattern: bytes[index + 4])
      if bucket < table.count { table[bucket] = weight }
      index += 5
    }
    weights = table
    scale = Self.trainedScale
    bias = Self.trainedBias
    threshold = Self.trainedThreshold
    neighbours = .trained
    neighbourWeight = Self.trainedNeighbourWeight
  }

  /// Whether the nearest-neighbour margin is part of the probabilities (the embedded token
  /// vectors are the ones it was trained on).
  package var usesNeighbours: Bool { neighbours != nil }

  /// The highest probability of any sentence or window of `text`.
  public func probability(_ text: String) -> Double {
    var best: Double = 0
    var features: Set<Int> = []
    for chunk in Self.chunks(text) {
      features.removeAll(keepingCapacity: true)
      Self.features(chunk, into: &features)
      // The integers add exactly, so the sum does not depend on the set's order (which differs
      // from one set to the next): summing the scaled floats in that order made the same
      // message's probability differ in its last digits between two calls.
      var sum = 0
      for feature in features { sum += Int(weights[feature]) }
      var z = bias + scale * Float(sum)
      if let neighbours { z += neighbourWeight * neighbours.margin(chunk) }
      best = max(best, 1 / (1 + exp(-Double(z))))
    }
    return best
  }

  // MARK: - Features (mirrored by scripts/train-crisis-classifier)

  /// Sentences split at `.!?;` and line ends, as lowercase ASCII words (apostrophes dropped,
  /// anything else a separator); sentences longer than ``window`` words become overlapping
  /// windows.
  static func chunks(_ text: String) -> [[[UInt8]]] {
    var result: [[[UInt8]]] = []
    var words: [[UInt8]] = []
    var current: [UInt8] = []
    func endWord() {
      if !current.isEmpty { words.append(current) }
      current.removeAll(keepingCapacity: true)
    }
    func endSentence() {
      endWord()
      guard !words.isEmpty else { return }
      if words.count <= window {
        result.append(words)
      } else {
        var start = 0
        while true {
          result.append(Array(words[start..<min(words.count, start + window)]))
          if start + window >= words.count { break }
          start += step
        }
      }
      words.removeAll(keepingCapacity: true)
    }
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      let value = scalar.value
      switch value {
      case 0x27, 0x2019, 0x2018, 0x60: continue
      case 0x41...0x5A: current.append(UInt8(value + 0x20))
      case 0x61...0x7A, 0x30...0x39: current.append(UInt8(value))
      case 0x2E, 0x21, 0x3F, 0x3B, 0x0A: endSentence()
      default: endWord()
      }
    }
    endSentence()
    return result
  }

  static func features(_ words: [[UInt8]], into found: inout Set<Int>) {
    let mask = (1 << hashBits) - 1
    for (index, word) in words.enumerated() {
      let wordHash = fnv(tag: 0x77, word)
      found.insert(Int(wordHash) & mask)
      if index + 1 < words.count {
        // The pair "word next", hashed on from the word's prefix without building it.
        var pair = fnv(tag: 0x62, word)
        pair = (pair ^ 0x20) &* 0x0100_0193
        found.insert(Int(fnv(continuing: pair, words[index + 1])) & mask)
      }
      // Character n-grams of "<word>", read in place.
      let count = word.count + 2
      for n in 3...5 where count >= n {
        for start in 0...(count - n) {
          var hash = Self.seed(tag: 0x63)
          for position in start..<start + n {
            let byte: UInt8 = position == 0 ? 0x3C : (position == count - 1 ? 0x3E : word[position - 1])
            hash = (hash ^ UInt32(byte)) &* 0x0100_0193
          }
          found.insert(Int(hash) & mask)
        }
      }
    }
  }

  static func seed(tag: UInt8) -> UInt32 {
    (0x811C_9DC5 ^ UInt32(tag)) &* 0x0100_0193
  }

  static func fnv(continuing hash: UInt32, _ bytes: [UInt8]) -> UInt32 {
    var hash = hash
    for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
    return hash
  }

  static func fnv<Bytes: Collection>(tag: UInt8, _ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
    var hash: UInt32 = 0x811C_9DC5
    hash = (hash ^ UInt32(tag)) &* 0x0100_0193
    for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
    return hash
  }
}
