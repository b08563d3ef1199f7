/// The ASCII bytes the JSON codec compares against, named once.
///
/// `UInt8(ascii:)` at every use would be noisy in the hot loops, and a typo in a numeric
/// literal there would be a silent protocol bug; named constants make both readable and
/// checkable. They are computed properties rather than `static let`s so they fold to
/// immediates even without whole-module optimisation, instead of going through a lazy global's
/// accessor in the innermost loops.
package enum JSONByte {
  package static var tab: UInt8 { 0x09 }
  package static var lineFeed: UInt8 { 0x0A }
  package static var carriageReturn: UInt8 { 0x0D }
  package static var space: UInt8 { 0x20 }
  package static var quote: UInt8 { 0x22 }
  static var plus: UInt8 { 0x2B }
  package static var comma: UInt8 { 0x2C }
  static var minus: UInt8 { 0x2D }
  package static var period: UInt8 { 0x2E }
  static var slash: UInt8 { 0x2F }
  package static var zero: UInt8 { 0x30 }
  package static var colon: UInt8 { 0x3A }
  package static var openBracket: UInt8 { 0x5B }
  static var backslash: UInt8 { 0x5C }
  static var closeBracket: UInt8 { 0x5D }
  package static var openBrace: UInt8 { 0x7B }
  package static var closeBrace: UInt8 { 0x7D }

  /// Whether any of the eight bytes in `word` is a quote, a backslash, below 0x20 or above
  /// 0x7F: what the scanner and the escaper must look at byte by byte (the others are copied
  /// eight at a time). Each test is the classic "has a zero byte" / "has a byte less than n"
  /// trick, exact for the yes/no answer needed here.
  @inline(__always)
  static func wordNeedsAttention(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    let quotes = word ^ (ones &* UInt64(quote))
    let backslashes = word ^ (ones &* UInt64(backslash))
    let hasQuote = (quotes &- ones) & ~quotes
    let hasBackslash = (backslashes &- ones) & ~backslashes
    let hasControl = (word &- ones &* 0x20) & ~word
    return (hasQuote | hasBackslash | hasControl | word) & highBits != 0
  }

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool {
    byte &- zero < 10
  }

  /// The value of a hex digit, or `nil` for any other byte.
  @inline(__always)
  static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case 0x30...0x39: return UInt32(byte - 0x30)
    case 0x41...0x46: return UInt32(byte - 0x41 + 10)
    case 0x61...0x66: return UInt32(byte - 0x61 + 10)
    default: return nil
    }
  }
}
