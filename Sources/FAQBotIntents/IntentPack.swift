import FAQBotKnowledge

/// All intents of a pack, with the pack-level synonyms that normalisation applies.
public struct IntentPack: Sendable, Equatable {
  /// Every intent of the pack, in the order of its files and, within a file, as written.
  public var intents: [Intent]
  /// Canonical word → phrases that mean it ("ketamine" ← "special k").
  public var synonyms: [String: [String]]
  /// Where to send people for what the document does not answer (pack-level `advice:`),
  /// e.g. "please ask a qualified healthcare professional".
  public var advice: String?
  /// The pack's own settings (pack.yaml); empty when it has none.
  public var settings = PackSettings()

  /// A pack of `intents`, with no settings; the loader fills ``settings`` from pack.yaml.
  public init(intents: [Intent], synonyms: [String: [String]] = [:], advice: String? = nil) {
    self.intents = intents
    self.synonyms = synonyms
    self.advice = advice
  }

  /// The intent with `id`, or nil when the pack has none.
  public func intent(_ id: String) -> Intent? { intents.first { $0.id == id } }

  /// Every intent's `knowledge` reference that the knowledge base lacks, with where it is.
  public func missingReferences(in knowledge: KnowledgeBase) -> [(String, SourceLocation)] {
    intents.flatMap { intent in
      ([intent.answer] + (intent.followUp.map { [$0] } ?? [])).flatMap(\.knowledge)
        .filter { !knowledge.contains($0) }
        .map { ($0, intent.location) }
    }
  }
}
