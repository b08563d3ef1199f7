import FAQBotJSON

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Splits a byte stream into LF-terminated lines with bounded memory, for the JSON Lines front.
///
/// Input is read in fixed chunks (64 KiB by default) and lines are cut with `memchr`, so a
/// typical line costs one copy into its own array. A line longer than `maxLineBytes` is never
/// held whole: once it passes the limit the reader stops keeping its bytes, counts the rest
/// up to the next LF, and reports `.tooLarge(byteCount:)`. Memory held is therefore about one
/// chunk plus at most `maxLineBytes` (plus array growth slack), whatever arrives; a client
/// sending a gigabyte without a newline cannot exhaust it.
///
/// Framing rules: a CR just before the LF is dropped (CRLF input); a final line without LF at
/// end of input still counts; an empty line is delivered as an empty `.line` (the front
/// decides to skip blanks). The limit applies to the line without its LF and final CR.
public struct LineReader<Source: ByteSource> {
  /// What `next()` returns: a line's bytes, or the size of a line too long to hold.
  public typealias Line = InputLine

  /// The longest line delivered as `.line`; longer ones become `.tooLarge`.
  public let maxLineBytes: Int

  private var source: Source
  private var sourceEnded = false
  /// The last chunk read; `chunk[chunkStart..<chunkEnd]` is not yet consumed.
  private var chunk: [UInt8]
  private var chunkStart = 0
  private var chunkEnd = 0
  /// The kept start of a line that spans chunks (empty once the line has overflowed).
  private var pending: [UInt8] = []
  /// The length so far of the line that spans chunks, including bytes no longer kept.
  private var pendingLength = 0
  private var pendingOverflowed = false
  private var pendingEndsWithCR = false

  /// - Parameters:
  ///   - source: where bytes come from.
  ///   - maxLineBytes: the longest line accepted (default 64 KiB).
  ///   - chunkSize: how many bytes to ask the source for at a time (default 64 KiB).
  public init(source: Source, maxLineBytes: Int = 65_536, chunkSize: Int = 65_536) {
    self.source = source
    self.maxLineBytes = Swift.max(maxLineBytes, 0)
    self.chunk = [UInt8](repeating: 0, count: Swift.max(chunkSize, 1))
  }

  /// The next line, or `nil` once the input has ended and every line was delivered.
  public mutating func next() -> InputLine? {
    while true {
      if chunkStart == chunkEnd {
        guard refill() else { return finishAtEnd() }
      }
      if let lineFeed = indexOfLineFeed() {
        let segment = chunkStart..<lineFeed
        chunkStart = lineFeed + 1
        return completeLine(endingWith: segment)
      }
      absorb(chunkStart..<chunkEnd)
      chunkStart = chunkEnd
    }
  }

  /// True when `next()` can return a whole line without reading from the source: a client
  /// that wrote many lines at once has them answered in batches, one waiting client at once.
  public var hasBufferedLine: Bool { chunkStart < chunkEnd && indexOfLineFeed() != nil }

  /// Bytes the reader keeps allocated between calls; what the memory bound above is about.
  var retainedCapacity: Int { chunk.capacity + pending.capacity }

  /// Reads the next chunk; false at end of input.
  private mutating func refill() -> Bool {
    guard !sourceEnded else { return false }
    let count = chunk.withUnsafeMutableBufferPointer { buffer in
      // Clamped so a misbehaving source cannot make the reader index past the chunk.
      Swift.min(Swift.max(source.read(into: buffer), 0), buffer.count)
    }
    chunkStart = 0
    chunkEnd = count
    if count == 0 {
      sourceEnded = true
    }
    return count > 0
  }

  private func indexOfLineFeed() -> Int? {
    chunk.withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress,
        let found = memchr(base + chunkStart, Int32(JSONByte.lineFeed), chunkEnd - chunkStart)
      else { return nil }
      return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }
  }

  /// Builds the line whose last bytes (before the LF) are `segment` of the current chunk.
  private mutating func completeLine(endingWith segment: Range<Int>) -> InputLine {
    guard pendingLength > 0 else {
      // The whole line is in this chunk: the common case, one copy.
      var end = segment.upperBound
      if end > segment.lowerBound && chunk[end - 1] == JSONByte.carriageReturn {
        end -= 1
      }
      let length = end - segment.lowerBound
      guard length <= maxLineBytes else { return .tooLarge(byteCount: length) }
      return .line(Array(chunk[segment.lowerBound..<end]))
    }
    absorb(segment)
    return takePending()
  }

  /// At end of input, a final line without LF is still a line.
  private mutating func finishAtEnd() -> InputLine? {
    guard pendingLength > 0 else { return nil }
    return takePending()
  }

  /// Adds part of a line that continues past this chunk, keeping bytes only while the line is
  /// within the limit (plus one byte, which may turn out to be the CR of a CRLF).
  private mutating func absorb(_ range: Range<Int>) {
    guard !range.isEmpty else { return }
    pendingLength += range.count
    pendingEndsWithCR = chunk[range.upperBound - 1] == JSONByte.carriageReturn
    guard !pendingOverflowed else { return }
    if pendingLength > maxLineBytes + 1 {
      pendingOverflowed = true
      pending.removeAll(keepingCapacity: true)
      return
    }
    pending.append(contentsOf: chunk[range])
  }

  /// Delivers the line accumulated in `pending` and resets for the next one.
  private mutating func takePending() -> InputLine {
    let length = pendingEndsWithCR ? pendingLength - 1 : pendingLength
    let overflowed = pendingOverflowed || length > maxLineBytes
    let line: InputLine =
      overflowed ? .tooLarge(byteCount: length) : .line(Array(pending[0..<length]))
    pending.removeAll(keepingCapacity: true)
    pendingLength = 0
    pendingOverflowed = false
    pendingEndsWithCR = false
    return line
  }
}

/// `for line in reader` works; iterating consumes the source, as with any stream.
extension LineReader: IteratorProtocol, Sequence {}

extension LineReader: Sendable where Source: Sendable {}
