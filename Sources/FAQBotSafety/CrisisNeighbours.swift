import FAQBotVectors
import Foundation

/// The crisis classifier's semantic signal: how much nearer a sentence is to the training
/// crisis sentences than to the benign ones, over the static token vectors (``TokenVectors``).
///
/// The hashed n-grams of ``CrisisClassifier`` know only the words the training messages spelt;
/// the token vectors put "meds" near "pills" and "idc" near "dont care", so a new phrasing of a
/// training message lands near it. A sentence's vector is the sum of its WordPiece pieces' rows,
/// projected onto the 64 principal axes of the training sentences and normalised; the margin is
/// the mean cosine of its 3 nearest crisis sentences minus that of its 3 nearest benign ones
/// (those with a cue word, which is all the classifier is asked about). The training script
/// (`scripts/train-crisis-classifier`) computes the same and fits how much the margin counts;
/// the sentences and the projection are in CrisisNeighbours+Prototypes.swift.
///
/// About 2,100 sentences of 64 floats: one pass of multiply-adds over half a megabyte per
/// sentence, laid out in panels of 32 sentences so that each query value is loaded once per
/// panel and the sums stay in registers.
struct CrisisNeighbours: Sendable {
  /// Sentences per panel: 8 accumulators of 4 lanes, within SSE2's 16 registers.
  static let panelWidth = 32

  private let vectors: TokenVectors
  /// `vectors.dimensions × dimensions` floats: input dimension `k`'s weight on axis `j` at
  /// `k * dimensions + j`.
  private let projection: [Float]
  private let crisis: CrisisNeighbourPanels
  private let benign: CrisisNeighbourPanels
  private let dimensions: Int
  private let nearest: Int

  /// The committed neighbours on the embedded token vectors; nil if those are missing or are
  /// not the ones the neighbours were made from (the tests rule both out).
  static let trained: CrisisNeighbours? = {
    guard let vectors = TokenVectors.embedded, vectors.recordedHash == trainedTokenVectorsHash else {
      return nil
    }
    return CrisisNeighbours(vectors: vectors)
  }()

  private init(vectors: TokenVectors) {
    self.vectors = vectors
    dimensions = Self.trainedDimensions
    nearest = Self.trainedNearest
    let inputs = vectors.dimensions
    let weights = Self.decode(Self.trainedProjection)
    var projection = [Float](repeating: 0, count: inputs * dimensions)
    if weights.count == projection.count {
      for k in 0..<inputs {
        for j in 0..<dimensions {
          projection[k * dimensions + j] =
            Float(weights[k * dimensions + j]) * Self.trainedProjectionScales[j]
        }
      }
    }
    self.projection = projection
    let prototypes = Self.decode(Self.trainedPrototypes)
    let split = min(prototypes.count, Self.trainedCrisisCount * dimensions)
    crisis = CrisisNeighbourPanels(prototypes[..<split], dimensions: dimensions)
    benign = CrisisNeighbourPanels(prototypes[split...], dimensions: dimensions)
  }

  private static func decode(_ base64: String) -> [Int8] {
    guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else { return [] }
    // Copied as a block: `data.map` went through Data's generic iterator, byte by byte, a few
    // milliseconds of every start.
    return data.withUnsafeBytes { Array($0.bindMemory(to: Int8.self)) }
  }

  /// The margin of one sentence (lowercase ASCII words, as ``CrisisClassifier/chunks(_:)``
  /// makes them); 0 when none of its words has pieces.
  func margin(_ words: [[UInt8]]) -> Float {
    var pieces: [Int32] = []
    for word in words { vectors.appendPieces(of: String(decoding: word, as: UTF8.self), to: &pieces) }
    guard !pieces.isEmpty else { return 0 }
    let inputs = vectors.dimensions
    return withUnsafeTemporaryAllocation(of: Float.self, capacity: inputs + dimensions) { buffer in
      let sum = UnsafeMutableBufferPointer(rebasing: buffer[..<inputs])
      let query = UnsafeMutableBufferPointer(rebasing: buffer[inputs...])
      sum.initialize(repeating: 0)
      // The Int8 rows add exactly in Float; the scales come after, as the script applies them.
      for piece in pieces {
        let row = vectors.row(piece)
        for d in 0..<inputs { sum[d] += Float(row[d]) }
      }
      for d in 0..<inputs { sum[d] *= vectors.scales[d] }
      project(UnsafeBufferPointer(sum), into: query)
      var norm: Float = 0
      for value in query { norm += value * value }
      norm = norm.squareRoot()
      guard norm > 0 else { return 0 }
      for j in query.indices { query[j] /= norm }
      let near = UnsafeBufferPointer(query)
      return crisis.meanOfNearest(near, count: nearest) - benign.meanOfNearest(near, count: nearest)
    }
  }

  /// `query[j] = Σ_k sum[k] · projection[k, j]`, four axes per SIMD lane.
  private func project(_ sum: UnsafeBufferPointer<Float>, into query: UnsafeMutableBufferPointer<Float>) {
    query.initialize(repeating: 0)
    projection.withUnsafeBytes { weights in
      let stride = dimensions * 4
      var j = 0
      while j + 4 <= dimensions {
        var accumulator = SIMD4<Float>()
        for k in 0..<sum.count {
          accumulator +=
            weights.loadUnaligned(fromByteOffset: k * stride + j * 4, as: SIMD4<Float>.self)
            * SIMD4(repeating: sum[k])
        }
        for lane in 0..<4 { query[j + lane] = accumulator[lane] }
        j += 4
      }
    }
  }
}
