/// A vocabulary that BERT's WordPiece split can look pieces up in: the token vectors' file and
/// the encoder's weights file each hold one, with different ids, and ``WordPiece`` splits words
/// against either, so there is one copy of the splitting rules.
public protocol WordPieceVocabulary {
  /// The id of the piece spelt `spelling` (UTF-8, without "##"), looked up among the pieces
  /// that continue a word when `continuation` is true and among those that start one when not;
  /// nil when the vocabulary has no such piece.
  func pieceID(_ spelling: UnsafeBufferPointer<UInt8>, continuation: Bool) -> Int32?
}

/// BERT's uncased WordPiece split of one word, and the hash both vocabulary files index their
/// pieces with.
public enum WordPiece {
  /// BERT gives up on longer words (in characters, that is Unicode scalars).
  public static let maxWordCharacters = 100

  /// Appends the pieces of `word` (lower-case) to `pieces`, as BERT's uncased tokenizer would:
  /// ASCII punctuation split off, then the longest known piece first and "##" continuations for
  /// the rest. A part that cannot be split into known pieces, or is too long, adds `unknown`
  /// (BERT's [UNK]) when given and nothing when nil (the token vectors have no row for [UNK],
  /// which carries no meaning).
  @inlinable
  public static func appendPieces<Vocabulary: WordPieceVocabulary>(
    of word: String, in vocabulary: Vocabulary, unknown: Int32? = nil, to pieces: inout [Int32]
  ) {
    var word = word
    word.withUTF8 { utf8 in
      var start = 0
      for index in 0...utf8.count {
        let isPunctuation = index < utf8.count && Self.isPunctuation(utf8[index])
        guard index == utf8.count || isPunctuation else { continue }
        if index > start {
          appendWordPieces(
            UnsafeBufferPointer(rebasing: utf8[start..<index]), in: vocabulary, unknown: unknown, to: &pieces)
        }
        if isPunctuation {
          appendWordPieces(
            UnsafeBufferPointer(rebasing: utf8[index..<index + 1]), in: vocabulary, unknown: unknown, to: &pieces)
        }
        start = index + 1
      }
    }
  }

  /// BERT's punctuation in ASCII: every printable character that is not a letter or digit.
  @inlinable
  public static func isPunctuation(_ byte: UInt8) -> Bool {
    (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte)
      || (123...126).contains(byte)
  }

  /// FNV-1a-32 of the section byte (1 for a continuation) and the spelling: where a piece's
  /// search starts in a vocabulary file's hash table (`scripts/distill-token-vectors`).
  @inlinable
  public static func hash(_ spelling: UnsafeBufferPointer<UInt8>, continuation: Bool) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    hash = (hash ^ (continuation ? 1 : 0)) &* 16_777_619
    for byte in spelling { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    return hash
  }

  @inlinable
  static func appendWordPieces<Vocabulary: WordPieceVocabulary>(
    _ word: UnsafeBufferPointer<UInt8>, in vocabulary: Vocabulary, unknown: Int32?, to pieces: inout [Int32]
  ) {
    let first = pieces.count
    // Counting scalars, not bytes: a UTF-8 continuation byte is 10xxxxxx.
    var characters = 0
    for byte in word where byte & 0xC0 != 0x80 { characters += 1 }
    guard characters <= maxWordCharacters else {
      if let unknown { pieces.append(unknown) }
      return
    }
    var start = 0
    while start < word.count {
      var end = word.count
      var found: Int32?
      while end > start {
        found = vocabulary.pieceID(UnsafeBufferPointer(rebasing: word[start..<end]), continuation: start > 0)
        if found != nil { break }
        end -= 1
      }
      guard let found else {
        pieces.removeSubrange(first...)
        if let unknown { pieces.append(unknown) }
        return
      }
      pieces.append(found)
      start = end
    }
  }
}
