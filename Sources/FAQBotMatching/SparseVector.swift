/// A feature vector with few non-zero entries, each index at most once (in no particular
/// order: the model reads one weight row per entry, whatever their order).
public struct SparseVector: Sendable, Equatable {
  public var indices: [Int32]
  public var values: [Float]

  public init(indices: [Int32] = [], values: [Float] = []) {
    self.indices = indices
    self.values = values
  }

  public var isEmpty: Bool { indices.isEmpty }
}
