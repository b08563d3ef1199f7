import FAQBotModelStore

extension EngineResources {
  /// The model of these resources, trained on the pack of `packHash`: the classifier, the
  /// pack, the analyzer's vocabulary, the subject check's and a knowledge-only pack's passage
  /// vectors, everything a later start would otherwise compute again. It lives here, not in
  /// the model store, because the store sits below the engine.
  public func trainedModel(packHash: String) -> TrainedModel {
    TrainedModel(
      classifier: classifier, packHash: packHash, pack: pack, vocabulary: analyzer.vocabulary,
      subjects: subjects.contents, passageVectors: semanticRetriever?.storedVectors)
  }
}
