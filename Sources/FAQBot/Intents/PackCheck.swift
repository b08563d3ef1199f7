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
    let centroids = Centroids(vectors, featureCount: space.count)
    var warnings: [Warning] = []
    for (index, intent) in checked.enumerated() where intent.examples.count > 1 {
      for (exampleIndex, (example, vector)) in zip(intent.examples, vectors[index]).enumerated()
      where !vector.isEmpty {
        let similarities = centroids.cosines(of: vector, leavingOutFrom: index)
        let own = similarities[index]
        guard
          let nearest = similarities.indices.filter({ $0 != index }).max(by: {
            similarities[$0] < similarities[$1]
          }),
          similarities[nearest] >= own + closenessMargin, similarities[nearest] >= closenessFloor
        else { continue }
        let other = checked[nearest]
        warnings.append(
          .init(
            kind: .closerToAnotherIntent, intent: intent.id,
            location: intent.location(ofExample: exampleIndex),
            message: "example \"\(example)\" of intent '\(intent.id)' is closer to '\(other.id)' "
              + "(similarity \(Self.format(similarities[nearest]))) than to its own intent (\(Self.format(own)))"
          ))
      }
    }
    return warnings
  }

  /// Two decimals without Foundation: 0.5 → "0.50".
  private static func format(_ value: Float) -> String {
    let hundredths = Int((max(0, value) * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}

/// The summed example vectors of each intent, indexed by feature so that one example is
/// compared with every intent in a single pass over its own features.
private struct Centroids {
  /// For each feature, the intents whose examples have it and the summed value.
  private var postings: [[(intent: Int, value: Float)]]
  private var normsSquared: [Float]

  init(_ vectorsByIntent: [[SparseVector]], featureCount: Int) {
    postings = Array(repeating: [], count: featureCount)
    normsSquared = []
    for (intent, vectors) in vectorsByIntent.enumerated() {
      var sum: [Int32: Float] = [:]
      for vector in vectors {
        for (feature, value) in zip(vector.indices, vector.values) { sum[feature, default: 0] += value }
      }
      for (feature, value) in sum.sorted(by: { $0.key < $1.key }) where Int(feature) < featureCount {
        postings[Int(feature)].append((intent, value))
      }
      normsSquared.append(sum.values.reduce(0) { $0 + $1 * $1 })
    }
  }

  /// The cosine of `vector` with every centroid; for intent `own`, with `vector` itself taken
  /// out of the sum first (|S − v|² = |S|² − 2 S·v + |v|²).
  func cosines(of vector: SparseVector, leavingOutFrom own: Int) -> [Float] {
    var dots = [Float](repeating: 0, count: normsSquared.count)
    for (feature, value) in zip(vector.indices, vector.values) where Int(feature) < postings.count {
      for posting in postings[Int(feature)] { dots[posting.intent] += value * posting.value }
    }
    let selfSquared = vector.values.reduce(0) { $0 + $1 * $1 }
    let vectorNorm = selfSquared.squareRoot()
    return dots.indices.map { intent in
      var dot = dots[intent]
      var normSquared = normsSquared[intent]
      if intent == own {
        normSquared = normSquared - 2 * dot + selfSquared
        dot -= selfSquared
      }
      guard normSquared > 1e-9, vectorNorm > 0 else { return 0 }
      return dot / (normSquared.squareRoot() * vectorNorm)
    }
  }
}
