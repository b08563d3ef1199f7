import CEncoderKernels

/// The layers' matrices repacked once for the default kernel, in a ``PanelFormat``: the f16
/// panels (`faqbot_f16_panel_linear`: for each 16 output rows, the 16 halves of every input
/// column side by side, so a tile of tokens reads its weights in order and keeps its sums in
/// registers) or the int16 panels (`faqbot_i16_panel_linear`, groups of 64 rows for AVX-512
/// VNNI). docs/performance.md, "The contextual encoder", has what each layout buys. Both are
/// 2 bytes a weight: 21 MB for all-MiniLM-L6-v2, where floats would be 42 MB and twice the
/// memory traffic a question.
///
/// Packed when an ``EncoderWeights`` is read (about 20-60 ms for the embedded file, once a
/// process); the file's own row layout is kept for the other kernels and the tests, its pages
/// unmapped from the process once packed (``pack(_:releasingRows:)``).
final class WeightPanels: @unchecked Sendable {
  // @unchecked: written only while the owning EncoderWeights is initialised (each matrix by one
  // thread, to its own place), read-only after.
  let format: PanelFormat
  /// The packed values: UInt16 halves or Int16 integers, by ``format``.
  let values: UnsafeMutableRawPointer
  /// The int16 format's row scales (one per packed row); empty for halves.
  let scales: UnsafeMutablePointer<Float>
  private var packed = 0
  private var packedScales = 0
  private let count: Int
  private let scalesCount: Int

  /// Room for every layer matrix of a model of `configuration`'s shape, in file order.
  init(configuration: EncoderConfiguration, format: PanelFormat) {
    let (hidden, intermediate) = (configuration.hidden, configuration.intermediate)
    let shapes = [(3 * hidden, hidden), (hidden, hidden), (intermediate, hidden), (hidden, intermediate)]
    self.format = format
    count = shapes.reduce(0) { $0 + format.count(rows: $1.0, columns: $1.1) } * configuration.layers
    scalesCount = shapes.reduce(0) { $0 + format.scalesCount(rows: $1.0) } * configuration.layers
    // 2 MB aligned, and huge pages asked for: written once a process, 21 MB of 4 KB pages were
    // about 5,000 page faults of `faqbot ask --encoder`'s start.
    values = UnsafeMutableRawPointer.allocate(byteCount: count * 2, alignment: 1 << 21)
    faqbot_advise_huge_pages(values, count * 2)
    scales = .allocate(capacity: max(scalesCount, 1))
  }

  /// Where the next matrix of `rows × columns` goes (file order): its values and its scales.
  func reserve(rows: Int, columns: Int) -> (values: UnsafeRawPointer, scales: UnsafePointer<Float>) {
    defer {
      packed += format.count(rows: rows, columns: columns)
      packedScales += format.scalesCount(rows: rows)
    }
    return (UnsafeRawPointer(values + packed * 2), UnsafePointer(scales + packedScales))
  }

  /// Packs `matrix` into the place ``reserve(rows:columns:)`` gave it; `releasingRows` when its
  /// rows are pages of the binary (the embedded file), not of a copy in memory.
  func pack(_ matrix: HalfMatrix, releasingRows: Bool) {
    let start = matrix.panels - UnsafeRawPointer(values)
    precondition(start >= 0 && start / 2 + format.count(rows: matrix.rows, columns: matrix.columns) <= count)
    let (rows, columns, place) = (matrix.rows, matrix.columns, values.advanced(by: start))
    switch format {
    case .half:
      faqbot_f16_pack_panels(matrix.values, rows, columns, place.assumingMemoryBound(to: UInt16.self))
    case .int16:
      faqbot_i16_pack_panels(
        matrix.values, rows, columns, place.assumingMemoryBound(to: Int16.self),
        UnsafeMutablePointer(mutating: matrix.panelScales))
    }
    // The default kernel reads only the panels: the rows' pages (21 MB of the embedded file)
    // need not stay in this process beside them. The other kernels map them back if they run.
    if releasingRows { faqbot_release_pages(matrix.values, matrix.rows * matrix.columns * 2) }
  }

  deinit {
    values.deallocate()
    scales.deallocate()
  }
}
