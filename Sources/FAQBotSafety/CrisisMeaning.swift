import Foundation

/// The encoder mode's third crisis signal: a logistic regression over the message's sentence
/// vector (all-MiniLM-L6-v2, the vector the encoder mode computes for matching anyway), so
/// a message that says it in words no pattern and no training n-gram spelt ("i just want it
/// all to stop for good") can still be recognised by what it means.
///
/// It only adds: ``CrisisDetector`` runs first on the whole message in every mode, and this
/// is asked only when the detector found nothing and a vector exists. The fast mode has no
/// sentence vector (encoding costs milliseconds, the fast mode answers in microseconds), so
/// there the detector's two signals are all. Trained and its threshold chosen by
/// `scripts/train-crisis-meaning` (docs/safety.md, "Thirteenth round").
public struct CrisisMeaning: Sendable {
  /// One weight per dimension of the sentence vector.
  public let weights: [Float]
  /// The regression's intercept.
  public let bias: Float
  /// The probability from which a message counts as a crisis.
  public let threshold: Double

  /// A regression with these weights; `threshold` in 0...1.
  public init(weights: [Float], bias: Float, threshold: Double) {
    self.weights = weights
    self.bias = bias
    self.threshold = threshold
  }

  /// The committed regression (`CrisisMeaning+Weights.swift`).
  public static let trained = CrisisMeaning(
    weights: trainedWeights, bias: trainedBias, threshold: trainedThreshold)

  /// How many dimensions a vector must have: those of the encoder the weights were fitted on.
  public var dimensions: Int { weights.count }

  /// The probability that the message of `vector` is a crisis; nil for a vector of another
  /// size (another encoder), which the weights cannot read.
  public func probability(_ vector: [Float]) -> Double? {
    guard vector.count == weights.count, !weights.isEmpty else { return nil }
    var logit = bias
    for index in weights.indices {
      logit += weights[index] * vector[index]
    }
    return 1 / (1 + exp(-Double(logit)))
  }

  /// The detection for the message of `vector`, or nil below the threshold.
  public func detect(_ vector: [Float]) -> CrisisDetection? {
    guard let probability = probability(vector), probability >= threshold else { return nil }
    return CrisisDetection(
      category: nil, evidence: .meaning(probability: probability, threshold: threshold), score: probability)
  }
}
