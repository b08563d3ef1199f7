import CMatchingKernels
import FAQBotCore
import Foundation

/// Multinomial logistic regression over sparse vectors: the trained intent classifier.
///
/// Its softmax outputs are probabilities, which is what makes `confidence` meaningful and a
/// threshold on it transferable between packs. Training is averaged stochastic gradient
/// descent with L2 regularisation, on a seeded shuffle: deterministic, and seconds for
/// 15,000 examples × 150 intents. Weights are stored feature-major (`weights[f * classes + c]`)
/// so a sparse input touches contiguous memory.
public struct SoftmaxRegression: Sendable {
  /// How training runs; ``summary`` names every field, so the model cache tells changed options
  /// apart.
  public struct Options: Sendable, Equatable {
    /// Passes over the examples, for a pack within ``stepBudget``.
    public var epochs = 20
    /// L2 strength per example. Weak penalties let the weights grow until out-of-scope
    /// questions too get probabilities near 1, so confidence tells them apart less well;
    /// strong ones push the default pack's borderline answers below its 0.30 threshold.
    /// 3e-6 since the dense block of token vectors came in (chosen on CLINC150's val split:
    /// AUROC 96.5% at 1e-6, 96.8% at 3e-6, 97.1% at 1e-5, where the default pack's best
    /// threshold range ends at 0.30); 1e-6 before it.
    public var l2: Float = 3e-6
    /// The step size at the start; it decays as `rate / (1 + rate · l2 · step)`.
    public var learningRate: Float = 2
    /// Seeds the shuffle of the examples: the same seed gives the same model.
    public var seed: UInt64 = 0x5EED
    /// The most weights (features × intents) one model may hold: 64 Mi floats, 256 MB, and as
    /// much again for the averaged copy while training. A pack that would need more keeps
    /// only its most frequent features (CLINC150's 150 intents stay far below it).
    public var weightBudget = 1 << 26
    /// The most SGD steps training takes: a pack with more examples than
    /// `stepBudget / epochs` gets fewer epochs (at least `minimumEpochs`), since each epoch
    /// over a large pack already moves the weights as far as many over a small one.
    public var stepBudget = 400_000
    /// The fewest epochs a large pack is trained for, whatever ``stepBudget`` says.
    public var minimumEpochs = 3
    /// The defaults (each field says why its value).
    public init() {}

    /// The epochs to train on `examples` examples.
    public func epochs(forExamples examples: Int) -> Int {
      guard examples > 0, examples * epochs > stepBudget else { return epochs }
      return min(epochs, max(minimumEpochs, stepBudget / examples))
    }

    /// The features a model of `classes` intents may keep within `weightBudget`.
    public func maxFeatures(classes: Int) -> Int { weightBudget / max(1, classes) }

    /// Everything that changes the trained weights, for cache keys.
    public var summary: String {
      "epochs \(epochs) l2 \(l2) rate \(learningRate) seed \(seed) budget \(weightBudget) steps \(stepBudget)/\(minimumEpochs)"
    }
  }

  /// How many classes (intents) the model scores.
  public let classCount: Int
  /// How many input features the model reads: the length of its input vectors' index space.
  public let featureCount: Int
  /// `featureCount × classCount` weights, feature-major (`weights[f * classCount + c]`).
  public internal(set) var weights: WeightMatrix
  /// One bias per class.
  public internal(set) var bias: [Float]

  package init(classCount: Int, featureCount: Int, weights: [Float], bias: [Float]) {
    self.init(classCount: classCount, featureCount: featureCount, weights: WeightMatrix(weights), bias: bias)
  }

  package init(classCount: Int, featureCount: Int, weights: WeightMatrix, bias: [Float]) {
    self.classCount = classCount
    self.featureCount = featureCount
    self.weights = weights
    self.bias = bias
  }

  /// Class probabilities for `vector` (they sum to 1).
  public func probabilities(for vector: SparseVector) -> [Float] {
    probabilities(for: vector) { _ in }
  }

  /// Class probabilities for `vector` and the scores `addScores` adds to its own before the
  /// softmax (the dense block's, computed from per-piece projections rather than features).
  public func probabilities(
    for vector: SparseVector, adding addScores: (UnsafeMutableBufferPointer<Float>) -> Void
  ) -> [Float] {
    var scores = bias
    scores.withUnsafeMutableBufferPointer { scores in
      weights.withUnsafeBufferPointer { weights in
        Self.accumulate(vector, weights: weights, classes: classCount, scale: 1, into: scores)
      }
      addScores(scores)
      Self.softmax(scores)
    }
    return scores
  }

  /// The contribution of each non-zero feature of `vector` to class `label`'s score.
  public func contributions(of vector: SparseVector, to label: Int) -> [Float] {
    zip(vector.indices, vector.values).map { feature, value in
      value * weights[Int(feature) * classCount + label]
    }
  }

  /// Trains on `vectors`; `appending`, when given, adds features to an example's vector at
  /// each step (features cheap to make and too many to keep, like the dense block).
  public static func train(
    vectors: [SparseVector], labels: [Int], classCount: Int, featureCount: Int, options: Options = Options(),
    appending extraFeatures: ((Int, inout SparseVector) -> Void)? = nil
  ) -> SoftmaxRegression {
    let classes = classCount
    var weights = [Float](repeating: 0, count: featureCount * classes)
    var averaged = [Float](repeating: 0, count: featureCount * classes)
    var bias = [Float](repeating: 0, count: classes)
    var averagedBias = [Float](repeating: 0, count: classes)
    guard !vectors.isEmpty, classes > 0 else {
      return SoftmaxRegression(classCount: classes, featureCount: featureCount, weights: weights, bias: bias)
    }
    var generator = SeededGenerator(seed: options.seed)
    var order = Array(vectors.indices)
    var scores = [Float](repeating: 0, count: classes)
    var scratch = SparseVector()
    var active: [Int] = []
    active.reserveCapacity(classes)
    // W = scale · V makes the L2 shrink O(1) per step instead of touching every weight.
    var scale: Float = 1
    var step: Float = 1
    let epochs = options.epochs(forExamples: vectors.count)
    let averageFrom = max(1, epochs / 2)
    var averagedSteps: Float = 0
    weights.withUnsafeMutableBufferPointer { weights in
      averaged.withUnsafeMutableBufferPointer { averaged in
        scores.withUnsafeMutableBufferPointer { scores in
          for epoch in 0..<epochs {
            order.shuffle(using: &generator)
            let averaging = epoch >= averageFrom
            for example in order {
              let vector: SparseVector
              if let extraFeatures {
                // The scratch buffers are reused: `vector` shares them only until the next step.
                scratch.indices.removeAll(keepingCapacity: true)
                scratch.values.removeAll(keepingCapacity: true)
                scratch.indices += vectors[example].indices
                scratch.values += vectors[example].values
                extraFeatures(example, &scratch)
                vector = scratch
              } else {
                vector = vectors[example]
              }
              let rate = options.learningRate / (1 + options.learningRate * options.l2 * step)
              for c in 0..<classes { scores[c] = bias[c] }
              accumulate(
                vector, weights: UnsafeBufferPointer(weights), classes: classes, scale: scale, into: scores)
              softmax(scores)
              scores[labels[example]] -= 1
              scale *= 1 - rate * options.l2
              if scale < 1e-6 {
                for index in weights.indices { weights[index] *= scale }
                scale = 1
              }
              let factor = rate / scale
              // Once the model fits, most classes get a negligible gradient: updating only
              // the others keeps the backward pass proportional to the classes in play.
              active.removeAll(keepingCapacity: true)
              for c in 0..<classes where abs(scores[c]) > 1e-4 { active.append(c) }
              if active.count * 4 >= classes {
                for (feature, value) in zip(vector.indices, vector.values) {
                  let row = Int(feature) * classes
                  addScaled(
                    -factor * value, UnsafeBufferPointer(scores),
                    into: UnsafeMutableBufferPointer(rebasing: weights[row..<row + classes]))
                }
              } else {
                for (feature, value) in zip(vector.indices, vector.values) {
                  let row = Int(feature) * classes
                  let amount = factor * value
                  for c in active { weights[row + c] -= amount * scores[c] }
                }
              }
              for c in 0..<classes { bias[c] -= rate * scores[c] }
              step += 1
            }
            // Averaging the weights of the epoch ends of the second half (not every step,
            // which would cost O(features × classes) per example) smooths SGD's last noise.
            if averaging {
              for index in weights.indices { averaged[index] += weights[index] * scale }
              for c in 0..<classes { averagedBias[c] += bias[c] }
              averagedSteps += 1
            }
          }
        }
      }
    }
    if averagedSteps > 0 {
      for index in averaged.indices { averaged[index] /= averagedSteps }
      for c in 0..<classes { averagedBias[c] /= averagedSteps }
      return SoftmaxRegression(
        classCount: classes, featureCount: featureCount, weights: averaged, bias: averagedBias)
    }
    for index in weights.indices { weights[index] *= scale }
    return SoftmaxRegression(classCount: classes, featureCount: featureCount, weights: weights, bias: bias)
  }

  /// `scores += scale · Σ value · row(feature)` over the features of `vector`.
  ///
  /// Four rows go into one pass over the scores: with the dense block's 256 features a
  /// question, one pass per row spent its time loading and storing the same scores.
  @inline(__always)
  static func accumulate(
    _ vector: SparseVector, weights: UnsafeBufferPointer<Float>, classes: Int, scale: Float,
    into scores: UnsafeMutableBufferPointer<Float>
  ) {
    vector.indices.withUnsafeBufferPointer { features in
      vector.values.withUnsafeBufferPointer { values in
        addRows(features, values, scale: scale, of: weights, classes: classes, into: scores)
      }
    }
  }

  /// `scores += scale · Σ values[i] · row(features[i])`: the kernel of ``accumulate``, for
  /// callers whose features are not a ``SparseVector`` (a token's projection). In C
  /// (`faqbot_add_rows`, CMatchingKernels): four rows a pass over the scores, AVX-512 or AVX2
  /// where the processor has them, the same sums bit for bit as the plain loop.
  @inline(__always)
  static func addRows(
    _ features: UnsafeBufferPointer<Int32>, _ values: UnsafeBufferPointer<Float>, scale: Float,
    of weights: UnsafeBufferPointer<Float>, classes: Int, into scores: UnsafeMutableBufferPointer<Float>
  ) {
    guard let matrix = weights.baseAddress, let y = scores.baseAddress, classes <= scores.count,
      let indices = features.baseAddress, let numbers = values.baseAddress, features.count <= values.count
    else { return }
    faqbot_add_rows(indices, numbers, features.count, scale, matrix, classes, y)
  }

  /// `y += a · x` over one row of class scores (`faqbot_add_scaled`: no fused multiply-add, the
  /// same sums as a Swift loop).
  @inline(__always)
  static func addScaled(
    _ a: Float, _ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>
  ) {
    guard let x = x.baseAddress, let base = y.baseAddress else { return }
    faqbot_add_scaled(a, x, y.count, base)
  }

  @inline(__always)
  static func softmax(_ scores: UnsafeMutableBufferPointer<Float>) {
    guard let maximum = scores.max() else { return }
    var sum: Float = 0
    for c in scores.indices {
      let value = exp(scores[c] - maximum)
      scores[c] = value
      sum += value
    }
    for c in scores.indices { scores[c] /= sum }
  }
}
