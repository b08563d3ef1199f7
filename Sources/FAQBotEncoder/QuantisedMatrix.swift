/// A matrix of the weights file, read in place: int8 rows with one scale per row and one per
/// column (`scripts/convert-minilm`), so that its value at (r, c) is `q[r, c] · rows[r] ·
/// columns[c]`. Rows are PyTorch's `[out, in]`: a linear layer is one dot product per row.
struct QuantisedMatrix: @unchecked Sendable {
  // @unchecked: the pointers are into read-only bytes that outlive the value (the binary's, or
  // the copy an ``EncoderWeights`` keeps) and nothing writes through them.
  let rows: Int
  let columns: Int
  let columnScales: UnsafePointer<Float>
  let rowScales: UnsafePointer<Float>
  let values: UnsafePointer<Int8>

  /// Row `row` as floats, added to `output` (the embeddings' lookup).
  func addRow(_ row: Int, to output: UnsafeMutablePointer<Float>) {
    let start = values + row * columns
    let scale = rowScales[row]
    for c in 0..<columns { output[c] += Float(start[c]) * scale * columnScales[c] }
  }
}

/// A layer's float parameters (a bias, a LayerNorm weight): `count` floats in place.
struct FloatVector: @unchecked Sendable {
  // @unchecked: as ``QuantisedMatrix``.
  let count: Int
  let values: UnsafePointer<Float>
}
