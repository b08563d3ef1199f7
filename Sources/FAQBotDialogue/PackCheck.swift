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
  /// Examples answered by another intent when the bot is trained without them, each the only
  /// one of its intent answered by that other intent: an unusual wording more often than an
  /// overlap between the two, so they are not ``warnings`` (on the default pack, 78 of the
  /// 112 examples answered by another intent). In file order; `faqbot check --each-example`
  /// lists them.
  public let singleConfusions: [Warning]

  /// Checks `pack`; `folds` below 2 skips the cross-validated check (no training at all).
  public init(
    pack: IntentPack, knowledge: KnowledgeBase, configuration: EngineConfiguration = .init(),
    folds: Int = PackCheck.defaultFolds
  ) {
    self.summary = Self.summarize(pack, knowledge: knowledge)
    let validated =
      folds >= 2
      ? Self.crossValidated(pack, knowledge: knowledge, configuration: configuration, folds: folds)
      : (warnings: [], singles: [])
    let warnings =
      Self.duplicateExamples(pack, normalizer: TextNormalizer()) + Self.fewExamples(pack) + validated.warnings
    self.warnings = Self.inFileOrder(warnings, pack: pack)
    self.singleConfusions = Self.inFileOrder(validated.singles, pack: pack)
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
  ///
  /// An example counts as answered when the reply gives what its intent would
  /// (``serves(_:intent:knowledge:)``): a crisis example answered by the crisis detector, a
  /// greeting by the engine's own small talk, a `faq` example by a passage of a section its
  /// intent cites. Without that rule the default pack's crisis intent had 25 of 25 examples
  /// "answered by no intent".
  static func crossValidated(
    _ pack: IntentPack, knowledge: KnowledgeBase, configuration: EngineConfiguration, folds: Int
  ) -> (warnings: [Warning], singles: [Warning]) {
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
    var missed: [Int: Int] = [:]
    var checked: [Int: Int] = [:]
    // Examples answered by another intent, by intent and that other intent, in file order.
    var confused: [Int: [String: [Outcome]]] = [:]
    for outcome in outcomes.sorted(by: { ($0.intent, $0.example) < ($1.intent, $1.example) }) {
      let intent = pack.intents[outcome.intent]
      checked[outcome.intent, default: 0] += 1
      let answer = outcome.answer
      guard !serves(answer, intent: intent, knowledge: knowledge) else { continue }
      guard let other = answer.intent, answer.kind == .intent || answer.kind == .safety else {
        missed[outcome.intent, default: 0] += 1
        continue
      }
      confused[outcome.intent, default: [:]][other, default: []].append(outcome)
    }
    var warnings: [Warning] = []
    var singles: [Warning] = []
    // Two or more examples of one intent answered by the same other intent say the two
    // overlap: one warning at the first of them, naming the others' lines. A single one is
    // most often a wording unlike the intent's other examples.
    for (index, byOther) in confused.sorted(by: { $0.key < $1.key }) {
      let intent = pack.intents[index]
      for (other, group) in byOther.sorted(by: { $0.value[0].example < $1.value[0].example }) {
        let first = group[0]
        let example = intent.examples[first.example]
        let confidence = Self.format(Float(first.answer.confidence))
        if group.count == 1 {
          singles.append(
            .init(
              kind: .answeredAsAnother, intent: intent.id,
              location: intent.location(ofExample: first.example),
              message: "example \"\(example)\" of intent '\(intent.id)' is answered by '\(other)' "
                + "(confidence \(confidence)) when the bot is trained without it"))
          continue
        }
        let lines = group.dropFirst().map { "\(intent.location(ofExample: $0.example).line)" }
        warnings.append(
          .init(
            kind: .answeredAsAnother, intent: intent.id, location: intent.location(ofExample: first.example),
            message:
              "\(group.count) of \(Plural.count(checked[index] ?? 0, "example")) of intent '\(intent.id)' "
              + "are answered by '\(other)' when the bot is trained without them: this one, \"\(example)\" "
              + "(confidence \(confidence)), and those on line\(lines.count == 1 ? "" : "s") "
              + "\(lines.joined(separator: ", ")); the two intents overlap: give each examples the other "
              + "lacks, move the examples to the intent they belong to, or merge the two"))
      }
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
            + "\(Self.format(Float(configuration.threshold))), or only by a passage of a section it does not "
            + "cite): add more examples, worded the way people ask"))
    }
    return (warnings, singles)
  }

  /// Whether `answer` gives what `intent` would: the intent itself, or the same kind of reply
  /// from another stage (crisis help from the crisis detector, the engine's small talk, an
  /// honest "not covered" or "I don't know" for a `not_covered` intent), or for a `faq` intent
  /// a passage of a section its answer cites.
  static func serves(_ answer: Answer, intent: Intent, knowledge: KnowledgeBase) -> Bool {
    if answer.intent == intent.id { return true }
    switch intent.kind {
    case .safety: return answer.kind == .safety
    case .smalltalk: return answer.category == .smallTalk && answer.intent == nil
    case .notCovered:
      // "I don't know: the document does not cover that" is as honest as the intent's reply.
      return (answer.category == .notCovered || answer.category == .fallback) && answer.intent == nil
    case .decline: return false
    case .faq:
      guard answer.kind == .knowledge else { return false }
      let cited = Set(intent.answer.knowledge.compactMap { knowledge.passage($0)?.sectionId })
      return answer.sources.contains {
        knowledge.passage($0.id).map { cited.contains($0.sectionId) } ?? false
      }
    }
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
