/// Bytes from memory, handed out in reads of at most `maxReadSize`.
///
/// For tests of `LineReader` (and for feeding it a whole transcript): a small `maxReadSize`
/// makes every chunk boundary fall mid-line, mid-CRLF or mid-UTF-8 sequence, which a real pipe
/// does only occasionally.
public struct MemoryByteSource: ByteSource, Sendable {
  private let bytes: [UInt8]
  private var offset = 0
  private let maxReadSize: Int

  /// A source of `bytes`, handing out at most `maxReadSize` a read (tests use small reads to
  /// split lines across chunks).
  public init(_ bytes: [UInt8], maxReadSize: Int = .max) {
    self.bytes = bytes
    self.maxReadSize = max(maxReadSize, 1)
  }

  /// Copies the next bytes into `buffer`; 0 at the end.
  public mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
    let count = min(buffer.count, maxReadSize, bytes.count - offset)
    guard count > 0, let destination = buffer.baseAddress else { return 0 }
    bytes.withUnsafeBufferPointer { source in
      guard let start = source.baseAddress else { return }
      destination.update(from: start + offset, count: count)
    }
    offset += count
    return count
  }
}
