/// A write position in a byte buffer whose size was reserved in advance.
///
/// Appending to an `[UInt8]` piece by piece costs a uniqueness and capacity check per call,
/// and a response is dozens of small pieces (keys, quotes, digits, string runs); that overhead
/// was most of the writer's time. So the writer reserves an upper bound once and fills it
/// through this cursor. Every write still checks the bound (a predictable branch), so a wrong
/// estimate traps instead of corrupting memory.
package struct OutputCursor {
  private let storage: UnsafeMutableBufferPointer<UInt8>
  /// Bytes written so far.
  private(set) var count = 0

  package init(_ storage: UnsafeMutableBufferPointer<UInt8>) {
    self.storage = storage
  }

  @inline(__always)
  package mutating func write(_ byte: UInt8) {
    precondition(count < storage.count, "response size estimate too small")
    storage[count] = byte
    count += 1
  }

  @inline(__always)
  package mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, let destination = storage.baseAddress else { return }
    precondition(storage.count - count >= bytes.count, "response size estimate too small")
    (destination + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  /// Writes fixed ASCII text such as keys and punctuation.
  @inline(__always)
  package mutating func write(_ literal: StaticString) {
    write(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  /// Writes `bytes` of an array.
  @inline(__always)
  package mutating func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { write($0) }
  }
}

extension Array where Element == UInt8 {
  /// Appends at most `maxCount` bytes produced by `body` through a cursor, then trims the
  /// unused part of the reservation.
  ///
  /// The reservation is zero-filled rather than uninitialised because `Array` has no API to
  /// append uninitialised elements; filling a few kilobytes is far cheaper than the per-append
  /// overhead it replaces, and it keeps the caller's buffer (and its reused capacity) the only
  /// allocation.
  package mutating func appendThroughCursor(maxCount: Int, _ body: (inout OutputCursor) -> Void) {
    let start = count
    append(contentsOf: repeatElement(0, count: maxCount))
    let written = withUnsafeMutableBufferPointer { all in
      var cursor = OutputCursor(UnsafeMutableBufferPointer(rebasing: all[start...]))
      body(&cursor)
      return cursor.count
    }
    removeLast(maxCount - written)
  }
}
