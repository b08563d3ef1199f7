/// A probability shown as a percentage with one decimal (`99.9%`, `0.0%`): the one way
/// confidences are written for people, by the stages' reasons and by the fronts alike.
///
/// Values outside `0...1` are clamped and NaN reads as 0, so a scorer's bad number can never
/// print as `nan%` or `-3.0%`. (The JSON protocol writes confidences as numbers instead, with
/// `ConfidenceFormat`.)
public struct Percent: CustomStringConvertible, Sendable {
  public var value: Double

  public init(_ value: Double) { self.value = value }

  public var description: String {
    let clamped = value.isNaN ? 0 : min(max(value, 0), 1)
    let tenths = Int((clamped * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }
}
