import FAQBotCore

/// Rewrites a pack's synonyms to their canonical word ("special k" → "ketamine"), longest
/// phrase first, so the classifier sees one spelling of each idea.
public struct SynonymTable: Sendable {
  /// First word of a variant → (variant words, canonical words), longest variants first.
  private let variantsByFirstWord: [String: [(variant: [String], canonical: [String])]]

  /// A table of `synonyms` (canonical → variants), each phrase normalised by `normalizer`; a
  /// variant that normalises to its canonical words is dropped.
  public init(_ synonyms: [String: [String]], normalizer: TextNormalizer = TextNormalizer()) {
    var table: [String: [(variant: [String], canonical: [String])]] = [:]
    for (canonical, variants) in synonyms.sorted(by: { $0.key < $1.key }) {
      let canonicalWords = normalizer.words(canonical)
      guard !canonicalWords.isEmpty else { continue }
      for variant in variants {
        let words = normalizer.words(variant)
        guard let first = words.first, words != canonicalWords else { continue }
        table[first, default: []].append((words, canonicalWords))
      }
    }
    for key in table.keys { table[key]?.sort { $0.variant.count > $1.variant.count } }
    variantsByFirstWord = table
  }

  /// True when the pack has no synonyms: ``apply(_:)`` then returns its words unchanged.
  public var isEmpty: Bool { variantsByFirstWord.isEmpty }

  /// True when a variant begins with `word`, so a text without such a word is left as is.
  public func beginsVariant(_ word: String) -> Bool { variantsByFirstWord[word] != nil }

  /// `words` (normalised) with every variant replaced by its canonical words, the longest
  /// variant starting at a word winning.
  public func apply(_ words: [String]) -> [String] {
    guard !variantsByFirstWord.isEmpty else { return words }
    var result: [String] = []
    result.reserveCapacity(words.count)
    var index = 0
    outer: while index < words.count {
      if let entries = variantsByFirstWord[words[index]] {
        for entry in entries where words[index...].starts(with: entry.variant) {
          result.append(contentsOf: entry.canonical)
          index += entry.variant.count
          continue outer
        }
      }
      result.append(words[index])
      index += 1
    }
    return result
  }
}
