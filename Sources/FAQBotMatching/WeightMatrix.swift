import FAQBotCore
import Foundation

/// A model's weights, feature-major (`weights[f * classes + c]`): either an array of its own
/// (a model just trained, or decoded by copying) or floats read in place from a mapped model
/// file.
///
/// Reading in place is what makes a large pack start fast: CLINC150's 35 MB of weights would
/// otherwise be read into fresh memory and copied again, most of its warm start, though a
/// question touches only a few hundred of its rows.
public struct WeightMatrix: Sendable, Equatable, RandomAccessCollection {
  private let storage: InPlaceArray<Float>

  /// Weights held in an array of their own.
  public init(_ weights: [Float]) { storage = InPlaceArray(weights) }

  /// `count` floats at byte `offset` of `file`, which must be aligned for `Float` and in the
  /// host's byte order.
  package init(mapped file: MappedFile, offset: Int, count: Int) {
    storage = InPlaceArray(mapped: file, offset: offset, count: count)
  }

  /// Always 0.
  public var startIndex: Int { 0 }
  /// The number of weights.
  public var endIndex: Int { storage.count }

  /// Weight `index`; traps outside `0 ..< count`.
  public subscript(index: Int) -> Float {
    precondition(index >= 0 && index < endIndex, "weight index out of range")
    return withUnsafeBufferPointer { $0[index] }
  }

  /// Calls `body` with the weights' memory, which is valid only during the call (a mapped
  /// file's pages are kept for it).
  public func withUnsafeBufferPointer<Result>(
    _ body: (UnsafeBufferPointer<Float>) throws -> Result
  ) rethrows -> Result {
    try storage.withUnsafeBufferPointer(body)
  }

  /// True when the weights are read in place from a mapped file.
  var isMapped: Bool { storage.isMapped }

  /// Equal when the weights are, wherever they are stored.
  public static func == (lhs: WeightMatrix, rhs: WeightMatrix) -> Bool { lhs.storage == rhs.storage }
}
