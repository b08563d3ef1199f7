import FAQBotCore
import FAQBotMatching

/// Little-endian writing and bounds-checked reading of the model file's fields.
///
/// Arrays of numbers are copied in bulk (the weights of a CLINC150 model are 20 million
/// floats), and the reader checks every count against the bytes that are left before it
/// allocates, so a damaged count cannot ask for gigabytes.
struct ModelBinaryWriter {
  private(set) var bytes: [UInt8] = []

  mutating func append(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ value: Float) { append(value.bitPattern) }

  mutating func append(_ text: String) {
    let utf8 = Array(text.utf8)
    append(UInt32(utf8.count))
    bytes.append(contentsOf: utf8)
  }

  mutating func appendRaw(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

  /// A count, then each text.
  mutating func append(strings: [String]) {
    append(UInt32(strings.count))
    for text in strings { append(text) }
  }

  /// 0 when `value` is absent, 1 when it follows (read by ``ModelBinaryReader/isPresent(_:)``).
  mutating func appendPresence<Value>(of value: Value?) {
    append(UInt32(value == nil ? 0 : 1))
  }

  /// 0, or 1 and the text.
  mutating func append(optional text: String?) {
    appendPresence(of: text)
    if let text { append(text) }
  }

  /// A count, then the values.
  mutating func append(_ values: [UInt64]) {
    append(UInt32(values.count))
    if Self.hostIsLittleEndian {
      values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    } else {
      for value in values { append(value) }
    }
  }

  /// A count, then the values (short lists: written one by one).
  mutating func append(_ values: [UInt32]) {
    append(UInt32(values.count))
    for value in values { append(value) }
  }

  /// A count, then the values.
  mutating func append(_ values: [Float]) {
    append(UInt32(values.count))
    if Self.hostIsLittleEndian {
      values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    } else {
      for value in values { append(value) }
    }
  }

  mutating func append(_ values: WeightMatrix) {
    append(UInt32(values.count))
    if Self.hostIsLittleEndian {
      values.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeRawBufferPointer($0)) }
    } else {
      for value in values { append(value) }
    }
  }

  /// A count, then the halves' bit patterns.
  mutating func append(_ values: HalfVectors) {
    append(UInt32(values.scalarCount))
    values.withUnsafeBufferPointer { halves in
      if Self.hostIsLittleEndian {
        bytes.append(contentsOf: UnsafeRawBufferPointer(halves))
      } else {
        for half in halves { withUnsafeBytes(of: half.littleEndian) { bytes.append(contentsOf: $0) } }
      }
    }
  }

  /// Zero bytes, preceded by their count, so that the array appended next (its count, then
  /// its values) has its values at a multiple of `alignment` bytes into the file, this
  /// writer's bytes starting at `fileOffset`: a mapped file's floats can then be read in place.
  mutating func appendPadding(alignment: Int, fileOffset: Int) {
    let valuesStart = fileOffset + bytes.count + 4 + 4
    let padding = (alignment - valuesStart % alignment) % alignment
    append(UInt32(padding))
    bytes.append(contentsOf: repeatElement(0, count: padding))
  }

  static let hostIsLittleEndian = UInt16(1).littleEndian == 1
}

/// Reads what ``ModelBinaryWriter`` wrote; any read past the end or implausible count is a
/// ``TrainedModelError/corrupt(_:)``.
struct ModelBinaryReader {
  let bytes: UnsafeRawBufferPointer
  private(set) var offset: Int

  init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
  }

  var remaining: Int { bytes.count - offset }

  mutating func raw(_ count: Int, _ what: String) throws(TrainedModelError) -> [UInt8] {
    guard count >= 0, count <= remaining else { throw .corrupt("\(what) runs past the end of the data") }
    defer { offset += count }
    return Array(bytes[offset..<offset + count])
  }

  mutating func uint32(_ what: String) throws(TrainedModelError) -> UInt32 {
    guard remaining >= 4 else { throw .corrupt("\(what) runs past the end of the data") }
    defer { offset += 4 }
    return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  mutating func uint64(_ what: String) throws(TrainedModelError) -> UInt64 {
    guard remaining >= 8 else { throw .corrupt("\(what) runs past the end of the data") }
    defer { offset += 8 }
    return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  mutating func float(_ what: String) throws(TrainedModelError) -> Float {
    Float(bitPattern: try uint32(what))
  }

  mutating func string(_ what: String) throws(TrainedModelError) -> String {
    let count = Int(try uint32(what))
    let utf8 = try raw(count, what)
    guard let text = String(validating: utf8, as: UTF8.self) else { throw .corrupt("\(what) is not UTF-8") }
    return text
  }

  /// A count of items of at least `minimumSize` bytes each, checked against what is left.
  mutating func count(_ what: String, minimumSize: Int) throws(TrainedModelError) -> Int {
    let count = Int(try uint32(what))
    guard count <= remaining / max(1, minimumSize) else { throw .corrupt("implausible \(what)") }
    return count
  }

  mutating func strings(_ what: String) throws(TrainedModelError) -> [String] {
    var strings: [String] = []
    for _ in 0..<(try count(what, minimumSize: 4)) { strings.append(try string(what)) }
    return strings
  }

  /// What ``ModelBinaryWriter/appendPresence(of:)`` wrote: false for 0, true for 1, and any
  /// other value is damage.
  mutating func isPresent(_ what: String) throws(TrainedModelError) -> Bool {
    switch try uint32(what) {
    case 0: return false
    case 1: return true
    default: throw .corrupt("\(what): bad presence flag")
    }
  }

  mutating func optionalString(_ what: String) throws(TrainedModelError) -> String? {
    try isPresent(what) ? try string(what) : nil
  }

  mutating func uint64s(_ what: String) throws(TrainedModelError) -> [UInt64] {
    let (start, count) = try span(what, size: 8)
    if ModelBinaryWriter.hostIsLittleEndian { return copy(start, count, as: UInt64.self) }
    return (0..<count).map {
      UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: start + $0 * 8, as: UInt64.self))
    }
  }

  mutating func uint32s(_ what: String) throws(TrainedModelError) -> [UInt32] {
    let (start, count) = try span(what, size: 4)
    return (0..<count).map {
      UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: start + $0 * 4, as: UInt32.self))
    }
  }

  mutating func floats(_ what: String) throws(TrainedModelError) -> [Float] {
    guard ModelBinaryWriter.hostIsLittleEndian else { return try uint32s(what).map(Float.init(bitPattern:)) }
    let (start, count) = try span(what, size: 4)
    return copy(start, count, as: Float.self)
  }

  /// Skips what ``ModelBinaryWriter/appendPadding(alignment:fileOffset:)`` wrote.
  mutating func skipPadding(_ what: String) throws(TrainedModelError) {
    let count = Int(try uint32(what))
    guard count < 64 else { throw .corrupt("implausible \(what)") }
    _ = try raw(count, what)
  }

  /// Floats, read in place from `file` when these bytes are part of it, suitably aligned
  /// and in the host's byte order; copied otherwise.
  mutating func weights(_ what: String, in file: MappedFile?) throws(TrainedModelError) -> WeightMatrix {
    guard ModelBinaryWriter.hostIsLittleEndian else { return WeightMatrix(try floats(what)) }
    let (start, count) = try span(what, size: 4)
    if let file, let offset = offsetInPlace(start, alignment: MemoryLayout<Float>.alignment, in: file) {
      return WeightMatrix(mapped: file, offset: offset, count: count)
    }
    return WeightMatrix(copy(start, count, as: Float.self))
  }

  /// Halves (vectors of `dimensions`), read in place from `file` like ``weights(_:in:)``;
  /// copied otherwise.
  mutating func halves(_ what: String, dimensions: Int, in file: MappedFile?) throws(TrainedModelError)
    -> HalfVectors
  {
    let (start, count) = try span(what, size: 2)
    if let file, let offset = offsetInPlace(start, alignment: MemoryLayout<UInt16>.alignment, in: file) {
      return HalfVectors(mapped: file, offset: offset, count: count, dimensions: dimensions)
    }
    guard ModelBinaryWriter.hostIsLittleEndian else {
      let bits = (0..<count).map {
        UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: start + $0 * 2, as: UInt16.self))
      }
      return HalfVectors(bits: bits, dimensions: dimensions)
    }
    return HalfVectors(bits: copy(start, count, as: UInt16.self), dimensions: dimensions)
  }

  /// Where the values at `start` of these bytes lie in `file`, when they can be read there in
  /// place: these bytes are part of the file, the host's byte order is the file's, and the
  /// offset is aligned for the values; nil otherwise.
  private func offsetInPlace(_ start: Int, alignment: Int, in file: MappedFile) -> Int? {
    guard ModelBinaryWriter.hostIsLittleEndian, let base = bytes.baseAddress,
      let fileBase = file.bytes.baseAddress, base >= fileBase,
      base + bytes.count <= fileBase + file.bytes.count
    else { return nil }
    let offset = base - fileBase + start
    return offset % alignment == 0 ? offset : nil
  }

  /// Reads a count and claims the bytes of that many values of `size` bytes.
  private mutating func span(_ what: String, size: Int) throws(TrainedModelError) -> (start: Int, count: Int)
  {
    let count = Int(try uint32(what))
    guard count <= remaining / size else { throw .corrupt("\(what) runs past the end of the data") }
    defer { offset += count * size }
    return (offset, count)
  }

  private func copy<Value: BitwiseCopyable>(_ start: Int, _ count: Int, as type: Value.Type) -> [Value] {
    [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(
        from: UnsafeRawBufferPointer(rebasing: bytes[start..<start + count * MemoryLayout<Value>.stride]))
      initialized = count
    }
  }
}
