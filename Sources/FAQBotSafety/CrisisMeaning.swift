import Foundation

/// The encoder mode's third crisis signal: a small neural network (one hidden layer of ReLU
/// units, then a logistic output) over the message's sentence vector (all-MiniLM-L6-v2, the
/// vector the encoder mode computes for matching anyway), so a message that says it in words
/// no pattern and no training n-gram spelt ("i just want it all to stop for good") can still
/// be recognised by what it means.
///
/// Why a hidden layer: a linear regression on the vector can only weigh directions, and a
/// crisis is often a combination ("being alive" with "exhausting", a bridge with "how high").
/// Fitted on the same data, five such networks (stored side by side as one, the mean of
/// their logits) caught 862 of the fourteenth round's 944 training crisis messages in a
/// two-fold cross-fit where the regression caught 816 (the detector alone 793), with one benign
/// false alarm fewer (docs/safety.md, "The meaning network").
///
/// It only adds: ``CrisisDetector`` runs first on the whole message in every mode, and this
/// is asked only when the detector found nothing and a vector exists. The fast mode has no
/// sentence vector (encoding costs milliseconds, the fast mode answers in microseconds), so
/// there the detector's two signals are all. Trained and its threshold chosen by
/// `scripts/train-crisis-meaning`.
public struct CrisisMeaning: Sendable {
  /// The hidden layer: one row of ``dimensions`` weights per hidden unit, row after row.
  public let hiddenWeights: [Float]
  /// One bias per hidden unit.
  public let hiddenBiases: [Float]
  /// One weight per hidden unit, for the output.
  public let outputWeights: [Float]
  /// The output's intercept.
  public let outputBias: Float
  /// The probability from which a message counts as a crisis.
  public let threshold: Double

  /// A network with these weights, or nil when their sizes do not fit together (a hidden
  /// layer that is not `outputWeights.count` whole rows, or no hidden unit at all).
  public init?(
    hiddenWeights: [Float], hiddenBiases: [Float], outputWeights: [Float], outputBias: Float,
    threshold: Double
  ) {
    guard !hiddenBiases.isEmpty, outputWeights.count == hiddenBiases.count,
      !hiddenWeights.isEmpty, hiddenWeights.count % hiddenBiases.count == 0
    else { return nil }
    self.hiddenWeights = hiddenWeights
    self.hiddenBiases = hiddenBiases
    self.outputWeights = outputWeights
    self.outputBias = outputBias
    self.threshold = threshold
  }

  /// The committed network (`CrisisMeaning+Weights.swift`); nil only if its weights are
  /// damaged, which the tests rule out.
  public static let trained: CrisisMeaning? = CrisisMeaning(
    hiddenWeights: decodeFloats(trainedHiddenWeights), hiddenBiases: trainedHiddenBiases,
    outputWeights: trainedOutputWeights, outputBias: trainedOutputBias, threshold: trainedThreshold)

  /// How many dimensions a vector must have: those of the encoder the weights were fitted on.
  public var dimensions: Int { hiddenWeights.count / hiddenBiases.count }

  /// The probability that the message of `vector` is a crisis; nil for a vector of another
  /// size (another encoder), which the weights cannot read.
  public func probability(_ vector: [Float]) -> Double? {
    let width = dimensions
    guard vector.count == width else { return nil }
    var logit = outputBias
    hiddenWeights.withUnsafeBufferPointer { rows in
      vector.withUnsafeBufferPointer { input in
        for unit in hiddenBiases.indices {
          var sum = hiddenBiases[unit]
          let row = unit * width
          for index in 0..<width {
            sum += rows[row + index] * input[index]
          }
          logit += outputWeights[unit] * max(0, sum)
        }
      }
    }
    return 1 / (1 + exp(-Double(logit)))
  }

  /// The detection for the message of `vector`, or nil below the threshold.
  public func detect(_ vector: [Float]) -> CrisisDetection? {
    guard let probability = probability(vector), probability >= threshold else { return nil }
    return CrisisDetection(
      category: nil, evidence: .meaning(probability: probability, threshold: threshold), score: probability)
  }

  /// Little-endian `Float` values from base64 text (the generated file's format); empty for
  /// damaged text, which ``trained`` then refuses.
  package static func decodeFloats(_ base64: String) -> [Float] {
    guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters), data.count % 4 == 0
    else {
      return []
    }
    // Read four bytes at a time: the 123,000 weights are decoded at the encoder mode's start.
    return data.withUnsafeBytes { bytes in
      (0..<bytes.count / 4).map { index in
        Float(
          bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
      }
    }
  }
}
