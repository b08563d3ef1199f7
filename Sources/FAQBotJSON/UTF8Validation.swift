/// Strict UTF-8 well-formedness checks (Unicode 15, table 3-7) over raw bytes.
///
/// The protocol must tell a client "your line is not UTF-8" apart from "your line is not JSON",
/// and the parser must never hand Swift's `String(decoding:)` bytes it would silently repair
/// with U+FFFD, because that would change the question or an echoed id behind the client's back.
/// Overlong forms, UTF-16 surrogates encoded in UTF-8 and code points above U+10FFFF are all
/// rejected, as RFC 3629 requires.
package enum UTF8Validation {
  /// The length of the well-formed multi-byte sequence starting at `index`, or `nil` if the
  /// bytes there are not one.
  ///
  /// Only called for a lead byte `>= 0x80`; ASCII is handled by the callers' fast loops.
  @inline(__always)
  static func sequenceLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let lead = bytes[index]
    let remaining = bytes.count - index
    switch lead {
    case 0xC2...0xDF:
      guard remaining >= 2, isContinuation(bytes[index + 1]) else { return nil }
      return 2
    case 0xE0...0xEF:
      guard remaining >= 3 else { return nil }
      let second = bytes[index + 1]
      // E0 needs A0...BF (no overlongs), ED needs 80...9F (no surrogates).
      let secondRange: ClosedRange<UInt8> =
        lead == 0xE0 ? 0xA0...0xBF : (lead == 0xED ? 0x80...0x9F : 0x80...0xBF)
      guard secondRange.contains(second), isContinuation(bytes[index + 2]) else { return nil }
      return 3
    case 0xF0...0xF4:
      guard remaining >= 4 else { return nil }
      let second = bytes[index + 1]
      // F0 needs 90...BF (no overlongs), F4 needs 80...8F (nothing above U+10FFFF).
      let secondRange: ClosedRange<UInt8> =
        lead == 0xF0 ? 0x90...0xBF : (lead == 0xF4 ? 0x80...0x8F : 0x80...0xBF)
      guard secondRange.contains(second), isContinuation(bytes[index + 2]),
        isContinuation(bytes[index + 3])
      else { return nil }
      return 4
    default:
      // 0x80...0xC1 (continuation or overlong lead) and 0xF5...0xFF never start a sequence.
      return nil
    }
  }

  /// The offset of the first byte that does not start a well-formed sequence, or `nil` when
  /// the whole buffer is valid UTF-8.
  ///
  /// Used on the error path only (to classify a failed parse), so ASCII is skipped eight bytes
  /// at a time but no further effort is spent.
  package static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = 0
    let count = bytes.count
    guard let base = bytes.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base)
    while index < count {
      if count - index >= 8,
        raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        index += 8
        continue
      }
      if bytes[index] < 0x80 {
        index += 1
        continue
      }
      guard let length = sequenceLength(at: index, in: bytes) else { return index }
      index += length
    }
    return nil
  }

  /// Whether `bytes` is entirely well-formed UTF-8.
  static func isValid(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { firstInvalidOffset(in: $0) == nil }
  }

  @inline(__always)
  private static func isContinuation(_ byte: UInt8) -> Bool {
    byte & 0xC0 == 0x80
  }
}
