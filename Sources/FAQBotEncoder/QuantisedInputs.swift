import CEncoderKernels

/// Scratch for the int16 panel kernel: up to `tokens` tokens' inputs of up to `columns`
/// values, scaled to int16 as a layer runs, and each token's scale. One per encode call, as the
/// rest of its workspace, so never shared between threads.
final class QuantisedInputs {
  let tokens: Int
  let columns: Int
  let values: UnsafeMutablePointer<Int16>
  let scales: UnsafeMutablePointer<Float>

  init(tokens: Int, columns: Int) {
    self.tokens = tokens
    self.columns = columns
    values = .allocate(capacity: faqbot_i16_scratch_count(tokens, columns))
    scales = .allocate(capacity: max(tokens, 1))
  }

  deinit {
    values.deallocate()
    scales.deallocate()
  }
}
