import FAQBotMatching

/// The encoder mode's fields of a model file (``TrainedModel``): the head's softmax, then the
/// examples' sentence vectors grouped by class. Written after the dense block's fields.
extension EncoderHead {
  func encode(into writer: inout ModelBinaryWriter) {
    writer.append(UInt32(model.classCount))
    writer.append(UInt32(model.featureCount))
    writer.append(model.weights)
    writer.append(model.bias)
    writer.append(UInt32(examples.dimensions))
    writer.append(examples.classStarts.map { UInt32(bitPattern: $0) })
    writer.append(examples.vectors)
  }

  /// Reads and checks a head for `classes` classes.
  static func decode(from reader: inout ModelBinaryReader, classes: Int) throws(TrainedModelError)
    -> EncoderHead
  {
    let classCount = Int(try reader.uint32("encoder head class count"))
    let featureCount = Int(try reader.uint32("encoder head feature count"))
    let weights = try reader.floats("encoder head weights")
    let bias = try reader.floats("encoder head bias")
    let dimensions = Int(try reader.uint32("encoder vector dimensions"))
    let starts = try reader.uint32s("encoder example class starts").map { Int32(bitPattern: $0) }
    let vectors = try reader.floats("encoder example vectors")
    guard classCount == classes, (1...4_096).contains(featureCount), dimensions == featureCount,
      weights.count == featureCount * classCount, bias.count == classCount, starts.count == classCount + 1,
      starts.first == 0, zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
      Int(starts.last ?? 0) * dimensions == vectors.count, weights.allSatisfy(\.isFinite),
      vectors.allSatisfy(\.isFinite)
    else { throw .corrupt("the encoder head's weights and example vectors do not fit together") }
    return EncoderHead(
      model: SoftmaxRegression(
        classCount: classCount, featureCount: featureCount, weights: weights, bias: bias),
      examples: NearestExample(dimensions: dimensions, vectors: vectors, classStarts: starts))
  }
}
