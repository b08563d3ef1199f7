/// String literals: the part of JSON where hostile input hides (escapes, surrogates, control
/// bytes, malformed UTF-8) and where most of a request's bytes are, so it gets both the
/// strictest checks and the fastest loop.
///
/// Unpaired surrogate escapes (`"\uD800"`, `"\uDC00"`, a high surrogate followed by anything but
/// a low one) are rejected rather than replaced with U+FFFD: replacing would silently change
/// the question, and an id containing one would be echoed back as text some JSON readers
/// refuse. JSONTestSuite leaves this choice open (its `i_` files).
extension JSONScanner {
  /// Decodes the string whose opening quote is at the cursor and moves past its closing quote.
  ///
  /// Strings without escapes (the common case) become a `String` straight from the input
  /// bytes; only strings with escapes pay for a scratch buffer.
  package mutating func scanString() throws(JSONParseError) -> String {
    position += 1
    let start = position
    try skipPlainRun()
    if bytes[position] == JSONByte.quote {
      let run = UnsafeBufferPointer(rebasing: bytes[start..<position])
      position += 1
      return String(decoding: run, as: UTF8.self)
    }
    var decoded: [UInt8] = []
    decoded.reserveCapacity(position - start + 16)
    decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
    while true {
      // The cursor is on a backslash.
      Self.appendUTF8(of: try scanEscape(), to: &decoded)
      let runStart = position
      try skipPlainRun()
      decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
      if bytes[position] == JSONByte.quote {
        position += 1
        return String(decoding: decoded, as: UTF8.self)
      }
    }
  }

  /// Validates the string whose opening quote is at the cursor without building it, and moves
  /// past its closing quote. Returns whether it contained any escape.
  @discardableResult
  package mutating func skipString() throws(JSONParseError) -> Bool {
    position += 1
    var sawEscape = false
    while true {
      try skipPlainRun()
      if bytes[position] == JSONByte.quote {
        position += 1
        return sawEscape
      }
      _ = try scanEscape()
      sawEscape = true
    }
  }

  /// Advances over string content that needs no decoding, stopping on a quote or a backslash
  /// (which the caller then finds at `bytes[position]`, guaranteed in bounds).
  ///
  /// Plain ASCII is checked eight bytes at a time with SWAR bit tricks; a word containing a
  /// quote, a backslash, a control byte or a non-ASCII byte drops to the byte loop, which
  /// rejects raw control bytes and validates each UTF-8 sequence strictly.
  @inline(__always)
  mutating func skipPlainRun() throws(JSONParseError) {
    let count = bytes.count
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while count - position >= 8 {
        let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        guard !JSONByte.wordNeedsAttention(word) else { break }
        position += 8
      }
    }
    while position < count {
      let byte = bytes[position]
      if byte == JSONByte.quote || byte == JSONByte.backslash {
        return
      }
      if byte < 0x20 {
        throw JSONParseError(.controlCharacterInString(byte), at: position)
      }
      if byte < 0x80 {
        position += 1
        continue
      }
      guard let length = UTF8Validation.sequenceLength(at: position, in: bytes) else {
        throw JSONParseError(.invalidUTF8, at: position)
      }
      position += length
    }
    throw JSONParseError(.unexpectedEnd, at: position)
  }

  /// Decodes one escape (the cursor is on its backslash), joining a `\uD8xx\uDCxx` surrogate
  /// pair into one scalar.
  private mutating func scanEscape() throws(JSONParseError) -> Unicode.Scalar {
    let escapeStart = position
    position += 1
    let letter = try requireByte()
    position += 1
    switch letter {
    case JSONByte.quote: return "\""
    case JSONByte.backslash: return "\\"
    case JSONByte.slash: return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"): break
    default: throw JSONParseError(.invalidEscape, at: escapeStart)
    }
    let unit = try scanHexQuad()
    switch unit {
    case 0xD800...0xDBFF:
      // A high surrogate must be followed at once by `\u` and a low surrogate.
      guard position + 1 < bytes.count, bytes[position] == JSONByte.backslash,
        bytes[position + 1] == UInt8(ascii: "u")
      else { throw JSONParseError(.unpairedSurrogate, at: escapeStart) }
      position += 2
      let low = try scanHexQuad()
      guard (0xDC00...0xDFFF).contains(low) else {
        throw JSONParseError(.unpairedSurrogate, at: escapeStart)
      }
      let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
      guard let scalar = Unicode.Scalar(value) else {
        throw JSONParseError(.unpairedSurrogate, at: escapeStart)
      }
      return scalar
    case 0xDC00...0xDFFF:
      throw JSONParseError(.unpairedSurrogate, at: escapeStart)
    default:
      guard let scalar = Unicode.Scalar(unit) else {
        throw JSONParseError(.invalidUnicodeEscape, at: escapeStart)
      }
      return scalar
    }
  }

  /// Reads the four hex digits after `\u`.
  private mutating func scanHexQuad() throws(JSONParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
      guard let digit = JSONByte.hexValue(bytes[position]) else {
        throw JSONParseError(.invalidUnicodeEscape, at: position)
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }

  /// Appends the UTF-8 encoding of `scalar`; written out because it runs once per escape and
  /// `UTF8.encode`'s closure is not guaranteed to inline.
  @inline(__always)
  static func appendUTF8(of scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
    let value = scalar.value
    switch value {
    case 0..<0x80:
      buffer.append(UInt8(truncatingIfNeeded: value))
    case 0x80..<0x800:
      buffer.append(UInt8(truncatingIfNeeded: 0xC0 | value >> 6))
      buffer.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
    case 0x800..<0x10000:
      buffer.append(UInt8(truncatingIfNeeded: 0xE0 | value >> 12))
      buffer.append(UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F))
      buffer.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
    default:
      buffer.append(UInt8(truncatingIfNeeded: 0xF0 | value >> 18))
      buffer.append(UInt8(truncatingIfNeeded: 0x80 | (value >> 12) & 0x3F))
      buffer.append(UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F))
      buffer.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
    }
  }
}
