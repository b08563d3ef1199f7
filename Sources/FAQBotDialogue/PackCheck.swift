import Dispatch
import FAQBotCore
import FAQBotIntents
import FAQBotKnowledge
import FAQBotMatching

/// What `faqbot check` finds in a pack: a summary and the warnings an author should look at.
///
/// Warnings never stop a pack from loading (errors do, in ``IntentPackLoader``); they point
/// at examples that teach the matcher the wrong thing: the same question filed under two
/// intents, intents with too few examples to learn from, and examples that the matcher's own
/// feature space places nearer another intent than their own.
public struct PackCheck: Sendable {
  /// Fewer examples than this and an intent is hard to tell apart from its neighbours.
  public static let minimumExamples = 5

  /// Kinds whose examples are not compared with other intents' (see ``closenessExemptKinds``).
  ///
  /// Small talk is short phrases of function words ("hi", "thanks", "who are you"), whose
  /// TF-IDF vectors are mostly character n-grams and land near anything; safety intents are
  /// matched by their triggers first and must keep every phrasing people use in a crisis,
  /// however close it is to a document intent.
  public static let closenessExemptKinds: Set<Intent.Kind> = [.smalltalk, .safety]

  public struct Summary: Sendable, Equatable {
    public var intentCount: Int
    /// Intents per kind, in ``Intent/Kind`` declaration order, kinds with none left out.
    public var intentsByKind: [(kind: Intent.Kind, count: Int)]
    public var exampleCount: Int
    public var triggerCount: Int
    /// Section ids of the knowledge file that some intent's answer or follow-up cites.
    public var referencedSections: [String]
    /// Section ids no intent cites: questions about them can only reach passage retrieval.
    public var unreferencedSections: [String]

    public static func == (lhs: Summary, rhs: Summary) -> Bool {
      lhs.intentCount == rhs.intentCount && lhs.intentsByKind.elementsEqual(rhs.intentsByKind, by: ==)
        && lhs.exampleCount == rhs.exampleCount && lhs.triggerCount == rhs.triggerCount
        && lhs.referencedSections == rhs.referencedSections
        && lhs.unreferencedSections == rhs.unreferencedSections
    }
  }

  public struct Warning: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
      case duplicateExample = "duplicate-example"
      case fewExamples = "few-examples"
      case closerToAnotherIntent = "closer-to-another-intent"
    }

    public var kind: Kind
    /// The intent the warning is about.
    public var intent: String
    public var location: SourceLocation
    public var message: String

    public var description: String { "\(location): warning: \(message) [\(kind.rawValue)]" }
  }

  /// An example is flagged when another intent's centroid is at least this much more similar
  /// to it than its own intent's: the examples of one intent are paraphrases with few words in
  /// common, so a bare "more similar" flags a third of a good pack.
  public static let closenessMargin: Float = 0.1
  /// …and at least this similar in absolute terms: below it, both similarities are noise.
  public static let closenessFloor: Float = 0.3

  public let summary: Summary
  public let warnings: [Warning]

  /// Checks `pack` with the analyzer and the TF-IDF feature space of a trained engine.
  public init(resources: EngineResources) {
    self.init(
      pack: resources.pack, knowledge: resources.knowledge, analyzer: resources.analyzer,
      space: resources.classifier.space)
  }

  /// Checks `pack` without training a model: the analyzer and the feature space are built the
  /// way ``EngineResources`` and ``IntentClassifier`` build them, which is all the check needs.
  public init(pack: IntentPack, knowledge: KnowledgeBase) {
    let analyzer = TextAnalyzer(pack: pack, knowledge: knowledge)
    let keys = FeatureKeys()
    let space = FeatureSpace(
      documents: pack.intents.flatMap { $0.examples.map { keys.keys(for: analyzer.analyze($0)) } })
    self.init(pack: pack, knowledge: knowledge, analyzer: analyzer, space: space)
  }

  private init(pack: IntentPack, knowledge: KnowledgeBase, analyzer: TextAnalyzer, space: FeatureSpace) {
    self.summary = Self.summarize(pack, knowledge: knowledge)
    self.warnings =
      Self.duplicateExamples(pack, normalizer: TextNormalizer()) + Self.fewExamples(pack)
      + Self.closerToAnotherIntent(pack, analyzer: analyzer, space: space)
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

  /// Examples whose TF-IDF vector is clearly more similar (cosine; see ``closenessMargin`` and
  /// ``closenessFloor``) to another intent's centroid than to the centroid of their own
  /// intent's other examples (leave-one-out, so an example does not vouch for itself).
  /// Intents of ``closenessExemptKinds`` are neither checked nor compared against.
  static func closerToAnotherIntent(_ pack: IntentPack, analyzer: TextAnalyzer, space: FeatureSpace)
    -> [Warning]
  {
    let keys = FeatureKeys()
    let checked = pack.intents.filter { !closenessExemptKinds.contains($0.kind) }
    let vectors = checked.map { intent in
      intent.examples.map { space.vector(for: keys.keys(for: analyzer.analyze($0))) }
    }
    let centroids = IntentCentroids(vectors, featureCount: space.count)
    // Each example is compared with every intent, which on a pack of thousands of intents is
    // the check's whole cost; intents are independent, so they are spread over the cores.
    let warningsByIntent = ResultSlots<[Warning]>(count: checked.count)
    DispatchQueue.concurrentPerform(iterations: checked.count) { index in
      let intent = checked[index]
      guard intent.examples.count > 1 else { return }
      var warnings: [Warning] = []
      for (exampleIndex, (example, vector)) in zip(intent.examples, vectors[index]).enumerated()
      where !vector.isEmpty {
        let closest = centroids.closest(to: vector, leavingOutFrom: index)
        guard
          let nearest = closest.other, closest.similarity >= closest.own + closenessMargin,
          closest.similarity >= closenessFloor
        else { continue }
        warnings.append(
          .init(
            kind: .closerToAnotherIntent, intent: intent.id,
            location: intent.location(ofExample: exampleIndex),
            message: "example \"\(example)\" of intent '\(intent.id)' is closer to '\(checked[nearest].id)' "
              + "(similarity \(Self.format(closest.similarity))) than to its own intent "
              + "(\(Self.format(closest.own)))"))
      }
      warningsByIntent.store(warnings, at: index)
    }
    return warningsByIntent.take().flatMap { $0 ?? [] }
  }

  /// Two decimals without Foundation: 0.5 → "0.50".
  private static func format(_ value: Float) -> String {
    let hundredths = Int((max(0, value) * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
