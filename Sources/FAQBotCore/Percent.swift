/// A probability shown as a percentage with one decimal (`99.9%`, `0.0%`): the one way
/// confidences are written for people, by the stages' reasons and by the fronts alike.
///
/// Values outside `0...1` are clamped and NaN reads as 0, so a scorer's bad number can never
/// print as `nan%` or `-3.0%`. (The JSON protocol writes confidences as numbers instead, with
/// `ConfidenceFormat`.)
public struct Percent: CustomStringConvertible, Sendable {
  /// The probability shown, normally in `0...1` (clamped when shown).
  public var value: Double

  /// A percentage of `value`, a probability in `0...1`.
  public init(_ value: Double) { self.value = value }

  /// `0.873` as `87.3%`: one decimal is as much as a calibrated probability can claim.
  /// Close to 1, where one decimal would print `100.0%` for a value below 1, two decimals
  /// rounded down (`0.99966` as `99.96%`): a threshold such as the crisis meaning network's
  /// (0.99899) and a score just under or over it must not all read as certainty.
  public var description: String {
    let clamped = value.isNaN ? 0 : min(max(value, 0), 1)
    let tenths = Int((clamped * 1000).rounded())
    guard tenths == 1000, clamped < 1 else { return "\(tenths / 10).\(tenths % 10)%" }
    let hundredths = min(Int((clamped * 10_000).rounded(.down)), 9_999)
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
  }
}
