import CEncoderKernels
import FAQBotCore

/// Vectors of IEEE half-precision numbers (f16), one after the other: an array of their own (a
/// model just trained, or decoded by copying) or halves read in place from a mapped model
/// file, as ``WeightMatrix`` reads the fast model's weights (both on `InPlaceArray`). Equal
/// when the dimensions and the halves' bits are, wherever they are stored.
///
/// The examples' sentence vectors (``NearestExample``) are kept this way: CLINC150's 15,000 ×
/// 384 are 11.5 MB as halves where floats were 23 MB, and read in place they are not copied
/// out of the model file into a second 23 MB. Unit-length vectors lose nothing that matters
/// to a cosine: a half keeps 11 significant bits, so a dot product of 384 moves by about 1e-4.
public struct HalfVectors: Sendable, Equatable {
  private let storage: InPlaceArray<UInt16>
  /// The length of each vector.
  public let dimensions: Int

  /// `values` (a whole number of vectors of `dimensions`) rounded to the nearest half.
  public init(rounding values: [Float], dimensions: Int) {
    self.init(bits: values.map { Float16($0).bitPattern }, dimensions: dimensions)
  }

  /// Halves given as their bit patterns.
  public init(bits: [UInt16], dimensions: Int) {
    storage = InPlaceArray(bits)
    self.dimensions = dimensions
  }

  /// `count` halves at byte `offset` of `file`, which must be aligned for `UInt16` and in the
  /// host's byte order.
  package init(mapped file: MappedFile, offset: Int, count: Int, dimensions: Int) {
    storage = InPlaceArray(mapped: file, offset: offset, count: count)
    self.dimensions = dimensions
  }

  /// The number of halves, all vectors together.
  public var scalarCount: Int { storage.count }

  /// The number of vectors.
  public var count: Int { dimensions > 0 ? scalarCount / dimensions : 0 }

  /// Vector `index` as floats; traps outside `0 ..< count`.
  public func vector(at index: Int) -> [Float] {
    precondition(index >= 0 && index < count, "vector index out of range")
    return withUnsafeBufferPointer { bits in
      bits[index * dimensions..<(index + 1) * dimensions].map { Float(Float16(bitPattern: $0)) }
    }
  }

  /// True when every half is a finite number (no infinity, no NaN), as rounding finite
  /// floats below 65,504 leaves them.
  public var allFinite: Bool {
    withUnsafeBufferPointer { bits in bits.allSatisfy { $0 & 0x7C00 != 0x7C00 } }
  }

  /// The largest dot product of `vector` (of ``dimensions``) with vectors `rows`; -infinity
  /// when `rows` is empty.
  public func largestDot(_ vector: [Float], rows: Range<Int>) -> Float {
    precondition(vector.count == dimensions && rows.lowerBound >= 0 && rows.upperBound <= count)
    return withUnsafeBufferPointer { bits in
      vector.withUnsafeBufferPointer { query in
        guard let base = bits.baseAddress, let start = query.baseAddress else { return -.infinity }
        return faqbot_f16_max_dot(base + rows.lowerBound * dimensions, rows.count, dimensions, start)
      }
    }
  }

  /// Calls `body` with the halves' bit patterns, valid only during the call (a mapped file's
  /// pages are kept for it).
  public func withUnsafeBufferPointer<Result>(
    _ body: (UnsafeBufferPointer<UInt16>) throws -> Result
  ) rethrows -> Result {
    try storage.withUnsafeBufferPointer(body)
  }

  /// True when the halves are read in place from a mapped file.
  var isMapped: Bool { storage.isMapped }
}
