import FAQBotCore
import FAQBotMatching

/// The encoder mode's fields of a model file (``TrainedModel``): the head's softmax, then the
/// examples' sentence vectors grouped by class, as halves. Written after the dense block's
/// fields; zero padding puts the halves at a multiple of 64 bytes into the file (a 384-half
/// vector is then exactly 12 cache lines), so a mapped file's vectors are read in place.
extension EncoderHead {
  /// The alignment of the example vectors' halves in the file.
  static let vectorAlignment = 64

  /// Appends the head to `writer`, whose bytes start at `fileOffset` in the file.
  func encode(into writer: inout ModelBinaryWriter, fileOffset: Int) {
    writer.append(UInt32(model.classCount))
    writer.append(UInt32(model.featureCount))
    writer.append(model.weights)
    writer.append(model.bias)
    writer.append(UInt32(examples.dimensions))
    writer.append(examples.classStarts.map { UInt32(bitPattern: $0) })
    writer.appendPadding(alignment: Self.vectorAlignment, fileOffset: fileOffset)
    writer.append(examples.vectors)
  }

  /// Reads and checks a head for `classes` classes; its vectors stay in `mappedFile` when
  /// they are part of it.
  static func decode(from reader: inout ModelBinaryReader, classes: Int, mappedFile: MappedFile?)
    throws(TrainedModelError) -> EncoderHead
  {
    let classCount = Int(try reader.uint32("encoder head class count"))
    let featureCount = Int(try reader.uint32("encoder head feature count"))
    let weights = try reader.floats("encoder head weights")
    let bias = try reader.floats("encoder head bias")
    let dimensions = Int(try reader.uint32("encoder vector dimensions"))
    let starts = try reader.uint32s("encoder example class starts").map { Int32(bitPattern: $0) }
    try reader.skipPadding("encoder example vectors padding")
    let vectors = try reader.halves("encoder example vectors", dimensions: dimensions, in: mappedFile)
    guard classCount == classes, (1...4_096).contains(featureCount), dimensions == featureCount,
      weights.count == featureCount * classCount, bias.count == classCount, starts.count == classCount + 1,
      starts.first == 0, zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
      Int(starts.last ?? 0) * dimensions == vectors.scalarCount, weights.allSatisfy(\.isFinite),
      vectors.allFinite
    else { throw .corrupt("the encoder head's weights and example vectors do not fit together") }
    return EncoderHead(
      model: SoftmaxRegression(
        classCount: classCount, featureCount: featureCount, weights: weights, bias: bias),
      examples: NearestExample(vectors: vectors, classStarts: starts))
  }
}
