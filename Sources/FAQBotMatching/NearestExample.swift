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
  public var dimensions: Int { vectors.dimensions }
  /// The vectors, unit length and rounded to halves, class by class: class `c` owns rows
  /// `classStarts[c] ..< classStarts[c + 1]`.
  public let vectors: HalfVectors
  /// `classCount + 1` row offsets.
  public let classStarts: [Int32]

  /// How many classes the rows are grouped into.
  public var classCount: Int { classStarts.count - 1 }
  /// How many vectors there are, all classes together.
  public var count: Int { Int(classStarts.last ?? 0) }

  /// Restores stored vectors (``TrainedModel`` checks their shape first).
  public init(vectors: HalfVectors, classStarts: [Int32]) {
    self.vectors = vectors
    self.classStarts = classStarts
  }

  /// Groups `vectors[i]` (each of `dimensions`) under class `labels[i]`, rounded to halves
  /// as the model file stores them, so a classifier just trained answers as the one read
  /// back from its file.
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
    self.init(vectors: HalfVectors(rounding: flat, dimensions: dimensions), classStarts: starts)
  }

  /// The largest cosine between `vector` (unit length) and an example of `classes`; -1 when
  /// they have none.
  ///
  /// Each class's rows are one call to the C kernel (`faqbot_f16_max_dot`: F16C widening and
  /// FMA, 4 sums of 8 lanes): 28 µs a question on CLINC150's 800 vectors against 76 µs for
  /// the floats in Swift's SIMD8 (SSE on the x86-64 baseline) and 0.4 ms for a scalar loop.
  public func nearestCosine(to vector: [Float], among classes: [Int]) -> Float {
    guard vector.count == dimensions else { return -1 }
    var best: Float = -1
    for label in classes where label >= 0 && label < classCount {
      best = max(
        best, vectors.largestDot(vector, rows: Int(classStarts[label])..<Int(classStarts[label + 1])))
    }
    return best
  }
}
