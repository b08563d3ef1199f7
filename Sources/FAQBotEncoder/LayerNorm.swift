/// BERT's LayerNorm (epsilon 1e-12) over each token's `hidden` values, in place, after adding
/// the residual: the two always come together in the encoder, and one pass reads each value
/// once less.
enum LayerNorm {
  static let epsilon: Float = 1e-12

  /// `x[t] = norm(x[t] + residual[t])` for each of `tokens` rows of `weight.count` values.
  static func apply(
    _ x: UnsafeMutablePointer<Float>, adding residual: UnsafePointer<Float>?, tokens: Int,
    weight: FloatVector, bias: FloatVector
  ) {
    let hidden = weight.count
    for t in 0..<tokens {
      let row = x + t * hidden
      if let residual {
        let source = residual + t * hidden
        for i in 0..<hidden { row[i] += source[i] }
      }
      var mean: Float = 0
      for i in 0..<hidden { mean += row[i] }
      mean /= Float(hidden)
      var variance: Float = 0
      for i in 0..<hidden {
        let centred = row[i] - mean
        variance += centred * centred
      }
      let inverse = 1 / (variance / Float(hidden) + epsilon).squareRoot()
      for i in 0..<hidden { row[i] = (row[i] - mean) * inverse * weight.values[i] + bias.values[i] }
    }
  }
}
