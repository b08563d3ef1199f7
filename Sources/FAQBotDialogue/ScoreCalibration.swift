/// A monotone map from a raw score (retrieval's coverage) to the probability that the answer
/// is right, so that every kind of answer reports confidence on one scale: the share of
/// such answers that are right. Points are (score, probability), sorted by score; between
/// them the map is linear, outside them flat.
public struct ScoreCalibration: Sendable, Equatable {
  public var points: [(score: Double, probability: Double)]

  public init(points: [(score: Double, probability: Double)]) { self.points = points }

  /// The identity: the raw score is the probability.
  public static let identity = ScoreCalibration(points: [(0, 0), (1, 1)])

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

  public static func == (lhs: ScoreCalibration, rhs: ScoreCalibration) -> Bool {
    lhs.points.elementsEqual(rhs.points) { $0.score == $1.score && $0.probability == $1.probability }
  }
}
