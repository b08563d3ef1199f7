/// A monotone map from a raw score (retrieval's coverage) to the probability that the answer
/// is right, so that every kind of answer reports confidence on one scale: the share of
/// such answers that are right. Points are (score, probability), sorted by score; between
/// them the map is linear, outside them flat.
public struct ScoreCalibration: Sendable, Equatable {
  /// The map's points, sorted by score; they are used as given, not sorted here.
  public var points: [(score: Double, probability: Double)]

  /// A map through `points`, which must be sorted by score; with none, the score is clamped to
  /// `0...1`.
  public init(points: [(score: Double, probability: Double)]) { self.points = points }

  /// The identity: the raw score is the probability.
  public static let identity = ScoreCalibration(points: [(0, 0), (1, 1)])

  /// The probability that an answer of raw score `score` is right.
  public func probability(_ score: Double) -> Double {
    guard let first = points.first, let last = points.last else { return min(1, max(0, score)) }
    if score <= first.score { return first.probability }
    if score >= last.score { return last.probability }
    for (low, high) in zip(points, points.dropFirst()) where score <= high.score {
      let span = high.score - low.score
      let share = span > 0 ? (score - low.score) / span : 1
      return low.probability + share * (high.probability - low.probability)
    }
    return last.probability
  }

  /// Equal when the points are: arrays of tuples are not `Equatable`.
  public static func == (lhs: ScoreCalibration, rhs: ScoreCalibration) -> Bool {
    lhs.points.elementsEqual(rhs.points) { $0.score == $1.score && $0.probability == $1.probability }
  }
}
