import CMatchingKernels
import FAQBotVectors
import Foundation

/// The dense block of a question's features: the mean of its pieces' ``TokenVectors`` rows,
/// each weighted by the piece's inverse document frequency in the pack's examples, scaled to
/// length ``weight``.
///
/// The IDF weighting is what keeps "how do I" from pulling every question to the same place:
/// pieces in many examples count little, rare ones a lot, as in the TF-IDF block beside it.
/// It reads the words as the question wrote them (``TextAnalyzer/Analysis/surface``), not as
/// typo correction made them: the vectors know English words the pack's examples do not, and
/// "correcting" an unseen word into a pack word would give it the wrong meaning.
public struct TokenEmbedding: Sendable {
  /// The static token vectors the block averages.
  public let vectors: TokenVectors
  /// The length of the block in a feature vector (the sparse blocks each have length 1).
  public let weight: Float
  /// The examples the frequencies were counted on.
  public let exampleCount: Int
  /// The pieces seen in the examples, sorted, and in how many examples each occurs: what the
  /// model file stores.
  public let pieces: [Int32]
  /// For each of `pieces`, how many examples it occurs in.
  public let documentFrequencies: [UInt32]
  /// For each of `pieces`, the dense block's contribution to each class score per unit of
  /// weight (``projected(onto:firstIndex:)``): `pieces.count × classes` floats, empty until
  /// the model is trained; read in place from a mapped model file like the weights (3.1 MB
  /// on CLINC150 that would otherwise be copied out of it).
  public let projections: WeightMatrix
  /// Piece → its IDF and its position in `pieces`.
  private let known: [Int32: (idf: Float, slot: Int32)]
  /// The IDF of a piece no example has: the largest there is.
  private let unseenIDF: Float

  /// As long as each sparse block. Chosen on CLINC150's val split: 1.5 (what scikit-learn's
  /// logistic regression preferred in the Python measurement) gave the same top-1 and a
  /// lower AUROC (96.3% against 96.8%), 2.5 less of both.
  public static let defaultWeight: Float = 1

  /// Counts the pieces of each example's words.
  public init(vectors: TokenVectors, examples: [[String]], weight: Float = TokenEmbedding.defaultWeight) {
    self.init(
      vectors: vectors, examplePieces: Self.pieces(ofExamples: examples, vectors: vectors), weight: weight)
  }

  /// Counts the pieces of each example, split already (``pieces(ofExamples:vectors:)``).
  public init(vectors: TokenVectors, examplePieces: [[Int32]], weight: Float = TokenEmbedding.defaultWeight) {
    var frequency: [Int32: UInt32] = [:]
    for pieces in examplePieces {
      for piece in Set(pieces) { frequency[piece, default: 0] += 1 }
    }
    let sorted = frequency.keys.sorted()
    self.init(
      vectors: vectors, weight: weight, exampleCount: examplePieces.count, pieces: sorted,
      documentFrequencies: sorted.map { frequency[$0] ?? 0 })
  }

  /// The pieces of each example's words, each distinct word split once.
  public static func pieces(ofExamples examples: [[String]], vectors: TokenVectors) -> [[Int32]] {
    var cache: [String: [Int32]] = [:]
    return examples.map { words in
      var pieces: [Int32] = []
      for word in words {
        if let known = cache[word] {
          pieces += known
        } else {
          let start = pieces.count
          vectors.appendPieces(of: word, to: &pieces)
          cache[word] = Array(pieces[start...])
        }
      }
      return pieces
    }
  }

  /// Restores an embedding from a model file's fields (``TrainedModel`` checks them first).
  package init(
    vectors: TokenVectors, weight: Float, exampleCount: Int, pieces: [Int32], documentFrequencies: [UInt32],
    projections: [Float] = []
  ) {
    self.init(
      vectors: vectors, weight: weight, exampleCount: exampleCount, pieces: pieces,
      documentFrequencies: documentFrequencies, projections: WeightMatrix(projections))
  }

  /// The same, the projections as stored (in place in a mapped model file, or not).
  package init(
    vectors: TokenVectors, weight: Float, exampleCount: Int, pieces: [Int32], documentFrequencies: [UInt32],
    projections: WeightMatrix
  ) {
    self.vectors = vectors
    self.weight = weight
    self.exampleCount = exampleCount
    self.pieces = pieces
    self.documentFrequencies = documentFrequencies
    self.projections = projections
    let total = Float(exampleCount)
    var known: [Int32: (idf: Float, slot: Int32)] = [:]
    known.reserveCapacity(pieces.count)
    for (slot, (piece, frequency)) in zip(pieces, documentFrequencies).enumerated() {
      known[piece] = (log((1 + total) / (1 + Float(frequency))) + 1, Int32(slot))
    }
    self.known = known
    unseenIDF = log(1 + total) + 1
  }

  /// The length of the block: the token vectors' dimensions.
  public var dimensions: Int { vectors.dimensions }

  /// Appends the block for `words` to `vector`, as features `firstIndex ..< firstIndex +
  /// dimensions`; nothing when no word has known pieces.
  public func append(_ words: [String], firstIndex: Int, to vector: inout SparseVector) {
    append(pieces: pieces(of: words), firstIndex: firstIndex, to: &vector)
  }

  /// Appends the block for words split into `pieces` already.
  public func append(pieces: [Int32], firstIndex: Int, to vector: inout SparseVector) {
    guard !pieces.isEmpty else { return }
    weightedSum(pieces) { sum in
      let norm = Self.length(sum)
      guard norm > 0 else { return }
      let scale = weight / norm
      vector.indices.reserveCapacity(vector.indices.count + sum.count)
      vector.values.reserveCapacity(vector.values.count + sum.count)
      for d in 0..<sum.count {
        vector.indices.append(Int32(firstIndex + d))
        vector.values.append(sum[d] * scale)
      }
    }
  }

  /// This embedding with the ``projections`` of its pieces through `model`, whose dense rows
  /// start at feature `firstIndex`.
  ///
  /// A class's score from the block is `Σ_d x_d · W[d, c]`, and `x` is a weighted sum of rows
  /// times one factor, so the score is the same weighted sum of each piece's
  /// `Σ_d row_d · W[d, c]`. Computed once per piece here, a question then costs one row of
  /// class scores per piece instead of 256 (on CLINC150, the largest cost of an answer).
  public func projected(onto model: SoftmaxRegression, firstIndex: Int) -> TokenEmbedding {
    let classes = model.classCount
    var projections = [Float](repeating: 0, count: pieces.count * classes)
    model.weights.withUnsafeBufferPointer { weights in
      projections.withUnsafeMutableBufferPointer { projections in
        for (slot, piece) in pieces.enumerated() {
          let target = UnsafeMutableBufferPointer(
            rebasing: projections[slot * classes..<(slot + 1) * classes])
          project(piece, weights: weights, classes: classes, firstIndex: firstIndex, into: target)
        }
      }
    }
    return TokenEmbedding(
      vectors: vectors, weight: weight, exampleCount: exampleCount, pieces: pieces,
      documentFrequencies: documentFrequencies, projections: WeightMatrix(projections))
  }

  /// Adds the block's share of each class score for `words` to `scores`: what appending the
  /// block and multiplying by `model`'s weights would add, from the ``projections``.
  public func addScores(
    of words: [String], model: SoftmaxRegression, firstIndex: Int,
    to scores: UnsafeMutableBufferPointer<Float>
  ) {
    let pieces = self.pieces(of: words)
    guard !pieces.isEmpty, scores.count >= model.classCount else { return }
    let length = weightedSum(pieces, Self.length)
    guard length > 0 else { return }
    let factor = weight / length
    let unseen = unseenIDF
    for piece in pieces {
      let entry = known[piece]
      // The scale is computed out here so the closure captures two values, not `self`: a
      // capture of `self` copied the whole embedding (every array in it retained and
      // released) once per piece, 2% of a CLINC150 JSON run's samples.
      let scale = factor * (entry?.idf ?? unseen)
      withProjection(of: piece, slot: entry?.slot, model: model, firstIndex: firstIndex) { projection in
        SoftmaxRegression.addScaled(scale, projection, into: scores)
      }
    }
  }

  /// Each word's share of class `label`'s score from the block: its pieces' weights in the
  /// mean times their projections, what ``addScores(of:model:firstIndex:to:)`` adds, split by
  /// word (for `/why`, which would otherwise credit only the sparse features).
  public func contributions(
    of words: [String], to label: Int, model: SoftmaxRegression, firstIndex: Int
  ) -> [Float] {
    let split = words.map { pieces(of: [$0]) }
    let all = split.flatMap { $0 }
    guard !all.isEmpty, (0..<model.classCount).contains(label) else {
      return [Float](repeating: 0, count: words.count)
    }
    let length = weightedSum(all, Self.length)
    guard length > 0 else { return [Float](repeating: 0, count: words.count) }
    let factor = weight / length
    return split.map { pieces in
      pieces.reduce(0) { total, piece in
        let entry = known[piece]
        let score = withProjection(of: piece, slot: entry?.slot, model: model, firstIndex: firstIndex) {
          $0[label]
        }
        return total + factor * (entry?.idf ?? unseenIDF) * score
      }
    }
  }

  /// Calls `body` with `piece`'s projection, one score per class: the stored row for a piece
  /// of the examples (at `slot`), computed now for another (256 rows of work, for a piece
  /// that is rare by definition).
  private func withProjection<Result>(
    of piece: Int32, slot: Int32?, model: SoftmaxRegression, firstIndex: Int,
    _ body: (UnsafeBufferPointer<Float>) -> Result
  ) -> Result {
    let classes = model.classCount
    if let slot, projections.count == pieces.count * classes {
      let start = Int(slot) * classes
      return projections.withUnsafeBufferPointer {
        body(UnsafeBufferPointer(rebasing: $0[start..<start + classes]))
      }
    }
    return withUnsafeTemporaryAllocation(of: Float.self, capacity: classes) { projection in
      projection.initialize(repeating: 0)
      model.weights.withUnsafeBufferPointer { weights in
        project(piece, weights: weights, classes: classes, firstIndex: firstIndex, into: projection)
      }
      return body(UnsafeBufferPointer(projection))
    }
  }

  private func pieces(of words: [String]) -> [Int32] {
    var pieces: [Int32] = []
    for word in words { vectors.appendPieces(of: word, to: &pieces) }
    return pieces
  }

  /// `target += Σ_d row_d · W[firstIndex + d, ·]` for `piece`.
  private func project(
    _ piece: Int32, weights: UnsafeBufferPointer<Float>, classes: Int, firstIndex: Int,
    into target: UnsafeMutableBufferPointer<Float>
  ) {
    let row = vectors.row(piece)
    let dimensions = vectors.dimensions
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: dimensions) { features in
      withUnsafeTemporaryAllocation(of: Float.self, capacity: dimensions) { values in
        for d in 0..<dimensions {
          features[d] = Int32(firstIndex + d)
          values[d] = Float(row[d]) * vectors.scales[d]
        }
        SoftmaxRegression.addRows(
          UnsafeBufferPointer(features), UnsafeBufferPointer(values), scale: 1, of: weights, classes: classes,
          into: target)
      }
    }
  }

  /// Calls `body` with `Σ idf(piece) · row(piece)`, the scales applied.
  private func weightedSum<Result>(_ pieces: [Int32], _ body: (UnsafeMutableBufferPointer<Float>) -> Result)
    -> Result
  {
    let dimensions = vectors.dimensions
    return withUnsafeTemporaryAllocation(of: Float.self, capacity: dimensions) { sum in
      sum.initialize(repeating: 0)
      for piece in pieces {
        let weight = known[piece]?.idf ?? unseenIDF
        let row = vectors.row(piece)
        if let values = row.baseAddress, let base = sum.baseAddress {
          faqbot_add_scaled_int8(weight, values, min(dimensions, row.count), base)
        }
      }
      vectors.scales.withUnsafeBufferPointer { scales in
        for d in 0..<dimensions { sum[d] *= scales[d] }
      }
      return body(sum)
    }
  }

  private static func length(_ vector: UnsafeMutableBufferPointer<Float>) -> Float {
    var norm: Float = 0
    for value in vector { norm += value * value }
    return norm.squareRoot()
  }
}
