import CEncoderKernels

/// Multi-head self-attention over one sentence's tokens, from the stacked query, key and
/// value projections. Sentences of a batch share the linear layers (their tokens are stacked)
/// but each attends only to itself, so there is no padding and no mask.
enum Attention {
  /// Writes each head's attention-weighted values into `context` (`tokens × hidden`).
  /// `queryKeyValue` is `tokens × 3·hidden` (queries, then keys, then values, each split into
  /// `heads` slices of `headSize`); `scores` has room for `tokens × tokens` floats.
  static func apply(
    queryKeyValue: UnsafePointer<Float>, tokens: Int, configuration: EncoderConfiguration,
    scores: UnsafeMutablePointer<Float>, context: UnsafeMutablePointer<Float>
  ) {
    let hidden = configuration.hidden
    let size = configuration.headSize
    let stride = 3 * hidden
    let scale = 1 / Float(size).squareRoot()
    for head in 0..<configuration.heads {
      let queries = queryKeyValue + head * size
      let keys = queries + hidden
      let values = queries + 2 * hidden
      faqbot_f32_scores(queries, stride, keys, stride, tokens, tokens, size, scale, scores, tokens)
      faqbot_softmax_rows(scores, tokens, tokens, tokens)
      faqbot_f32_weighted_sum(scores, tokens, values, stride, tokens, size, tokens, context + head * size, hidden)
    }
  }
}
