import FAQBotEncoder
import Foundation

/// The encoder mode's part of a classifier: a softmax on the examples' sentence vectors
/// (``SentenceEncoder``, 384 dimensions) and those vectors themselves, for the cosine to the
/// nearest training question (``NearestExample``).
///
/// It is a second model beside the fast one rather than a block of the same model's features
/// (Benchmarks/experiments/sentence_encoder.py measured one logistic regression on both): the
/// fast model stays exactly what it was, so the fast mode answers as before, and the second
/// model is 384 × intents weights instead of a second copy of the TF-IDF weights. The two are
/// mixed in ``IntentClassifier/predict(_:sentence:)``.
public struct EncoderHead: Sendable {
  /// The softmax on the sentence vectors.
  public let model: SoftmaxRegression
  /// The training questions' vectors and classes.
  public let examples: NearestExample

  /// The L2 strength of the head's softmax: the vectors are unit length and dense, so each
  /// weight is shared by every example and a weaker penalty than the sparse model's (3e-6)
  /// lets the probabilities reach 1 on out-of-scope questions too.
  public static let l2: Float = 1e-5

  /// Assembles a head from its parts, e.g. as a model file restores them.
  public init(model: SoftmaxRegression, examples: NearestExample) {
    self.model = model
    self.examples = examples
  }

  /// Trains the head on the examples' vectors (`vectors[i]` of class `labels[i]`).
  public init(vectors: [[Float]], labels: [Int], classCount: Int, dimensions: Int) {
    let sparse = vectors.map { vector in
      SparseVector(indices: (0..<Int32(vector.count)).map { $0 }, values: vector)
    }
    var options = SoftmaxRegression.Options()
    options.l2 = Self.l2
    let model = SoftmaxRegression.train(
      vectors: sparse, labels: labels, classCount: classCount, featureCount: dimensions, options: options)
    self.init(
      model: model,
      examples: NearestExample(
        vectors: vectors, labels: labels, classCount: classCount, dimensions: dimensions))
  }

  /// Encodes the examples of each class (`examples[class]`) with `encoder`, in batches over
  /// every core, and trains on them.
  public init(examples: [[String]], encoder: SentenceEncoder) {
    var texts: [String] = []
    var labels: [Int] = []
    for (label, questions) in examples.enumerated() {
      texts += questions
      labels += Array(repeating: label, count: questions.count)
    }
    self.init(
      vectors: Self.encode(texts, with: encoder), labels: labels, classCount: examples.count,
      dimensions: encoder.dimensions)
  }

  /// The vectors of `texts`, in order, encoded in batches shared out over every core: a batch
  /// goes through each weight matrix together (faster per sentence), and each core takes its
  /// own batches.
  public static func encode(_ texts: [String], with encoder: SentenceEncoder) -> [[Float]] {
    guard texts.count > 1 else { return texts.map(encoder.encode) }
    let chunk = 64
    let chunks = (texts.count + chunk - 1) / chunk
    let results = ChunkResults(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
      let range = index * chunk..<min(texts.count, (index + 1) * chunk)
      results.set(index, encoder.encode(Array(texts[range])))
    }
    return results.joined()
  }

  /// The head's probability of each class for a sentence vector.
  public func probabilities(for vector: [Float]) -> [Float] {
    model.probabilities(for: SparseVector(indices: (0..<Int32(vector.count)).map { $0 }, values: vector))
  }
}

/// Each concurrent chunk's vectors, written once by the chunk's own iteration.
private final class ChunkResults: @unchecked Sendable {
  // @unchecked: each slot is written by exactly one iteration of concurrentPerform, and read
  // only after it returns.
  private var slots: [[[Float]]]

  init(count: Int) { slots = Array(repeating: [], count: count) }

  func set(_ index: Int, _ vectors: [[Float]]) {
    slots.withUnsafeMutableBufferPointer { $0[index] = vectors }
  }

  func joined() -> [[Float]] { slots.flatMap { $0 } }
}
