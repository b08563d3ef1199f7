/// The summed example vectors of each intent, indexed by feature so that one example is
/// compared with every intent in a single pass over its own features.
///
/// `faqbot check` compares every example of a pack with every intent, so on a pack of
/// thousands of intents this is the check's whole cost: the postings are flat arrays (one
/// block per feature) rather than an array per feature, and the closest intent is found in
/// the same pass that turns dot products into cosines, without a per-example array of them.
package struct IntentCentroids {
  /// Feature `f`'s postings are `intents[starts[f]..<starts[f + 1]]` and the matching `values`:
  /// the intents whose examples have the feature and the summed value.
  private var starts: [Int]
  private var intents: [Int32]
  private var values: [Float]
  private var normsSquared: [Float]

  package init(_ vectorsByIntent: [[SparseVector]], featureCount: Int) {
    var sums: [[Int32: Float]] = []
    var counts = [Int](repeating: 0, count: featureCount + 1)
    for vectors in vectorsByIntent {
      var sum: [Int32: Float] = [:]
      for vector in vectors {
        for (feature, value) in zip(vector.indices, vector.values) where Int(feature) < featureCount {
          sum[feature, default: 0] += value
        }
      }
      for feature in sum.keys { counts[Int(feature) + 1] += 1 }
      sums.append(sum)
    }
    for feature in 0..<featureCount { counts[feature + 1] += counts[feature] }
    starts = counts
    var next = counts
    intents = [Int32](repeating: 0, count: counts[featureCount])
    values = [Float](repeating: 0, count: counts[featureCount])
    normsSquared = []
    // Intents are visited in order, so each feature's block lists its intents in order.
    for (intent, sum) in sums.enumerated() {
      for (feature, value) in sum {
        intents[next[Int(feature)]] = Int32(intent)
        values[next[Int(feature)]] = value
        next[Int(feature)] += 1
      }
      normsSquared.append(sum.values.reduce(0) { $0 + $1 * $1 })
    }
  }

  /// The cosine of `vector` with its own intent's centroid, with `vector` itself taken out of
  /// the sum first (|S − v|² = |S|² − 2 S·v + |v|²), and the most similar other intent (the
  /// first one on a tie), or nil when there is no other intent.
  package func closest(to vector: SparseVector, leavingOutFrom own: Int) -> (
    own: Float, other: Int?, similarity: Float
  ) {
    var dots = [Float](repeating: 0, count: normsSquared.count)
    dots.withUnsafeMutableBufferPointer { dots in
      intents.withUnsafeBufferPointer { intents in
        values.withUnsafeBufferPointer { values in
          for (feature, value) in zip(vector.indices, vector.values) where Int(feature) + 1 < starts.count {
            for posting in starts[Int(feature)]..<starts[Int(feature) + 1] {
              dots[Int(intents[posting])] += value * values[posting]
            }
          }
        }
      }
    }
    let selfSquared = vector.values.reduce(0) { $0 + $1 * $1 }
    let vectorNorm = selfSquared.squareRoot()
    func cosine(_ dot: Float, _ normSquared: Float) -> Float {
      normSquared > 1e-9 && vectorNorm > 0 ? dot / (normSquared.squareRoot() * vectorNorm) : 0
    }
    var ownDot = 0 as Float
    var ownNormSquared = 0 as Float
    if dots.indices.contains(own) {
      ownDot = dots[own] - selfSquared
      ownNormSquared = normsSquared[own] - 2 * dots[own] + selfSquared
    }
    var best: (intent: Int, similarity: Float)?
    for intent in dots.indices where intent != own {
      let similarity = cosine(dots[intent], normsSquared[intent])
      if best.map({ similarity > $0.similarity }) ?? true { best = (intent, similarity) }
    }
    return (cosine(ownDot, ownNormSquared), best?.intent, best?.similarity ?? 0)
  }
}
