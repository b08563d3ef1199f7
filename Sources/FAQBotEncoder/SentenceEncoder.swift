import CEncoderKernels
import FAQBotVectors

/// all-MiniLM-L6-v2 in Swift: text to a 384-dimension sentence vector (mean of the last layer
/// over the tokens, L2-normalised), as sentence-transformers computes it, with no Python and
/// nothing read at run time but the weights compiled into the binary.
///
/// A value is immutable and `Sendable`: encode from any number of threads at once (each call
/// allocates its own scratch). A batch is faster per sentence than one at a time, because its
/// sentences' tokens go through each weight matrix together (``encode(_:)-([String])``).
public struct SentenceEncoder: Sendable {
  /// The most tokens a sentence is read to, [CLS] and [SEP] included: sentence-transformers'
  /// `max_seq_length` for this model (the rest of a longer text is dropped, as there).
  /// docs/performance.md has the time against length.
  public static let defaultTokenCap = 256
  /// How many tokens of a batch go through the linear layers together: enough to reuse each
  /// weight many times, few enough that the scratch (1.5 MB at 256) stays in the cache.
  static let groupTokens = 256

  /// The model this encoder runs.
  public let weights: EncoderWeights
  /// The most tokens a sentence is read to, [CLS] and [SEP] included, after the clamp in
  /// ``init(weights:tokenCap:kernel:)``.
  public let tokenCap: Int
  /// Which matrix-multiply implementation the linear layers use (see ``MatrixKernel``).
  public let kernel: MatrixKernel
  private let classifierToken: Int32
  private let separatorToken: Int32
  private let unknownToken: Int32

  /// An encoder on `weights`; `tokenCap` is clamped to 2 ... the model's positions.
  public init(
    weights: EncoderWeights, tokenCap: Int = SentenceEncoder.defaultTokenCap, kernel: MatrixKernel = .native
  ) {
    self.weights = weights
    self.tokenCap = min(max(tokenCap, 2), weights.configuration.positions)
    self.kernel = kernel
    // EncoderWeights refuses a file without these pieces; the fallbacks are BERT's ids.
    classifierToken = weights.vocabulary.id(of: "[CLS]") ?? 101
    separatorToken = weights.vocabulary.id(of: "[SEP]") ?? 102
    unknownToken = weights.vocabulary.id(of: "[UNK]") ?? 100
  }

  /// The encoder on the weights compiled into faqbot.
  public static func embedded(
    tokenCap: Int = SentenceEncoder.defaultTokenCap, kernel: MatrixKernel = .native
  ) throws(EncoderWeightsError) -> SentenceEncoder {
    SentenceEncoder(weights: try EncoderWeights.embedded.get(), tokenCap: tokenCap, kernel: kernel)
  }

  /// The length of a sentence vector.
  public var dimensions: Int { weights.configuration.hidden }

  /// The model's input for `text`: [CLS], BERT's uncased WordPiece pieces (``BasicTokenizer``,
  /// ``WordPiece``), [SEP], cut to ``tokenCap``.
  public func tokenIDs(_ text: String) -> [Int32] {
    var ids: [Int32] = [classifierToken]
    for word in BasicTokenizer.words(text) {
      WordPiece.appendPieces(of: word, in: weights.vocabulary, unknown: unknownToken, to: &ids)
      if ids.count >= tokenCap - 1 { break }
    }
    ids.removeSubrange(min(ids.count, tokenCap - 1)...)
    ids.append(separatorToken)
    return ids
  }

  /// The vector of one sentence (unit length).
  public func encode(_ text: String) -> [Float] { encode(tokenIDs: [tokenIDs(text)])[0] }

  /// The vectors of `texts`, in order.
  public func encode(_ texts: [String]) -> [[Float]] { encode(tokenIDs: texts.map(tokenIDs)) }

  /// The vectors of sentences given as token ids (``tokenIDs(_:)``); ids outside the
  /// vocabulary are read as [UNK], and sequences are cut to ``tokenCap``.
  public func encode(tokenIDs sentences: [[Int32]]) -> [[Float]] {
    let vocabulary = Int32(weights.configuration.vocabulary)
    let cleaned = sentences.map { ids in
      ids.prefix(tokenCap).map { (0..<vocabulary).contains($0) ? $0 : unknownToken }
    }
    var vectors: [[Float]] = []
    vectors.reserveCapacity(cleaned.count)
    let workspace = Workspace(configuration: weights.configuration, tokens: max(Self.groupTokens, tokenCap))
    var start = 0
    while start < cleaned.count {
      // Consecutive sentences while they fit in a group (a longer one goes alone).
      var end = start + 1
      var total = cleaned[start].count
      while end < cleaned.count, total + cleaned[end].count <= Self.groupTokens {
        total += cleaned[end].count
        end += 1
      }
      vectors += forward(Array(cleaned[start..<end]), workspace: workspace)
      start = end
    }
    return vectors
  }

  /// The encoder on sentences whose tokens fit in `workspace` together.
  private func forward(_ sentences: [[Int32]], workspace w: Workspace) -> [[Float]] {
    let configuration = weights.configuration
    let (hidden, intermediate) = (configuration.hidden, configuration.intermediate)
    let tokens = sentences.reduce(0) { $0 + $1.count }
    let x = w.hidden
    x.initialize(repeating: 0, count: tokens * hidden)
    var row = 0
    for sentence in sentences {
      for (position, id) in sentence.enumerated() {
        weights.wordEmbeddings.addRow(Int(id), to: x + row * hidden)
        weights.positions.addRow(position, to: x + row * hidden)
        row += 1
      }
    }
    LayerNorm.apply(
      x, adding: nil, tokens: tokens, weight: weights.embeddingNorm.weight, bias: weights.embeddingNorm.bias)

    for layer in weights.layers {
      linear(
        layer.queryKeyValue, layer.queryKeyValueBias, input: x, tokens: tokens, output: w.wide, workspace: w)
      var first = 0
      for sentence in sentences {
        Attention.apply(
          queryKeyValue: w.wide + first * 3 * hidden, tokens: sentence.count, configuration: configuration,
          scratch: w.scores, context: w.context + first * hidden)
        first += sentence.count
      }
      linear(
        layer.attentionOutput, layer.attentionOutputBias, input: w.context, tokens: tokens,
        output: w.projected,
        workspace: w)
      LayerNorm.apply(
        x, adding: w.projected, tokens: tokens, weight: layer.attentionNorm.weight,
        bias: layer.attentionNorm.bias)
      linear(
        layer.intermediate, layer.intermediateBias, input: x, tokens: tokens, output: w.wide, workspace: w)
      faqbot_gelu(w.wide, tokens * intermediate)
      linear(layer.output, layer.outputBias, input: w.wide, tokens: tokens, output: w.projected, workspace: w)
      LayerNorm.apply(
        x, adding: w.projected, tokens: tokens, weight: layer.outputNorm.weight, bias: layer.outputNorm.bias)
    }

    // Mean pooling over each sentence's tokens, then unit length.
    var vectors: [[Float]] = []
    var first = 0
    for sentence in sentences {
      var vector = [Float](repeating: 0, count: hidden)
      for t in first..<first + sentence.count {
        for i in 0..<hidden { vector[i] += x[t * hidden + i] }
      }
      first += sentence.count
      let length = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if length > 0 { vector = vector.map { $0 / length } }
      vectors.append(vector)
    }
    return vectors
  }

  /// A linear layer through the chosen kernel.
  private func linear(
    _ matrix: HalfMatrix, _ bias: FloatVector, input: UnsafePointer<Float>, tokens: Int,
    output: UnsafeMutablePointer<Float>, workspace: Workspace
  ) {
    kernel.linear(
      matrix, bias: bias, input: input, tokens: tokens, output: output,
      scratch: matrix.format == .int16 ? workspace.quantised : nil)
  }
}

/// One call's scratch: the activations of up to `tokens` tokens. A class so that it is freed
/// once, however the call ends; never shared between calls, so never between threads.
private final class Workspace {
  let hidden: UnsafeMutablePointer<Float>
  /// The query-key-value projections (3 × hidden) or the intermediate layer, whichever is wider.
  let wide: UnsafeMutablePointer<Float>
  let context: UnsafeMutablePointer<Float>
  let projected: UnsafeMutablePointer<Float>
  /// Attention's scores and transposed keys for the longest sentence.
  let scores: UnsafeMutablePointer<Float>
  /// The int16 panel kernel's scaled inputs (allocated on first use: half panels never need it).
  private(set) lazy var quantised = QuantisedInputs(
    tokens: tokenCapacity, columns: max(configuration.hidden, configuration.intermediate))
  private let tokenCapacity: Int
  private let configuration: EncoderConfiguration

  init(configuration: EncoderConfiguration, tokens: Int) {
    let width = max(3 * configuration.hidden, configuration.intermediate)
    tokenCapacity = tokens
    self.configuration = configuration
    hidden = .allocate(capacity: tokens * configuration.hidden)
    wide = .allocate(capacity: tokens * width)
    context = .allocate(capacity: tokens * configuration.hidden)
    projected = .allocate(capacity: tokens * configuration.hidden)
    scores = .allocate(capacity: Attention.scratchCount(tokens: tokens, configuration: configuration))
  }

  deinit {
    for pointer in [hidden, wide, context, projected, scores] { pointer.deallocate() }
  }
}
