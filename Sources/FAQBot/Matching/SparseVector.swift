/// A feature vector with few non-zero entries, sorted by index.
public struct SparseVector: Sendable, Equatable {
  public var indices: [Int32]
  public var values: [Float]

  public init(indices: [Int32] = [], values: [Float] = []) {
    self.indices = indices
    self.values = values
  }

  public var isEmpty: Bool { indices.isEmpty }

  public func dot(_ other: SparseVector) -> Float {
    var sum: Float = 0
    var i = 0
    var j = 0
    while i < indices.count, j < other.indices.count {
      if indices[i] == other.indices[j] {
        sum += values[i] * other.values[j]
        i += 1
        j += 1
      } else if indices[i] < other.indices[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return sum
  }
}
