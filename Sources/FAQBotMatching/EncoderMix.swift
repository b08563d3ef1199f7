/// How the encoder mode mixes its two models and its two out-of-scope signals
/// (``IntentClassifier/predict(_:sentence:mix:)``). The values were chosen on CLINC150's val
/// and oos_val splits (docs/performance.md, "Encoder mode"), never on its test splits.
public struct EncoderMix: Sendable, Equatable {
  /// The head's share of the mixed log-probabilities; the fast model has the rest. 0.6: on
  /// CLINC150's val split 0.4 / 0.5 / 0.55 / 0.6 / 0.65 / 0.7 / 0.8 gave 96.27 / 96.47 /
  /// 96.57 / 96.67 / 96.63 / 96.57 / 96.60% top-1 (docs/performance.md, "Encoder mode").
  public var headWeight: Float = 0.6
  /// The cosine to the nearest training question is mapped linearly from `cosineFloor`
  /// (signal 0) to `cosineCeiling` (signal 1) before it is averaged with the best mixed
  /// probability: the fixed stand-in for the experiment's z-scores, which need val questions
  /// that a user's pack does not have.
  public var cosineFloor: Float = 0.3
  /// The cosine at which the signal reaches 1 (see ``cosineFloor``).
  public var cosineCeiling: Float = 0.9
  /// The cosine signal's share of the confidence; the best mixed probability has the rest.
  public var cosineWeight: Float = 0.5

  /// The values chosen on CLINC150's val and oos_val splits.
  public init() {}
}
