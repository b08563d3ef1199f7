import FAQBotWordPiece

/// The weights file's vocabulary: vocab.txt's pieces in id order and a hash table over them in
/// the token vectors' scheme, so ``WordPiece`` splits words against it with MiniLM's ids.
///
/// The token vectors' file cannot serve: it drops the special and unused pieces and renumbers
/// the rest, and the encoder needs MiniLM's own ids (its embedding rows) and [UNK].
struct EncoderVocabulary: WordPieceVocabulary, @unchecked Sendable {
  // @unchecked: as ``QuantisedMatrix``.
  let count: Int
  let offsets: UnsafePointer<UInt32>
  let strings: UnsafePointer<UInt8>
  let table: UnsafePointer<UInt32>
  let slotMask: Int

  /// Piece `id`'s bytes as vocab.txt spells it ("##" kept).
  func spelling(_ id: Int) -> UnsafeBufferPointer<UInt8> {
    let start = Int(UInt32(littleEndian: offsets[id]))
    let end = Int(UInt32(littleEndian: offsets[id + 1]))
    return UnsafeBufferPointer(start: strings + start, count: end - start)
  }

  /// Piece `id`'s text (for tests and tools).
  func text(_ id: Int32) -> String { String(decoding: spelling(Int(id)), as: UTF8.self) }

  func pieceID(_ piece: UnsafeBufferPointer<UInt8>, continuation: Bool) -> Int32? {
    var slot = Int(WordPiece.hash(piece, continuation: continuation)) & slotMask
    while true {
      let entry = Int(UInt32(littleEndian: table[slot]))
      guard entry > 0 else { return nil }
      let spelling = spelling(entry - 1)
      let isContinuation = spelling.count > 2 && spelling[0] == 35 && spelling[1] == 35
      if isContinuation == continuation {
        let stem = UnsafeBufferPointer(rebasing: spelling[(continuation ? 2 : 0)...])
        if stem.count == piece.count, stem.elementsEqual(piece) { return Int32(entry - 1) }
      }
      slot = (slot + 1) & slotMask
    }
  }

  /// The id of a whole piece as vocab.txt spells it ("[CLS]", "##ing").
  func id(of piece: String) -> Int32? {
    var piece = piece
    return piece.withUTF8 { utf8 in
      let continuation = utf8.count > 2 && utf8[0] == 35 && utf8[1] == 35
      return pieceID(UnsafeBufferPointer(rebasing: utf8[(continuation ? 2 : 0)...]), continuation: continuation)
    }
  }
}
