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
        guard let base = rows.baseAddress, let start = query.baseAddress else { return }
        for label in classes where label >= 0 && label < classCount {
          for row in Int(classStarts[label])..<Int(classStarts[label + 1]) {
            best = max(best, Self.dot(base + row * dimensions, start, dimensions))
          }
        }
      }
    }
    return best
  }

  /// The dot product of `count` floats, 8 lanes at a time in 2 accumulators (a scalar loop
  /// in order is one dependent add per float: 0.4 ms a question on CLINC150's 800 vectors).
  private static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
    let (rawA, rawB) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
    var (even, odd) = (SIMD8<Float>(), SIMD8<Float>())
    var d = 0
    while d + 16 <= count {
      even +=
        rawA.loadUnaligned(fromByteOffset: d * 4, as: SIMD8<Float>.self)
        * rawB.loadUnaligned(fromByteOffset: d * 4, as: SIMD8<Float>.self)
      odd +=
        rawA.loadUnaligned(fromByteOffset: d * 4 + 32, as: SIMD8<Float>.self)
        * rawB.loadUnaligned(fromByteOffset: d * 4 + 32, as: SIMD8<Float>.self)
      d += 16
    }
    var sum = (even + odd).sum()
    while d < count {
      sum += a[d] * b[d]
      d += 1
    }
    return sum
  }
}
