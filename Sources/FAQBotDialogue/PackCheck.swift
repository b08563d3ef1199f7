import Dispatch
import FAQBotCore
import FAQBotIntents
import FAQBotKnowledge
import FAQBotMatching

/// What `faqbot check` finds in a pack: a summary and the warnings an author should look at.
///
/// Warnings never stop a pack from loading (errors do, in ``IntentPackLoader``); they point
/// at examples that teach the matcher the wrong thing: the same question filed under two
/// intents, intents with too few examples to learn from, and examples that the bot itself
/// answers wrongly when it is trained without them (cross-validation, see
/// ``crossValidated(_:knowledge:configuration:folds:)``): such an example is what a user's
/// paraphrase of it will get, so the warning predicts real misses, where closeness of
/// feature vectors flagged 61 examples of the default pack that it answers right.
public struct PackCheck: Sendable {
  /// Fewer examples than this and an intent is hard to tell apart from its neighbours.
  public static let minimumExamples = 5

  /// How many parts the examples are split into for the cross-validated check: each part is
  /// answered by an engine trained on the other four, so every example is checked once at the
  /// cost of five trainings (run in parallel).
  public static let defaultFolds = 5

  /// What the pack holds, counted.
  public struct Summary: Sendable, Equatable {
    /// How many intents the pack has.
    public var intentCount: Int
    /// Intents per kind, in ``Intent/Kind`` declaration order, kinds with none left out.
    public var intentsByKind: [(kind: Intent.Kind, count: Int)]
    /// The examples of all intents together, duplicates included.
    public var exampleCount: Int
    /// The trigger phrases of all intents together.
    public var triggerCount: Int
    /// Section ids of the knowledge file that some intent's answer or follow-up cites.
    public var referencedSections: [String]
    /// Section ids no intent cites: questions about them can only reach passage retrieval.
    public var unreferencedSections: [String]

    /// Written out because ``intentsByKind`` is an array of tuples, which are not `Equatable`.
    public static func == (lhs: Summary, rhs: Summary) -> Bool {
      lhs.intentCount == rhs.intentCount && lhs.intentsByKind.elementsEqual(rhs.intentsByKind, by: ==)
        && lhs.exampleCount == rhs.exampleCount && lhs.triggerCount == rhs.triggerCount
        && lhs.referencedSections == rhs.referencedSections
        && lhs.unreferencedSections == rhs.unreferencedSections
    }
  }

  /// One thing an author should look at, located to its line.
  public struct Warning: Sendable, Equatable, CustomStringConvertible {
    /// What a warning is about; the raw value is printed after the message.
    public enum Kind: String, Sendable, Equatable {
      case duplicateExample = "duplicate-example"
      case fewExamples = "few-examples"
      /// Trained without it, the bot answers the example with another intent.
      case answeredAsAnother = "answered-as-another-intent"
      /// Trained without them, the bot answers a third or more of an intent's examples with
      /// no intent.
      case notAnswered = "not-answered"
    }

    /// What sort of warning it is.
    public var kind: Kind
    /// The intent the warning is about.
    public var intent: String
    /// Where to fix it: the example's line, or the intent's for a warning about the whole
    /// intent.
    public var location: SourceLocation
    /// What is wrong and what to do about it, without the location.
    public var message: String

    /// `file:line:column: warning: message [kind]`, as compilers print warnings.
    public var description: String { "\(location): warning: \(message) [\(kind.rawValue)]" }
  }

  /// What the pack holds, counted.
  public let summary: Summary
  /// In file order (file, then line), so an author fixes them top to bottom.
  public let warnings: [Warning]

  /// Checks `pack`; `folds` below 2 skips the cross-validated check (no training at all).
  public init(
    pack: IntentPack, knowledge: KnowledgeBase, configuration: EngineConfiguration = .init(),
    folds: Int = PackCheck.defaultFolds
  ) {
    self.summary = Self.summarize(pack, knowledge: knowledge)
    let warnings =
      Self.duplicateExamples(pack, normalizer: TextNormalizer()) + Self.fewExamples(pack)
      + (folds >= 2
        ? Self.crossValidated(pack, knowledge: knowledge, configuration: configuration, folds: folds) : [])
    self.warnings = Self.inFileOrder(warnings, pack: pack)
  }

  /// Warnings by file (in the order the pack's intents first use them), then line and column.
  static func inFileOrder(_ warnings: [Warning], pack: IntentPack) -> [Warning] {
    var order: [String: Int] = [:]
    for intent in pack.intents where order[intent.location.file] == nil {
      order[intent.location.file] = order.count
    }
    return warnings.enumerated().sorted { lhs, rhs in
      let left = lhs.element.location
      let right = rhs.element.location
      return (order[left.file] ?? Int.max, left.line, left.column, lhs.offset)
        < (order[right.file] ?? Int.max, right.line, right.column, rhs.offset)
    }.map(\.element)
  }

  /// Counts per warning kind, most frequent first: "2 not-answered, 1 few-examples".
  public var warningCounts: [(kind: Warning.Kind, count: Int)] {
    var counts: [Warning.Kind: Int] = [:]
    for warning in warnings { counts[warning.kind, default: 0] += 1 }
    return counts.map { ($0.key, $0.value) }.sorted {
      ($0.count, $1.kind.rawValue) > ($1.count, $0.kind.rawValue)
    }
  }

  static func summarize(_ pack: IntentPack, knowledge: KnowledgeBase) -> Summary {
    let kinds = Intent.Kind.allCases.compactMap { kind -> (kind: Intent.Kind, count: Int)? in
      let count = pack.intents.filter { $0.kind == kind }.count
      return count == 0 ? nil : (kind, count)
    }
    var cited: Set<String> = []
    for intent in pack.intents {
      for id in intent.answer.knowledge + (intent.followUp?.knowledge ?? []) {
        if let section = knowledge.passage(id)?.sectionId { cited.insert(section) }
      }
    }
    let sections = knowledge.document.sections.map(\.id)
    return Summary(
      intentCount: pack.intents.count, intentsByKind: kinds,
      exampleCount: pack.intents.reduce(0) { $0 + $1.examples.count },
      triggerCount: pack.intents.reduce(0) { $0 + $1.triggers.count },
      referencedSections: sections.filter { cited.contains($0) },
      unreferencedSections: sections.filter { !cited.contains($0) })
  }

  /// The same question (after normalisation: case, punctuation, contractions, accents) in two
  /// intents, or twice in one.
  static func duplicateExamples(_ pack: IntentPack, normalizer: TextNormalizer) -> [Warning] {
    var firstSeen: [String: (intent: Intent, location: SourceLocation)] = [:]
    var warnings: [Warning] = []
    for intent in pack.intents {
      for (index, example) in intent.examples.enumerated() {
        let key = normalizer.words(example).joined(separator: " ")
        guard !key.isEmpty else { continue }
        guard let earlier = firstSeen[key] else {
          firstSeen[key] = (intent, intent.location(ofExample: index))
          continue
        }
        let message =
          earlier.intent.id == intent.id
          ? "example \"\(example)\" appears twice in intent '\(intent.id)' (first at \(earlier.location))"
          : "example \"\(example)\" of intent '\(intent.id)' is also an example of '\(earlier.intent.id)' "
            + "(\(earlier.location)): the matcher cannot tell them apart"
        warnings.append(
          .init(
            kind: .duplicateExample, intent: intent.id, location: intent.location(ofExample: index),
            message: message))
      }
    }
    return warnings
  }

  static func fewExamples(_ pack: IntentPack) -> [Warning] {
    pack.intents.filter { $0.examples.count < minimumExamples }.map { intent in
      Warning(
        kind: .fewExamples, intent: intent.id, location: intent.location,
        message:
          "intent '\(intent.id)' has \(intent.examples.count) example\(intent.examples.count == 1 ? "" : "s") "
          + "(give at least \(minimumExamples), varied in wording and length)")
    }
  }

  /// Each example answered by the whole engine (triggers, classifier, retrieval, fallback)
  /// trained on the pack without it: the examples are split into `folds` parts, each part is
  /// left out of one training and asked of that engine. An example the bot then answers with
  /// another intent, or with no intent, is one a user's paraphrase will likely miss too.
  /// An intent keeps at least one example in every training; one with a single example is not
  /// checked (few-examples warns about it).
  static func crossValidated(
    _ pack: IntentPack, knowledge: KnowledgeBase, configuration: EngineConfiguration, folds: Int
  ) -> [Warning] {
    let foldOf: @Sendable (Int, Int) -> Int = { intent, example in (example + intent) % folds }
    let outcomesByFold = ResultSlots<[Outcome]>(count: folds)
    DispatchQueue.concurrentPerform(iterations: folds) { fold in
      var training = pack
      var asked: [(intent: Int, example: Int)] = []
      for (index, intent) in pack.intents.enumerated() where intent.examples.count > 1 {
        training.intents[index].examples = intent.examples.indices.filter { foldOf(index, $0) != fold }
          .map { intent.examples[$0] }
        training.intents[index].exampleLocations = []
        asked += intent.examples.indices.filter { foldOf(index, $0) == fold }.map { (index, $0) }
      }
      let engine = Engine(pack: training, knowledge: knowledge, configuration: configuration)
      var outcomes: [Outcome] = []
      for (index, exampleIndex) in asked {
        let answer = engine.respond(to: pack.intents[index].examples[exampleIndex])
        outcomes.append(Outcome(intent: index, example: exampleIndex, answer: answer))
      }
      outcomesByFold.store(outcomes, at: fold)
    }
    let outcomes = outcomesByFold.take().flatMap { $0 ?? [] }
    var warnings: [Warning] = []
    var missed: [Int: Int] = [:]
    var checked: [Int: Int] = [:]
    for outcome in outcomes {
      let intent = pack.intents[outcome.intent]
      checked[outcome.intent, default: 0] += 1
      let answer = outcome.answer
      guard answer.intent != intent.id else { continue }
      guard let other = answer.intent, answer.kind == .intent || answer.kind == .safety else {
        missed[outcome.intent, default: 0] += 1
        continue
      }
      let example = intent.examples[outcome.example]
      warnings.append(
        .init(
          kind: .answeredAsAnother, intent: intent.id, location: intent.location(ofExample: outcome.example),
          message: "example \"\(example)\" of intent '\(intent.id)' is answered by '\(other)' "
            + "(confidence \(Self.format(Float(answer.confidence)))) when the bot is trained without it: "
            + "reword it or add examples like it, or move it to the intent it belongs to"))
    }
    // Examples answered by no intent are summed per intent: one such example says little (the
    // examples are meant to be varied), a third of them says the intent needs more.
    for (index, count) in missed.sorted(by: { $0.key < $1.key }) {
      let total = checked[index] ?? 0
      guard count >= 2, count * 3 >= total else { continue }
      let intent = pack.intents[index]
      warnings.append(
        .init(
          kind: .notAnswered, intent: intent.id, location: intent.location,
          message: "intent '\(intent.id)': \(count) of \(Plural.count(total, "example")) are answered by no "
            + "intent when the bot is trained without them (below the threshold "
            + "\(Self.format(Float(configuration.threshold))), or only by a passage): add more examples, "
            + "worded the way people ask"))
    }
    return warnings
  }

  private struct Outcome: Sendable {
    var intent: Int
    var example: Int
    var answer: Answer
  }

  /// Two decimals without Foundation: 0.5 → "0.50".
  private static func format(_ value: Float) -> String {
    let hundredths = Int((max(0, value) * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
