/// 64-bit FNV-1a, the one hash of the engine's own tables: the classifier's feature keys, the
/// spelling corrector's deletion index and ``WordTable``.
///
/// It extends a prefix's hash one value at a time, which is what lets the feature keys hash
/// every character n-gram starting at one position in one pass, and it needs no seed: these
/// tables are built from the pack's own text, and the feature hashes are stored in model
/// files, so they must be the same in every process.
public enum FNV1a {
  /// The hash of nothing.
  @inlinable public static var offset: UInt64 { 0xcbf2_9ce4_8422_2325 }

  /// `hash` extended by `value` (a byte, or a larger code unit such as a Unicode scalar).
  @inlinable
  @inline(__always)
  public static func mix(_ hash: UInt64, _ value: UInt64) -> UInt64 {
    (hash ^ value) &* 0x0000_0100_0000_01b3
  }

  /// The hash of `bytes`, starting from `start` (``offset`` unless a caller tags its keys).
  @inlinable
  public static func hash(_ bytes: some Sequence<UInt8>, from start: UInt64 = offset) -> UInt64 {
    var hash = start
    for byte in bytes { hash = mix(hash, UInt64(byte)) }
    return hash
  }
}
