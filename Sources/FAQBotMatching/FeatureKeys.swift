import FAQBotCore

/// The raw features of an analysed text, as 64-bit hashes: word unigrams and bigrams of
/// stems, and character 2–5-grams inside each word padded with spaces (like scikit-learn's
/// `char_wb`), which is what makes matching tolerant of typos and word forms.
///
/// Hashing with FNV-1a keeps extraction allocation-free; ``FeatureSpace`` then interns
/// the hashes seen in training.
public struct FeatureKeys: Sendable {
  /// The lengths of the character n-grams, spaces of the padding included.
  public static let characterGramSizes = 2...5

  /// Hashes of the word features (block 0) and character features (block 1), with repeats.
  public struct Keys: Sendable {
    /// Hashes of the stem unigrams and bigrams, in text order.
    public var words: [UInt64] = []
    /// Hashes of the character n-grams of each padded word, word by word.
    public var characters: [UInt64] = []
    /// For each word key, the index of the word it came from (the first word of a bigram).
    public var wordOrigins: [Int] = []
    /// For each character key, the index of the word it came from.
    public var characterOrigins: [Int] = []
  }

  /// An extractor; it holds nothing, so one serves every thread.
  public init() {}

  /// The keys of `analysis`; `recordingOrigins: false` leaves the origin arrays empty, which
  /// halves the memory of a large pack's training documents (only `/why` reads them).
  public func keys(for analysis: TextAnalyzer.Analysis, recordingOrigins: Bool = true) -> Keys {
    var keys = Keys()
    let stems = analysis.stems
    keys.words.reserveCapacity(stems.count * 2)
    for (index, stem) in stems.enumerated() {
      keys.words.append(Self.hash(stem.utf8, tag: 1))
      if recordingOrigins { keys.wordOrigins.append(index) }
      if index + 1 < stems.count {
        var hash = Self.hash(stem.utf8, tag: 2)
        hash = FNV1a.mix(hash, 0x20)
        hash = FNV1a.hash(stems[index + 1].utf8, from: hash)
        keys.words.append(hash)
        if recordingOrigins { keys.wordOrigins.append(index) }
      }
    }
    var padded: [UInt8] = []
    for (index, word) in analysis.words.enumerated() {
      padded.removeAll(keepingCapacity: true)
      padded.append(0x20)
      padded.append(contentsOf: word.utf8)
      padded.append(0x20)
      // FNV-1a extends a prefix's hash byte by byte, so every n-gram starting at one
      // position comes out of one pass over it.
      let smallest = Self.characterGramSizes.lowerBound
      let largest = Self.characterGramSizes.upperBound
      for start in 0..<padded.count {
        var hash = FNV1a.offset ^ 3
        for end in start..<min(start + largest, padded.count) {
          hash = FNV1a.mix(hash, UInt64(padded[end]))
          if end - start + 1 >= smallest {
            keys.characters.append(hash)
            if recordingOrigins { keys.characterOrigins.append(index) }
          }
        }
      }
    }
    return keys
  }

  /// FNV-1a of `bytes`, its start tagged with the kind of key (1 unigram, 2 bigram, 3
  /// character n-gram), so equal bytes of two kinds are two features.
  static func hash(_ bytes: String.UTF8View, tag: UInt8) -> UInt64 {
    FNV1a.hash(bytes, from: FNV1a.offset ^ UInt64(tag))
  }
}
