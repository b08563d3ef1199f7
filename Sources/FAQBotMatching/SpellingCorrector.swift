import FAQBotCore
import Foundation

/// Corrects words the pack has never seen to a known word one edit away ("ketamin" →
/// "ketamine", "efects" → "effects", "adictive" → "addictive").
///
/// It uses symmetric single deletions (the SymSpell idea): a word and a vocabulary entry
/// that share a one-letter deletion are at most two edits apart, which is then checked with
/// the optimal-string-alignment distance. Words under six letters are left alone: too many
/// real words are one edit apart there ("stock" is not a typo of "stick"), and correcting an
/// off-topic word into a known one would make an off-topic question look in scope.
public struct SpellingCorrector: Sendable {
  /// Known word → how often it occurs in the pack, to prefer common corrections.
  let frequencies: [String: Int]
  /// Built on the first word that needs correcting: most questions have none, and a one-shot
  /// `faqbot ask` or a large pack's start should not pay for the index up front.
  private let index: LazyIndex
  /// Words shorter than this (in Unicode scalars) are never corrected.
  public static let minimumLength = 6

  /// The deletion index over the known words long enough to be corrected to.
  struct Index: Sendable {
    /// Those words, sorted (the indices below point here).
    let words: [String]
    /// Hash of a known word → its index in `words`.
    let wordsByHash: [UInt64: [Int32]]
    /// Hash of a single-deletion variant → the known words that produce it. Hashes rather
    /// than strings: building the index allocates nothing per variant; a hash collision only
    /// adds a candidate the distance check drops.
    let deletions: [UInt64: [Int32]]

    init(words: [String]) {
      var wordsByHash: [UInt64: [Int32]] = [:]
      var deletions: [UInt64: [Int32]] = [:]
      var scalars: [UInt32] = []
      for (index, word) in words.enumerated() {
        scalars.removeAll(keepingCapacity: true)
        scalars.append(contentsOf: word.unicodeScalars.map(\.value))
        wordsByHash[SpellingCorrector.hash(scalars, skipping: -1), default: []].append(Int32(index))
        for skipped in scalars.indices {
          let variant = SpellingCorrector.hash(scalars, skipping: skipped)
          // A doubled letter gives the same variant twice; the word is listed once.
          if deletions[variant]?.last != Int32(index) { deletions[variant, default: []].append(Int32(index)) }
        }
      }
      self.words = words
      self.wordsByHash = wordsByHash
      self.deletions = deletions
    }
  }

  /// The index, built once by whichever thread needs it first.
  ///
  /// An `NSLock` (a pthread mutex) rather than `Synchronization.Mutex`, which ThreadSanitizer
  /// cannot see through on Linux (see ``ResultSlots``).
  final class LazyIndex: @unchecked Sendable {
    // Unchecked: `built` is read and written only under `lock`.
    private let words: [String]
    private let lock = NSLock()
    private var built: Index?

    init(words: [String]) { self.words = words }

    var index: Index {
      lock.withLock {
        if let built { return built }
        let index = Index(words: words)
        built = index
        return index
      }
    }
  }

  /// A corrector knowing the words of `vocabulary`, each counted as often as it is listed.
  public init<Words: Sequence>(vocabulary: Words) where Words.Element == String {
    var frequencies: [String: Int] = [:]
    for word in vocabulary { frequencies[word, default: 0] += 1 }
    self.init(frequencies: frequencies)
  }

  /// A corrector of words counted before (``frequencies``, as a stored model keeps them).
  public init(frequencies: [String: Int]) {
    let words = frequencies.keys.filter { $0.unicodeScalars.count >= Self.minimumLength - 1 }.sorted()
    self.frequencies = frequencies
    self.index = LazyIndex(words: words)
  }

  /// True when `word` is in the vocabulary, as given (normalised words).
  public func isKnown(_ word: String) -> Bool { frequencies[word] != nil }

  /// Every distinct word of the vocabulary, in no particular order.
  public var vocabulary: Dictionary<String, Int>.Keys { frequencies.keys }

  /// The best known word for `word`, or `word` itself when it is known, short, numeric or
  /// has no close match.
  public func correct(_ word: String) -> String {
    guard frequencies[word] == nil, word.count >= Self.minimumLength,
      !word.allSatisfy(\.isNumber)
    else { return word }
    let index = index.index
    let maximumDistance = word.count >= 8 ? 2 : 1
    let scalars = word.unicodeScalars.map(\.value)
    var candidates: Set<Int32> = []
    // A letter missing: the word is a deletion variant of a known word.
    candidates.formUnion(index.deletions[Self.hash(scalars, skipping: -1)] ?? [])
    for skipped in scalars.indices {
      let variant = Self.hash(scalars, skipping: skipped)
      candidates.formUnion(index.wordsByHash[variant] ?? [])  // a letter too many
      candidates.formUnion(index.deletions[variant] ?? [])  // one letter changed, or two swapped
    }
    var best: (word: String, distance: Int, frequency: Int)?
    for candidate in candidates.sorted() {
      let known = index.words[Int(candidate)]
      let distance = Self.editDistance(scalars, known.unicodeScalars.map(\.value))
      guard distance <= maximumDistance else { continue }
      let frequency = frequencies[known] ?? 0
      if let current = best, (current.distance, -current.frequency) <= (distance, -frequency) { continue }
      best = (known, distance, frequency)
    }
    return best?.word ?? word
  }

  /// FNV-1a of `scalars` without the one at `skipping` (none when it is -1).
  static func hash(_ scalars: [UInt32], skipping: Int) -> UInt64 {
    var hash = FNV1a.offset
    for (index, scalar) in scalars.enumerated() where index != skipping {
      hash = FNV1a.mix(hash, UInt64(scalar))
    }
    return hash
  }

  /// Optimal string alignment distance (``EditDistance``, one copy for every caller):
  /// insertions, deletions, substitutions and adjacent transpositions each cost one.
  static func editDistance(_ a: [UInt32], _ b: [UInt32]) -> Int { EditDistance.between(a, b) }
}
