/// One side's sentences of ``CrisisNeighbours``, `panelWidth` at a time: panel `p` holds, for
/// each dimension `k`, the `k`-th values of its sentences side by side (zeros past the last,
/// which are never counted as neighbours).
struct CrisisNeighbourPanels: Sendable {
  /// How many sentences.
  let count: Int
  /// The length of each sentence's vector.
  let dimensions: Int
  private let values: [Float]

  /// The sentences of `prototypes`, `dimensions` values each, every value an Int8 of 127ths.
  init(_ prototypes: ArraySlice<Int8>, dimensions: Int) {
    let width = CrisisNeighbours.panelWidth
    count = prototypes.count / dimensions
    self.dimensions = dimensions
    let panels = (count + width - 1) / width
    var values = [Float](repeating: 0, count: panels * dimensions * width)
    let base = prototypes.startIndex
    for sentence in 0..<count {
      let (panel, lane) = sentence.quotientAndRemainder(dividingBy: width)
      for k in 0..<dimensions {
        values[(panel * dimensions + k) * width + lane] =
          Float(prototypes[base + sentence * dimensions + k]) / 127
      }
    }
    self.values = values
  }

  /// The mean of the `nearest` highest cosines of `query` (`dimensions` values) with these
  /// sentences (of all of them when there are fewer; 0 when there are none).
  func meanOfNearest(_ query: UnsafeBufferPointer<Float>, count nearest: Int) -> Float {
    let nearest = min(nearest, count)
    guard nearest > 0 else { return 0 }
    return withUnsafeTemporaryAllocation(of: Float.self, capacity: nearest) { best in
      best.initialize(repeating: -.infinity)
      nearestCosines(query, into: best)
      return best.reduce(0, +) / Float(nearest)
    }
  }

  /// Fills `best` with the highest cosines of `query` with these sentences, highest first.
  private func nearestCosines(
    _ query: UnsafeBufferPointer<Float>, into best: UnsafeMutableBufferPointer<Float>
  ) {
    let width = CrisisNeighbours.panelWidth
    let nearest = best.count
    values.withUnsafeBytes { raw in
      withUnsafeTemporaryAllocation(of: SIMD4<Float>.self, capacity: width / 4) { lanes in
        var offset = 0
        for start in stride(from: 0, to: count, by: width) {
          var a0 = SIMD4<Float>(), a1 = SIMD4<Float>(), a2 = SIMD4<Float>(), a3 = SIMD4<Float>()
          var a4 = SIMD4<Float>(), a5 = SIMD4<Float>(), a6 = SIMD4<Float>(), a7 = SIMD4<Float>()
          for k in 0..<dimensions {
            let x = SIMD4<Float>(repeating: query[k])
            a0 += raw.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self) * x
            a1 += raw.loadUnaligned(fromByteOffset: offset + 16, as: SIMD4<Float>.self) * x
            a2 += raw.loadUnaligned(fromByteOffset: offset + 32, as: SIMD4<Float>.self) * x
            a3 += raw.loadUnaligned(fromByteOffset: offset + 48, as: SIMD4<Float>.self) * x
            a4 += raw.loadUnaligned(fromByteOffset: offset + 64, as: SIMD4<Float>.self) * x
            a5 += raw.loadUnaligned(fromByteOffset: offset + 80, as: SIMD4<Float>.self) * x
            a6 += raw.loadUnaligned(fromByteOffset: offset + 96, as: SIMD4<Float>.self) * x
            a7 += raw.loadUnaligned(fromByteOffset: offset + 112, as: SIMD4<Float>.self) * x
            offset += width * 4
          }
          (lanes[0], lanes[1], lanes[2], lanes[3]) = (a0, a1, a2, a3)
          (lanes[4], lanes[5], lanes[6], lanes[7]) = (a4, a5, a6, a7)
          for lane in 0..<min(width, count - start) {
            let similarity = lanes[lane / 4][lane % 4]
            guard similarity > best[nearest - 1] else { continue }
            // Keep `best` sorted, highest first.
            var slot = nearest - 1
            while slot > 0 && best[slot - 1] < similarity {
              best[slot] = best[slot - 1]
              slot -= 1
            }
            best[slot] = similarity
          }
        }
      }
    }
  }
}
