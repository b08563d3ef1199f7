/// "1 intent", "2 intents": a count with its noun in the right number, for every summary
/// line an author reads ("1 paragraphs" reads as a bug).
public enum Plural {
  /// `count` followed by `singular`, or by `plural` (default: `singular` + "s") unless it is 1.
  public static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
  }
}
