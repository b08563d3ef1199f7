/// Numbers as the fronts show them to people.
enum Figures {
  /// A weight with its sign and two decimals, `+1.25` or `-0.40`.
  static func signed(_ value: Double) -> String {
    guard value.isFinite else { return "0.00" }
    let hundredths = Int((abs(value) * 100).rounded())
    let fraction = hundredths % 100
    return (value < 0 ? "-" : "+") + "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
  }

  /// `2000` as `2,000`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value)
    guard value >= 1000 else { return digits }
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }
}
