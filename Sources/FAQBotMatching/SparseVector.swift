/// A feature vector with few non-zero entries, each index at most once (in no particular
/// order: the model reads one weight row per entry, whatever their order).
public struct SparseVector: Sendable, Equatable {
  /// The feature index of each entry.
  public var indices: [Int32]
  /// The value of each entry, parallel to ``indices``.
  public var values: [Float]

  /// A vector of the given entries, unchecked: the caller keeps each index once and the arrays
  /// the same length.
  public init(indices: [Int32] = [], values: [Float] = []) {
    self.indices = indices
    self.values = values
  }

  /// True for a vector with no entries (for a question: none of its features was seen in
  /// training).
  public var isEmpty: Bool { indices.isEmpty }
}
