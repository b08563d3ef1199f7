import CEncoderKernels

/// The layers' matrices repacked once for the panel kernel (`faqbot_f16_panel_linear`): for each
/// 16 output rows, the 16 halves of every input column side by side, so a tile of tokens reads
/// its weights in order and keeps its sums in registers (docs/performance.md, "The contextual
/// encoder", has what the layout buys). Still half precision: 21 MB for all-MiniLM-L6-v2, where
/// floats would be 42 MB and twice the memory traffic a question.
///
/// Packed when an ``EncoderWeights`` is read (about 20-60 ms for the embedded file, once a
/// process); the file's own row layout is kept for the other kernels and the tests, its pages
/// unmapped from the process once packed (``pack(_:releasingRows:)``).
final class WeightPanels: @unchecked Sendable {
  // @unchecked: written only while the owning EncoderWeights is initialised, read-only after.
  let halves: UnsafeMutablePointer<UInt16>
  private var packed = 0
  private let count: Int

  /// How many halves a `rows × columns` matrix takes packed.
  static func count(rows: Int, columns: Int) -> Int { faqbot_f16_panels_count(rows, columns) }

  /// Room for every layer matrix of a model of `configuration`'s shape, in file order.
  init(configuration: EncoderConfiguration) {
    let (hidden, intermediate) = (configuration.hidden, configuration.intermediate)
    let perLayer =
      Self.count(rows: 3 * hidden, columns: hidden) + Self.count(rows: hidden, columns: hidden)
      + Self.count(rows: intermediate, columns: hidden) + Self.count(rows: hidden, columns: intermediate)
    count = perLayer * configuration.layers
    let raw = UnsafeMutableRawPointer.allocate(byteCount: count * 2, alignment: 64)
    halves = raw.bindMemory(to: UInt16.self, capacity: count)
  }

  /// Packs `matrix` into its panels (the next ones, in file order); `releasingRows` when its
  /// rows are pages of the binary (the embedded file), not of a copy in memory.
  func pack(_ matrix: HalfMatrix, releasingRows: Bool) {
    let size = Self.count(rows: matrix.rows, columns: matrix.columns)
    precondition(UnsafePointer(halves + packed) == matrix.panels && packed + size <= count)
    faqbot_f16_pack_panels(matrix.values, matrix.rows, matrix.columns, halves + packed)
    // The default kernel reads only the panels: the rows' pages (21 MB of the embedded file)
    // need not stay in this process beside them. The other kernels map them back if they run.
    if releasingRows { faqbot_release_pages(matrix.values, matrix.rows * matrix.columns * 2) }
    packed += size
  }

  deinit { halves.deallocate() }
}
