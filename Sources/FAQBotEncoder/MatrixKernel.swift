import CEncoderKernels

/// How the linear layers' products are computed. They are nearly all of the work (~21 MFLOP a
/// token); the others exist so that docs/performance.md can measure the choice side by side,
/// and so the tests can check the fast one against a plain loop.
public enum MatrixKernel: String, CaseIterable, Sendable {
  /// The default, on the packed panels (``WeightPanels``) in the weights' ``PanelFormat``: for
  /// int16 panels, AVX-512 VNNI tiles of up to 3 tokens times 64 rows; for half panels, C with
  /// AVX2 + FMA + F16C when the processor has them (chosen at run time), tiles of up to 6 tokens
  /// times 16 rows, sums kept in registers; a plain C loop on the panels otherwise.
  case native
  /// The kernel before the panels (kept to measure against): AVX2 dot products along each
  /// file row, 4 tokens times 3 rows a tile, a horizontal sum per output.
  case rowTiles
  /// The portable C loop (what the compiler vectorises for the x86-64 baseline).
  case portableC
  /// Swift SIMD16 vectors, 4 tokens a row; Swift compiles them for the x86-64 baseline (SSE2,
  /// no F16C: each half is widened in software).
  case simdSwift
  /// One scalar Swift multiply-add at a time.
  case naiveSwift

  /// `output[t · rows + r] = Σ_c input[t · columns + c] · w[r, c] + bias[r]`; `scratch` holds
  /// the int16 panels' scaled inputs (``QuantisedInputs``), needed only for those.
  func linear(
    _ matrix: HalfMatrix, bias: FloatVector, input: UnsafePointer<Float>, tokens: Int,
    output: UnsafeMutablePointer<Float>, scratch: QuantisedInputs?
  ) {
    let (rows, columns) = (matrix.rows, matrix.columns)
    switch self {
    case .native where matrix.format == .int16:
      guard let scratch, tokens <= scratch.tokens, columns <= scratch.columns else {
        preconditionFailure("the int16 panels need scratch for \(tokens) tokens of \(columns) values")
      }
      faqbot_i16_panel_linear(
        input, tokens, columns, matrix.panels.assumingMemoryBound(to: Int16.self), matrix.panelScales,
        bias.values, rows, output, scratch.values, scratch.scales)
    case .native:
      faqbot_f16_panel_linear(
        input, tokens, columns, matrix.panels.assumingMemoryBound(to: UInt16.self), bias.values, rows, output)
    case .rowTiles:
      faqbot_f16_linear(input, tokens, columns, matrix.values, bias.values, rows, output)
    case .portableC:
      faqbot_f16_linear_portable(input, tokens, columns, matrix.values, bias.values, rows, output)
    case .naiveSwift:
      let weights = UnsafeRawPointer(matrix.values).assumingMemoryBound(to: Float16.self)
      for t in 0..<tokens {
        for r in 0..<rows {
          var sum: Float = 0
          for c in 0..<columns { sum += input[t * columns + c] * Float(weights[r * columns + c]) }
          output[t * rows + r] = sum + bias.values[r]
        }
      }
    case .simdSwift:
      Self.simdLinear(matrix, bias: bias, input: input, tokens: tokens, output: output)
    }
  }

  private static func simdLinear(
    _ matrix: HalfMatrix, bias: FloatVector, input: UnsafePointer<Float>, tokens: Int,
    output: UnsafeMutablePointer<Float>
  ) {
    let (rows, columns) = (matrix.rows, matrix.columns)
    let raw = UnsafeRawPointer(input)
    let halves = UnsafeRawPointer(matrix.values)
    let scalar = halves.assumingMemoryBound(to: Float16.self)
    let wide = columns / 16 * 16
    for r in 0..<rows {
      let row = halves + r * columns * 2
      var t = 0
      while t < tokens {
        let count = min(4, tokens - t)
        var sums = (SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>())
        var c = 0
        while c < wide {
          let w = SIMD16<Float>(row.loadUnaligned(fromByteOffset: c * 2, as: SIMD16<Float16>.self))
          func x(_ k: Int) -> SIMD16<Float> {
            raw.loadUnaligned(fromByteOffset: ((t + k) * columns + c) * 4, as: SIMD16<Float>.self)
          }
          sums.0 += x(0) * w
          if count > 1 { sums.1 += x(1) * w }
          if count > 2 { sums.2 += x(2) * w }
          if count > 3 { sums.3 += x(3) * w }
          c += 16
        }
        let totals = [sums.0.sum(), sums.1.sum(), sums.2.sum(), sums.3.sum()]
        for k in 0..<count {
          var sum = totals[k]
          for tail in wide..<columns {
            sum += input[(t + k) * columns + tail] * Float(scalar[r * columns + tail])
          }
          output[(t + k) * rows + r] = sum + bias.values[r]
        }
        t += count
      }
    }
  }
}
