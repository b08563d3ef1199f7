import CEncoderKernels

/// Multi-head self-attention over one sentence's tokens, from the stacked query, key and
/// value projections. Sentences of a batch share the linear layers (their tokens are stacked)
/// but each attends only to itself, so there is no padding and no mask.
enum Attention {
  /// How many floats of scratch ``apply(queryKeyValue:tokens:configuration:scratch:context:)``
  /// needs for a sentence of `tokens`.
  static func scratchCount(tokens: Int, configuration: EncoderConfiguration) -> Int {
    faqbot_attention_scratch_count(tokens, configuration.headSize)
  }

  /// Writes each head's attention-weighted values into `context` (`tokens × hidden`).
  /// `queryKeyValue` is `tokens × 3·hidden` (queries, then keys, then values, each split into
  /// `heads` slices of `headSize`); `scratch` has room for ``scratchCount(tokens:configuration:)``.
  /// The C kernel vectorises heads of 32 (MiniLM's): scores, softmax and weighted sum.
  static func apply(
    queryKeyValue: UnsafePointer<Float>, tokens: Int, configuration: EncoderConfiguration,
    scratch: UnsafeMutablePointer<Float>, context: UnsafeMutablePointer<Float>
  ) {
    faqbot_attention(queryKeyValue, tokens, configuration.hidden, configuration.heads, scratch, context)
  }
}
