import FAQBotIntents

/// Finds trigger phrases anywhere in a message: the deterministic first stage, so a crisis
/// phrase inside a long question is never left to the statistics.
public struct TriggerMatcher: Sendable {
  private struct Trigger: Sendable {
    var stems: [String]
    var intent: Int
    var priority: Int
  }

  /// Triggers, highest priority first (then longest), the order in which they win.
  private let triggers: [Trigger]
  /// Positions in `triggers` by first stem: a message only tries the triggers that can
  /// start at one of its words.
  private let byFirstStem: [String: [Int]]

  /// The triggers of every intent of `pack`, stemmed through `analyzer` as messages are; a
  /// phrase with no stems is left out.
  public init(pack: IntentPack, analyzer: TextAnalyzer) {
    var triggers: [Trigger] = []
    for (index, intent) in pack.intents.enumerated() {
      for phrase in intent.triggers {
        let stems = analyzer.stemsOfPhrase(phrase)
        if !stems.isEmpty { triggers.append(Trigger(stems: stems, intent: index, priority: intent.priority)) }
      }
    }
    let sorted = triggers.sorted {
      ($0.priority, $0.stems.count, -$0.intent) > ($1.priority, $1.stems.count, -$1.intent)
    }
    var byFirstStem: [String: [Int]] = [:]
    for (position, trigger) in sorted.enumerated() {
      byFirstStem[trigger.stems[0], default: []].append(position)
    }
    self.triggers = sorted
    self.byFirstStem = byFirstStem
  }

  /// Every trigger that occurs in `stems`, the winning one first: found once per question,
  /// then each stage picks the first its rule allows.
  public func matches(in stems: [String]) -> [(intent: Int, phrase: [String])] {
    var found: [Int] = []
    for stem in stems {
      for position in byFirstStem[stem] ?? []
      where !found.contains(position) && Self.contains(stems, triggers[position].stems) {
        found.append(position)
      }
    }
    return found.sorted().map { (triggers[$0].intent, triggers[$0].stems) }
  }

  static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }
}
