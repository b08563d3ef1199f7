import Foundation

extension IntentClassifier {
  /// The encoder mode's prediction: the fast model and the ``EncoderHead`` mixed, and the
  /// confidence of the best intent made of its mixed probability and the cosine between
  /// `sentence` (the question's unit-length vector) and its nearest training question
  /// (``EncoderMix``). Without a head, or for a vector of the wrong length, it is the fast
  /// prediction.
  ///
  /// The in-scope share of the fast mode does not scale the probabilities here: a paraphrase
  /// in words the examples never use is what the encoder is for, and the nearest-question
  /// cosine is the better sign of a question about something else. It is still reported.
  public func predict(_ analysis: TextAnalyzer.Analysis, sentence: [Float], mix: EncoderMix) -> Prediction {
    guard let head = encoderHead, sentence.count == head.model.featureCount,
      head.model.classCount == intentIds.count
    else { return predict(analysis) }
    let fast = conditionalProbabilities(analysis).probabilities
    let encoded = head.probabilities(for: sentence)
    var mixed = [Float](repeating: 0, count: fast.count)
    var largest = -Float.infinity
    for c in mixed.indices {
      let value =
        (1 - mix.headWeight) * Foundation.log(max(fast[c], 1e-30)) + mix.headWeight
        * Foundation.log(max(encoded[c], 1e-30))
      mixed[c] = value
      largest = max(largest, value)
    }
    var total: Float = 0
    for c in mixed.indices {
      mixed[c] = Foundation.exp(mixed[c] - largest)
      total += mixed[c]
    }
    if total > 0 { for c in mixed.indices { mixed[c] /= total } }
    let ranking = Self.mostProbable(mixed, count: Self.rankingDepth)
    let inScope = inScopeShare(analysis.stems)
    guard let best = ranking.first else {
      return Prediction(probabilities: mixed, inScope: inScope, ranking: ranking, hasEvidence: false)
    }
    let cosine = head.examples.nearestCosine(to: sentence, among: ranking)
    let span = max(1e-6, mix.cosineCeiling - mix.cosineFloor)
    let closeness = min(1, max(0, (cosine - mix.cosineFloor) / span))
    let confidence = (1 - mix.cosineWeight) * mixed[best] + mix.cosineWeight * closeness
    // The best intent's probability becomes the confidence; the others keep their ratio to
    // it, so the ranking and the candidates' order are the mixed model's.
    let factor = mixed[best] > 0 ? confidence / mixed[best] : 0
    return Prediction(
      probabilities: mixed.map { min(1, $0 * factor) }, inScope: inScope, ranking: ranking, hasEvidence: true)
  }
}
