/// An embedding table of the weights file, read in place: int8 rows with one scale per row
/// (`scripts/convert-minilm`), so that its value at (r, c) is `q[r, c] · scales[r]`. Only looked
/// up, one row a token, so its rounding stays out of the products (cosine ≥ 0.99995 alone).
struct QuantisedTable: @unchecked Sendable {
  // @unchecked: the pointers are into read-only bytes that outlive the value (the binary's, or
  // the copy an ``EncoderWeights`` keeps) and nothing writes through them.
  let rows: Int
  let columns: Int
  let rowScales: UnsafePointer<Float>
  let values: UnsafePointer<Int8>

  /// Row `row` as floats, added to `output`.
  func addRow(_ row: Int, to output: UnsafeMutablePointer<Float>) {
    let start = values + row * columns
    let scale = rowScales[row]
    for c in 0..<columns { output[c] += Float(start[c]) * scale }
  }
}

/// A layer's weight matrix: IEEE half-precision rows of PyTorch's `[out, in]` read in place,
/// and the same numbers packed for the default kernel (``WeightPanels``, in its
/// ``PanelFormat``). Half precision in the file, not int8, because int8 left short questions at
/// cosine 0.998 (`scripts/convert-minilm` says what was tried).
struct HalfMatrix: @unchecked Sendable {
  // @unchecked: as ``QuantisedTable`` (the panels belong to the ``EncoderWeights``' storage).
  let rows: Int
  let columns: Int
  let values: UnsafePointer<UInt16>
  /// How ``panels`` is laid out.
  let format: PanelFormat
  /// `format.count(rows:columns:)` values: halves in `faqbot_f16_pack_panels`' layout, or
  /// int16 in `faqbot_i16_pack_panels`'.
  let panels: UnsafeRawPointer
  /// The int16 panels' row scales (`format.scalesCount(rows:)` floats; unused for halves).
  let panelScales: UnsafePointer<Float>
}

/// A layer's float parameters (a bias, a LayerNorm weight): `count` floats in place.
struct FloatVector: @unchecked Sendable {
  // @unchecked: as ``QuantisedTable``.
  let count: Int
  let values: UnsafePointer<Float>
}
