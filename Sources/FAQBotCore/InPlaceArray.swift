/// Values of a fixed-size type, either in an array of their own (a model just trained, or
/// decoded by copying) or read in place from a mapped model file.
///
/// Reading in place is what lets a large model start fast and stay small: its weights and
/// vectors are not copied out of the file into fresh memory. `WeightMatrix` (floats) and
/// `HalfVectors` (f16 bit patterns) are both kept this way, each adding only what is its
/// own (a collection of weights; rows and dot products).
package struct InPlaceArray<Element: BitwiseCopyable & Sendable>: Sendable {
  @usableFromInline
  enum Storage: Sendable {
    case owned([Element])
    case mapped(MappedFile, offset: Int, count: Int)
  }

  @usableFromInline
  let storage: Storage

  /// Values held in an array of their own.
  package init(_ elements: [Element]) { storage = .owned(elements) }

  /// `count` values at byte `offset` of `file`, which must be aligned for `Element` and in the
  /// host's byte order.
  package init(mapped file: MappedFile, offset: Int, count: Int) {
    storage = .mapped(file, offset: offset, count: count)
  }

  /// The number of values.
  @inlinable
  package var count: Int {
    switch storage {
    case .owned(let elements): elements.count
    case .mapped(_, _, let count): count
    }
  }

  /// Calls `body` with the values' memory, which is valid only during the call (a mapped
  /// file's pages are kept for it).
  @inlinable
  package func withUnsafeBufferPointer<Result>(
    _ body: (UnsafeBufferPointer<Element>) throws -> Result
  ) rethrows -> Result {
    switch storage {
    case .owned(let elements):
      return try elements.withUnsafeBufferPointer(body)
    case .mapped(let file, let offset, let count):
      let start = file.bytes.baseAddress.map { ($0 + offset).assumingMemoryBound(to: Element.self) }
      return try withExtendedLifetime(file) { try body(UnsafeBufferPointer(start: start, count: count)) }
    }
  }

  /// True when the values are read in place from a mapped file.
  package var isMapped: Bool {
    if case .mapped = storage { return true }
    return false
  }
}

extension InPlaceArray: Equatable where Element: Equatable {
  /// Equal when the values are, wherever they are stored.
  package static func == (lhs: InPlaceArray, rhs: InPlaceArray) -> Bool {
    lhs.withUnsafeBufferPointer { left in rhs.withUnsafeBufferPointer { left.elementsEqual($0) } }
  }
}
