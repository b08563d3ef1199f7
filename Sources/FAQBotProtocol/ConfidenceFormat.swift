import FAQBotJSON

/// How a confidence is written in a response: a JSON number in `0...1` with at most four
/// decimal places and no trailing zeros (`0.9731`, `0.5`, `1`, `0`).
///
/// Four places are more than a calibrated probability can honestly claim and keep lines short
/// and stable across platforms, where `Double.description` would print `0.97310000000000001` or
/// `1e-05`. JSON has no NaN or infinity, so out-of-range values are clamped into `0...1`
/// (`+inf` to 1, `-inf` to 0) and NaN is written as 0: a response must always be valid JSON,
/// whatever the scorer produced.
enum ConfidenceFormat {
  /// The most bytes `write` produces (`0.xxxx`).
  static var maxEncodedCount: Int { 6 }

  /// Writes the formatted number for `value`.
  static func write(_ value: Double, to output: inout OutputCursor) {
    let clamped = value.isNaN ? 0 : min(max(value, 0), 1)
    let tenThousandths = Int((clamped * 10_000).rounded(.toNearestOrAwayFromZero))
    switch tenThousandths {
    case ...0:
      output.write(JSONByte.zero)
    case 10_000...:
      output.write(JSONByte.zero + 1)
    default:
      output.write(JSONByte.zero)
      output.write(JSONByte.period)
      var digits = tenThousandths
      var places = 4
      while digits % 10 == 0 {
        digits /= 10
        places -= 1
      }
      var divisor = 1
      for _ in 1..<places {
        divisor *= 10
      }
      while divisor > 0 {
        output.write(JSONByte.zero + UInt8(truncatingIfNeeded: digits / divisor % 10))
        divisor /= 10
      }
    }
  }

  /// The formatted number as text, for tests and logs.
  static func string(_ value: Double) -> String {
    var buffer: [UInt8] = []
    buffer.appendThroughCursor(maxCount: maxEncodedCount) { write(value, to: &$0) }
    return String(decoding: buffer, as: UTF8.self)
  }
}
