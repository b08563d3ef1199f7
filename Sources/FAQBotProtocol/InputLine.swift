/// One line as `LineReader` delivers it.
///
/// An over-long line is reported by size only: its bytes were never kept, which is the point
/// (a hostile or broken client cannot make the bot buffer gigabytes), so the front can answer
/// it with `too_large` and carry on with the next line.
public enum InputLine: Sendable, Equatable {
  /// The line's bytes, without the LF and without a CR just before it.
  case line([UInt8])
  /// A line longer than the limit; `byteCount` is its full length, LF and final CR excluded.
  case tooLarge(byteCount: Int)
}
