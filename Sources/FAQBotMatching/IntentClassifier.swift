import FAQBotCore
import FAQBotIntents
import FAQBotVectors

/// The trained classifier of a pack: analysed text → probability of each intent.
///
/// ``TrainedModel`` saves its stored properties: adding or changing one means changing
/// that file and bumping `TrainedModel.formatVersion`.
public struct IntentClassifier: Sendable {
  /// Intent ids in class order.
  public let intentIds: [String]
  /// The sparse features the model was trained on.
  public let space: FeatureSpace
  /// The fast mode's softmax: the sparse features, then the dense block when there is one.
  public let model: SoftmaxRegression
  /// Content-word stems of the training examples: how much of a question the pack knows.
  public let knownStems: Set<String>
  /// For each intent, the share of its examples that are a template with an open slot ("what
  /// does *serendipity* mean", "how do you spell *X*"): its questions normally carry a word the
  /// pack has never seen. 0 for most (see ``openVocabulary(analyses:labels:classCount:)``).
  public let openVocabulary: [Float]
  /// The dense block after the sparse features (indices from `space.count`), nil for a model
  /// of TF-IDF features alone.
  public let embedding: TokenEmbedding?
  /// The encoder mode's softmax on sentence vectors and the examples' vectors; nil for a
  /// classifier trained for the fast mode only (``withEncoderHead(_:)`` adds one).
  public let encoderHead: EncoderHead?
  /// Derived from `knownStems` and the stopwords: true for a known content stem, false for a
  /// stopword, one lookup per stem on the answer path instead of two.
  private let stemScope: [String: Bool]
  private let keys = FeatureKeys()

  /// One ranked prediction.
  public struct Prediction: Sendable, Equatable {
    /// Probabilities in class order: P(in scope) × P(intent | in scope), with `inScope` as
    /// P(in scope), except for the most probable intent, which takes the larger of `inScope`
    /// and its ``IntentClassifier/openVocabulary`` rate: an unknown word is expected in its
    /// questions. The rest is the chance that the question is about none of the intents.
    public var probabilities: [Float]
    /// The share of the question's content words that occur in the pack's examples: a
    /// question made of words the pack has never seen is about something else, however its
    /// function words ("how do I …") happen to score.
    public var inScope: Float
    /// The most probable class indices, best first (at most ``IntentClassifier/rankingDepth``;
    /// ties go to the lower index).
    public var ranking: [Int]
    /// False when no feature of the question was seen in training: the probabilities are
    /// then only the class priors and say nothing about the question.
    public var hasEvidence: Bool
  }

  /// Assembles a classifier from trained or restored parts; traps unless the model's features
  /// are `space` followed by `embedding`'s block. A nil `openVocabulary` means 0 for every
  /// intent.
  public init(
    intentIds: [String], space: FeatureSpace, model: SoftmaxRegression, knownStems: Set<String>,
    openVocabulary: [Float]? = nil, embedding: TokenEmbedding? = nil, encoderHead: EncoderHead? = nil
  ) {
    self.intentIds = intentIds
    self.encoderHead = encoderHead
    precondition(
      model.featureCount == space.count + (embedding?.dimensions ?? 0),
      "the model's features are not the feature space and the dense block")
    // The answer path reads the block's scores from the projections; a model restored from a
    // file has them, a freshly trained one gets them here.
    self.embedding = embedding.map { embedding in
      embedding.projections.isEmpty && !embedding.pieces.isEmpty
        ? embedding.projected(onto: model, firstIndex: space.count) : embedding
    }
    self.space = space
    self.model = model
    self.knownStems = knownStems
    self.openVocabulary = openVocabulary ?? [Float](repeating: 0, count: intentIds.count)
    var scope: [String: Bool] = [:]
    for stem in knownStems { scope[stem] = true }
    for stem in WordLists.stopStems { scope[stem] = false }
    self.stemScope = scope
  }

  /// Trains on every example of `pack`. The examples' words are what the intents know: a
  /// question about other words, even words of the document, is for retrieval to answer.
  ///
  /// - Parameter vectors: the token vectors of the dense block; nil trains on TF-IDF alone.
  public init(
    pack: IntentPack, analyzer: TextAnalyzer, options: SoftmaxRegression.Options = .init(),
    vectors: TokenVectors? = TokenVectors.embedded
  ) {
    var documents: [FeatureKeys.Keys] = []
    var labels: [Int] = []
    var known: Set<String> = []
    var exampleStems: [[String]] = []
    var exampleWords: [[String]] = []
    let keys = FeatureKeys()
    for (label, intent) in pack.intents.enumerated() {
      for example in intent.examples {
        let analysis = analyzer.analyze(example)
        known.formUnion(analysis.stems)
        exampleStems.append(analysis.stems)
        if vectors != nil { exampleWords.append(analysis.surface) }
        documents.append(keys.keys(for: analysis, recordingOrigins: false))
        labels.append(label)
      }
    }
    let openVocabulary = Self.openVocabulary(
      analyses: exampleStems, labels: labels, classCount: pack.intents.count)
    let examplePieces = vectors.map { TokenEmbedding.pieces(ofExamples: exampleWords, vectors: $0) } ?? []
    exampleWords = []
    let embedding = vectors.map { TokenEmbedding(vectors: $0, examplePieces: examplePieces) }
    let space = FeatureSpace(
      documents: documents,
      maxFeatures: options.maxFeatures(classes: pack.intents.count) - (embedding?.dimensions ?? 0))
    // Each document's keys are released as its vector is made: on a large pack the two
    // together would double the peak.
    var trainingVectors: [SparseVector] = []
    trainingVectors.reserveCapacity(documents.count)
    for index in documents.indices {
      trainingVectors.append(space.vector(for: documents[index]))
      documents[index] = FeatureKeys.Keys()
    }
    // The dense block is made for each step rather than stored with each example: 256
    // features of 8 bytes each would add 800 MB to a pack of 400,000 examples.
    let denseBlock = embedding.map { embedding in
      { (example: Int, vector: inout SparseVector) in
        embedding.append(pieces: examplePieces[example], firstIndex: space.count, to: &vector)
      }
    }
    let model = SoftmaxRegression.train(
      vectors: trainingVectors, labels: labels, classCount: pack.intents.count,
      featureCount: space.count + (embedding?.dimensions ?? 0), options: options, appending: denseBlock)
    self.init(
      intentIds: pack.intents.map(\.id), space: space, model: model, knownStems: known,
      openVocabulary: openVocabulary, embedding: embedding)
  }

  /// For each class, the share of its examples that are a template with an open slot: their
  /// content words occur in no other example, and another example of the class has the same
  /// words around a different one ("what does serendipity mean", "what does adulation mean").
  /// Varied phrasing alone ("give me the gist", "sum it up") is no template and counts for
  /// nothing, so off-topic questions near such an intent keep their low confidence.
  static func openVocabulary(analyses stems: [[String]], labels: [Int], classCount: Int) -> [Float] {
    let content = stems.map { $0.filter { !WordLists.stopStems.contains($0) } }
    var frequency: [String: Int] = [:]
    for words in content { for stem in Set(words) { frequency[stem, default: 0] += 1 } }
    // Each all-unique example's template: its stems with the unique ones as a slot.
    var templates: [Int: [String: Int]] = [:]
    var exampleTemplate: [String?] = []
    for (index, words) in content.enumerated() {
      guard !words.isEmpty, words.allSatisfy({ frequency[$0] == 1 }) else {
        exampleTemplate.append(nil)
        continue
      }
      let template = stems[index].map { frequency[$0] == 1 ? "_" : $0 }.joined(separator: " ")
      templates[labels[index], default: [:]][template, default: 0] += 1
      exampleTemplate.append(template)
    }
    var open = [Float](repeating: 0, count: classCount)
    var total = [Float](repeating: 0, count: classCount)
    for (template, label) in zip(exampleTemplate, labels) {
      total[label] += 1
      if let template, (templates[label]?[template] ?? 0) >= 2 { open[label] += 1 }
    }
    return zip(open, total).map { $1 > 0 ? $0 / $1 : 0 }
  }

  /// The features of `analysis`: TF-IDF, then the dense block.
  public func vector(for analysis: TextAnalyzer.Analysis) -> SparseVector {
    var vector = space.vector(for: keys.keys(for: analysis))
    embedding?.append(analysis.surface, firstIndex: space.count, to: &vector)
    return vector
  }

  /// This classifier with `head` for the encoder mode (the fast model unchanged).
  public func withEncoderHead(_ head: EncoderHead?) -> IntentClassifier {
    IntentClassifier(
      intentIds: intentIds, space: space, model: model, knownStems: knownStems,
      openVocabulary: openVocabulary,
      embedding: embedding, encoderHead: head)
  }

  /// The fast model's P(intent | in scope) for `analysis`, and whether any sparse feature of
  /// it was seen in training.
  func conditionalProbabilities(_ analysis: TextAnalyzer.Analysis) -> (
    probabilities: [Float], hasEvidence: Bool
  ) {
    // No origins: only `/why` reads them, and on the answer path they were two arrays of a
    // few hundred integers allocated and filled for every question.
    let vector = space.vector(for: keys.keys(for: analysis, recordingOrigins: false))
    let conditional = model.probabilities(for: vector) { scores in
      embedding?.addScores(of: analysis.surface, model: model, firstIndex: space.count, to: scores)
    }
    return (conditional, !vector.isEmpty)
  }

  /// The fast mode's prediction for `analysis`.
  public func predict(_ analysis: TextAnalyzer.Analysis) -> Prediction {
    let (conditional, hasEvidence) = conditionalProbabilities(analysis)
    let inScope = inScopeShare(analysis.stems)
    var probabilities = conditional.map { $0 * inScope }
    // Ranked on P(intent | in scope): scaling by `inScope` keeps the order, except that a
    // question of unknown content words (`inScope` 0) would tie every intent at 0 and
    // rank them in file order, so its candidates and "did you mean" offers said nothing.
    let ranking = Self.mostProbable(conditional, count: Self.rankingDepth)
    // Only the best intent's share is raised, so the order of the probabilities stays the
    // ranking's ("what does serendipity mean" keeps its definition intent's confidence).
    if let best = ranking.first, openVocabulary.indices.contains(best), openVocabulary[best] > inScope {
      probabilities[best] = conditional[best] * openVocabulary[best]
    }
    return Prediction(
      // Evidence means a word or n-gram the examples have (the sparse features): the dense
      // block alone would give any question of real words some, and the priors would pass
      // for an answer.
      probabilities: probabilities, inScope: inScope, ranking: ranking, hasEvidence: hasEvidence)
  }

  /// How many classes a prediction ranks: enough for candidates, "did you mean" and the
  /// safety check, without sorting every class of a large pack on each question.
  public static let rankingDepth = 8

  /// The indices of the `count` largest probabilities, best first, by insertion into a short
  /// list: one pass over the classes instead of a sort.
  static func mostProbable(_ probabilities: [Float], count: Int) -> [Int] {
    var best: [Int] = []
    best.reserveCapacity(count + 1)
    for index in probabilities.indices {
      let value = probabilities[index]
      if best.count == count, let last = best.last, probabilities[last] >= value { continue }
      var position = best.count
      while position > 0, probabilities[best[position - 1]] < value { position -= 1 }
      best.insert(index, at: position)
      if best.count > count { best.removeLast() }
    }
    return best
  }

  /// The share of content words (not function words) of `stems` that the pack knows; 1 for a
  /// question of function words only ("who are you?"), which the examples then decide.
  public func inScopeShare(_ stems: [String]) -> Float {
    var content = 0
    var known = 0
    for (index, stem) in stems.enumerated() where !stems[..<index].contains(stem) {
      switch stemScope[stem] {
      case false?: continue  // a stopword
      case true?: known += 1
      case nil: break
      }
      content += 1
    }
    return content == 0 ? 1 : Float(known) / Float(content)
  }

  /// The words of `analysis` that pushed hardest towards intent `label`, strongest first.
  public func weightiestWords(_ analysis: TextAnalyzer.Analysis, towards label: Int, limit: Int = 5)
    -> [(word: String, weight: Float)]
  {
    // A feature's share of the score is its TF-IDF value times its weight for `label`;
    // a feature that several words produce is split between them.
    let featureKeys = keys.keys(for: analysis)
    let vector = space.vector(for: featureKeys)
    var value: [Int32: Float] = [:]
    for (feature, weight) in zip(vector.indices, vector.values) { value[feature] = weight }
    var origins: [(feature: Int32, word: Int)] = []
    for (key, origin) in zip(featureKeys.words, featureKeys.wordOrigins) {
      if let feature = space.index(ofWord: key) { origins.append((feature, origin)) }
    }
    for (key, origin) in zip(featureKeys.characters, featureKeys.characterOrigins) {
      if let feature = space.index(ofCharacters: key) { origins.append((feature, origin)) }
    }
    var occurrences: [Int32: Int] = [:]
    for (feature, _) in origins { occurrences[feature, default: 0] += 1 }
    var byWord = [Float](repeating: 0, count: analysis.words.count)
    for (feature, word) in origins where word < byWord.count {
      let share = (value[feature] ?? 0) / Float(occurrences[feature] ?? 1)
      byWord[word] += share * model.weights[Int(feature) * model.classCount + label]
    }
    // The dense block's share, by the word it came from; synonyms that rewrote the words
    // leave no one-to-one map from the words as typed, and then only the sparse share counts.
    if let embedding, analysis.surface.count == analysis.words.count {
      let dense = embedding.contributions(
        of: analysis.surface, to: label, model: model, firstIndex: space.count)
      for (word, share) in dense.enumerated() { byWord[word] += share }
    }
    return byWord.indices.sorted { byWord[$0] > byWord[$1] }.prefix(limit)
      .filter { byWord[$0] > 0 }
      .map { (analysis.words[$0], byWord[$0]) }
  }
}
