/// The shape of the model a weights file holds (all-MiniLM-L6-v2: 6 layers, 384 wide, 12
/// heads of 32, 1,536 intermediate, 30,522 pieces, 512 positions).
public struct EncoderConfiguration: Equatable, Sendable {
  /// How many transformer layers the forward pass runs.
  public let layers: Int
  /// The width of a token's vector, and so of the sentence vector; a multiple of ``heads``.
  public let hidden: Int
  /// How many attention heads each layer splits ``hidden`` into.
  public let heads: Int
  /// The width of each layer's feed-forward block.
  public let intermediate: Int
  /// How many WordPiece pieces the vocabulary and word-embedding table hold.
  public let vocabulary: Int
  /// The most tokens a sequence can have: the rows of the position-embedding table.
  public let positions: Int

  /// A shape as given; ``EncoderWeights`` checks the sizes it reads from a file, this does not.
  public init(layers: Int, hidden: Int, heads: Int, intermediate: Int, vocabulary: Int, positions: Int) {
    self.layers = layers
    self.hidden = hidden
    self.heads = heads
    self.intermediate = intermediate
    self.vocabulary = vocabulary
    self.positions = positions
  }

  /// The width of one attention head.
  public var headSize: Int { hidden / heads }
}
