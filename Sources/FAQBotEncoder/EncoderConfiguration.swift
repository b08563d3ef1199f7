/// The shape of the model a weights file holds (all-MiniLM-L6-v2: 6 layers, 384 wide, 12
/// heads of 32, 1,536 intermediate, 30,522 pieces, 512 positions).
public struct EncoderConfiguration: Equatable, Sendable {
  public let layers: Int
  public let hidden: Int
  public let heads: Int
  public let intermediate: Int
  public let vocabulary: Int
  public let positions: Int

  /// The width of one attention head.
  public var headSize: Int { hidden / heads }
}
