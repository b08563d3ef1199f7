import CEncoderKernels

/// How the layers' matrices are packed for the default kernel (``MatrixKernel/native``), chosen
/// once when an ``EncoderWeights`` is read. Both take 2 bytes a weight; they differ in the
/// arithmetic a processor offers (docs/performance.md, "int16 panels", has the figures).
public enum PanelFormat: String, CaseIterable, Sendable {
  /// The file's halves in panels of 16 rows, multiplied in f32 with AVX2 + FMA + F16C (or a
  /// plain loop without them).
  case half
  /// Each row scaled to int16 (±8191), in groups of 64 rows, multiplied with AVX-512 VNNI's
  /// two-at-a-time integer multiply-adds, each token's inputs scaled to int16 as the layer runs:
  /// about twice the half panels' speed on a short question, at the same parity (cosine ≥ 0.999
  /// with the fp32 reference). Without VNNI the same numbers go through a portable loop.
  case int16

  /// The faster format on this processor: int16 where it has AVX-512 VNNI, half otherwise.
  public static var best: PanelFormat { faqbot_kernels_have_avx512_vnni() != 0 ? .int16 : .half }

  /// How many 2-byte values a `rows × columns` matrix takes packed.
  func count(rows: Int, columns: Int) -> Int {
    switch self {
    case .half: faqbot_f16_panels_count(rows, columns)
    case .int16: faqbot_i16_panels_count(rows, columns)
    }
  }

  /// How many row scales a matrix of `rows` needs packed (none for halves).
  func scalesCount(rows: Int) -> Int {
    switch self {
    case .half: 0
    case .int16: faqbot_i16_scales_count(rows)
    }
  }
}
