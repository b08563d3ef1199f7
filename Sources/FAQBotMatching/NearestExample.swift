/// The training questions' sentence vectors, grouped by class, for the cosine between a
/// question and its nearest training question: the out-of-scope signal that took CLINC150's
/// AUROC from 96.7% to 98.0% in Benchmarks/experiments/sentence_encoder.py.
///
/// The search looks only at the examples of the classes a prediction ranks first (the
/// classifier's ranking, at most ``IntentClassifier/rankingDepth``): on CLINC150 that is 800
/// of 15,000 vectors, 300 K multiply-adds instead of 5.8 M, and a question's nearest example
/// is nearly always of one of its best classes. For an out-of-scope question the maximum over
/// the best classes is at most the one over all, so it only looks further out of scope.
public struct NearestExample: Sendable, Equatable {
  /// The length of each vector.
  public let dimensions: Int
  /// The vectors, unit length, class by class: class `c` owns rows
  /// `classStarts[c] ..< classStarts[c + 1]`.
  public let vectors: [Float]
  /// `classCount + 1` row offsets.
  public let classStarts: [Int32]

  /// How many classes the rows are grouped into.
  public var classCount: Int { classStarts.count - 1 }
  /// How many vectors there are, all classes together.
  public var count: Int { Int(classStarts.last ?? 0) }

  /// Restores stored vectors (``TrainedModel`` checks their shape first).
  public init(dimensions: Int, vectors: [Float], classStarts: [Int32]) {
    self.dimensions = dimensions
    self.vectors = vectors
    self.classStarts = classStarts
  }

  /// Groups `vectors[i]` (each of `dimensions`) under class `labels[i]`.
  public init(vectors: [[Float]], labels: [Int], classCount: Int, dimensions: Int) {
    var rows = [[Int]](repeating: [], count: classCount)
    for (index, label) in labels.enumerated() where rows.indices.contains(label) { rows[label].append(index) }
    var flat: [Float] = []
    flat.reserveCapacity(vectors.count * dimensions)
    var starts: [Int32] = [0]
    for members in rows {
      for index in members where vectors[index].count == dimensions { flat += vectors[index] }
      starts.append(Int32(flat.count / max(1, dimensions)))
    }
    self.init(dimensions: dimensions, vectors: flat, classStarts: starts)
  }

  /// The largest cosine between `vector` (unit length) and an example of `classes`; -1 when
  /// they have none.
  public func nearestCosine(to vector: [Float], among classes: [Int]) -> Float {
    guard vector.count == dimensions else { return -1 }
    var best: Float = -1
    vectors.withUnsafeBufferPointer { rows in
      vector.withUnsafeBufferPointer { query in
        for label in classes where label >= 0 && label < classCount {
          for row in Int(classStarts[label])..<Int(classStarts[label + 1]) {
            let start = row * dimensions
            var sum: Float = 0
            for d in 0..<dimensions { sum += rows[start + d] * query[d] }
            best = max(best, sum)
          }
        }
      }
    }
    return best
  }
}
