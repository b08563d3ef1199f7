/// A read-only hash table from a feature's 64-bit key to its index, for the lookups on the
/// answer path (a few hundred per question).
///
/// The keys are FNV hashes already, so a multiplicative mix of the key picks a slot with no
/// further hashing; `Dictionary` would hash each key again with SipHash, which cost more than
/// the arithmetic around it. Open addressing with linear probing at most half full.
struct FeatureTable: Sendable {
  private var keys: [UInt64]
  private var values: [Int32]
  private var occupied: [Bool]
  private let shift: UInt64

  init(_ entries: [UInt64: Int32]) {
    var bits: UInt64 = 4
    while (1 << bits) < entries.count * 2 { bits += 1 }
    let capacity = 1 << Int(bits)
    shift = 64 - bits
    keys = [UInt64](repeating: 0, count: capacity)
    values = [Int32](repeating: -1, count: capacity)
    occupied = [Bool](repeating: false, count: capacity)
    for (key, value) in entries {
      var slot = slot(for: key)
      while occupied[slot] { slot = (slot + 1) & (capacity - 1) }
      keys[slot] = key
      values[slot] = value
      occupied[slot] = true
    }
  }

  @inline(__always)
  private func slot(for key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// The index of `key`, or `nil` for a feature never seen in training.
  @inline(__always)
  subscript(key: UInt64) -> Int32? {
    let mask = keys.count - 1
    var slot = slot(for: key)
    while occupied[slot] {
      if keys[slot] == key { return values[slot] }
      slot = (slot + 1) & mask
    }
    return nil
  }
}
