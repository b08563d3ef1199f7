/// Finds trigger phrases anywhere in a message: the deterministic first stage, so a crisis
/// phrase inside a long question is never left to the statistics.
public struct TriggerMatcher: Sendable {
  private struct Trigger: Sendable {
    var stems: [String]
    var intent: Int
    var priority: Int
  }

  /// Triggers, highest priority first, longest phrase first within a priority.
  private let triggers: [Trigger]

  public init(pack: IntentPack, analyzer: TextAnalyzer) {
    var triggers: [Trigger] = []
    for (index, intent) in pack.intents.enumerated() {
      for phrase in intent.triggers {
        let stems = analyzer.stemsOfPhrase(phrase)
        if !stems.isEmpty { triggers.append(Trigger(stems: stems, intent: index, priority: intent.priority)) }
      }
    }
    self.triggers = triggers.sorted {
      ($0.priority, $0.stems.count, -$0.intent) > ($1.priority, $1.stems.count, -$1.intent)
    }
  }

  /// The index of the intent whose trigger occurs in `stems`, preferring higher priority,
  /// or `nil`; `kinds` limits the search (e.g. to safety intents).
  public func match(_ stems: [String], allowing allowed: (Int) -> Bool = { _ in true }) -> (intent: Int, phrase: [String])? {
    for trigger in triggers where allowed(trigger.intent) && Self.contains(stems, trigger.stems) {
      return (trigger.intent, trigger.stems)
    }
    return nil
  }

  static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }
}
