/// Somewhere `LineReader` can pull bytes from.
///
/// The reader is written against this rather than a file descriptor so its framing logic
/// (chunk boundaries, CRLF, over-long lines) can be tested in memory, byte by byte if need
/// be, without pipes or temporary files.
public protocol ByteSource {
  /// Fills the start of `buffer` with up to `buffer.count` bytes and returns how many it wrote;
  /// 0 means end of input (and is returned again on every later call).
  mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int
}
