/// The trained classifier of a pack: analysed text → probability of each intent.
public struct IntentClassifier: Sendable {
  /// Intent ids in class order.
  public let intentIds: [String]
  public let space: FeatureSpace
  public let model: SoftmaxRegression
  private let keys = FeatureKeys()

  /// One ranked prediction.
  public struct Prediction: Sendable, Equatable {
    /// Probabilities in class order (sum to 1).
    public var probabilities: [Float]
    /// Class indices, most probable first.
    public var ranking: [Int]
    /// False when no feature of the question was seen in training: the probabilities are
    /// then only the class priors and say nothing about the question.
    public var hasEvidence: Bool
  }

  public init(intentIds: [String], space: FeatureSpace, model: SoftmaxRegression) {
    self.intentIds = intentIds
    self.space = space
    self.model = model
  }

  /// Trains on every example of `pack`.
  public init(pack: IntentPack, analyzer: TextAnalyzer, options: SoftmaxRegression.Options = .init()) {
    var documents: [FeatureKeys.Keys] = []
    var labels: [Int] = []
    let keys = FeatureKeys()
    for (label, intent) in pack.intents.enumerated() {
      for example in intent.examples {
        documents.append(keys.keys(for: analyzer.analyze(example)))
        labels.append(label)
      }
    }
    let space = FeatureSpace(documents: documents)
    let vectors = documents.map { space.vector(for: $0) }
    let model = SoftmaxRegression.train(
      vectors: vectors, labels: labels, classCount: pack.intents.count, featureCount: space.count, options: options)
    self.init(intentIds: pack.intents.map(\.id), space: space, model: model)
  }

  public func vector(for analysis: TextAnalyzer.Analysis) -> SparseVector {
    space.vector(for: keys.keys(for: analysis))
  }

  public func predict(_ analysis: TextAnalyzer.Analysis) -> Prediction {
    let vector = vector(for: analysis)
    let probabilities = model.probabilities(for: vector)
    let ranking = probabilities.indices.sorted {
      probabilities[$0] != probabilities[$1] ? probabilities[$0] > probabilities[$1] : $0 < $1
    }
    return Prediction(probabilities: probabilities, ranking: ranking, hasEvidence: !vector.isEmpty)
  }

  /// The words of `analysis` that pushed hardest towards intent `label`, strongest first.
  public func weightiestWords(_ analysis: TextAnalyzer.Analysis, towards label: Int, limit: Int = 5)
    -> [(word: String, weight: Float)]
  {
    let featureKeys = keys.keys(for: analysis)
    var byWord = [Float](repeating: 0, count: analysis.words.count)
    func add(_ key: UInt64, origin: Int, index: [UInt64: Int32], scale: Float) {
      guard let feature = index[key], origin < byWord.count else { return }
      byWord[origin] += scale * space.idf[Int(feature)] * model.weights[Int(feature) * model.classCount + label]
    }
    for (key, origin) in zip(featureKeys.words, featureKeys.wordOrigins) {
      add(key, origin: origin, index: space.wordIndex, scale: 1)
    }
    for (key, origin) in zip(featureKeys.characters, featureKeys.characterOrigins) {
      add(key, origin: origin, index: space.characterIndex, scale: space.characterWeight / 4)
    }
    return byWord.indices.sorted { byWord[$0] > byWord[$1] }.prefix(limit)
      .filter { byWord[$0] > 0 }
      .map { (analysis.words[$0], byWord[$0]) }
  }
}
