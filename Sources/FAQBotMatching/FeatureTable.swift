import CMatchingKernels

/// A read-only hash table from a feature's 64-bit key to its index, for the lookups on the
/// answer path (a few hundred per question).
///
/// The keys are FNV hashes already, so a multiplicative mix of the key picks a slot with no
/// further hashing; `Dictionary` would hash each key again with SipHash, which cost more than
/// the arithmetic around it. Open addressing with linear probing at most half full; each slot
/// holds its key and index side by side, so a probe touches one cache line, not one per array.
struct FeatureTable: Sendable {
  private struct Slot {
    var key: UInt64 = 0
    /// The feature's index; negative for an empty slot.
    var value: Int32 = -1
  }

  private var slots: [Slot]
  private let shift: UInt64

  /// False when a key occurs twice in `keys` (a damaged model file); the first one wins.
  let keysAreDistinct: Bool

  /// The table of `keys`, the key at offset `i` standing for feature `firstIndex + i`.
  init(keys: [UInt64], firstIndex: Int) {
    var bits: UInt64 = 4
    while (1 << bits) < keys.count * 2 { bits += 1 }
    let capacity = 1 << Int(bits)
    shift = 64 - bits
    slots = [Slot](repeating: Slot(), count: capacity)
    var distinct = true
    for (offset, key) in keys.enumerated() {
      var slot = Self.slot(for: key, shift: shift)
      while slots[slot].value >= 0 {
        if slots[slot].key == key { distinct = false }
        slot = (slot + 1) & (capacity - 1)
      }
      slots[slot] = Slot(key: key, value: Int32(firstIndex + offset))
    }
    keysAreDistinct = distinct
    // faqbot_table_lookup reads the slots as C lays them out: key at 0, index at 8, 16 bytes.
    precondition(
      MemoryLayout<Slot>.stride == 16 && MemoryLayout<Slot>.offset(of: \Slot.value) == 8
        && MemoryLayout<Slot>.offset(of: \Slot.key) == 0)
  }

  /// The home slot of `key` in a table of `1 << (64 - shift)` slots (`faqbot_table_home`, the
  /// formula the lookups probe from).
  @inline(__always)
  private static func slot(for key: UInt64, shift: UInt64) -> Int { faqbot_table_home(key, UInt32(shift)) }

  /// The index of each of `keys` in `indices` (as many), -1 for a feature never seen in
  /// training: the subscript's answers, looked up in groups whose slots are prefetched
  /// together (`faqbot_table_lookup`), because nearly every probe of a question's keys misses
  /// the cache.
  func lookUp(_ keys: UnsafeBufferPointer<UInt64>, into indices: UnsafeMutableBufferPointer<Int32>) {
    precondition(indices.count >= keys.count)
    guard let first = keys.baseAddress, let out = indices.baseAddress else { return }
    slots.withUnsafeBytes { bytes in
      faqbot_table_lookup(bytes.baseAddress, slots.count, UInt32(shift), first, keys.count, out)
    }
  }

  /// The index of `key`, or `nil` for a feature never seen in training (one key through
  /// ``lookUp(_:into:)``, the one probing loop).
  subscript(key: UInt64) -> Int32? {
    var index: Int32 = -1
    withUnsafePointer(to: key) { key in
      withUnsafeMutablePointer(to: &index) {
        lookUp(UnsafeBufferPointer(start: key, count: 1), into: .init(start: $0, count: 1))
      }
    }
    return index >= 0 ? index : nil
  }
}
