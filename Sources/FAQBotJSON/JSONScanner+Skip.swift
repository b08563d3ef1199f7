/// Validating a value without building it: how the request decoder passes over an `id` it
/// only needs to echo and over fields it ignores, at no allocation cost for scalars.
///
/// It is iterative with an explicit stack of open containers, so a line of 100,000 `[` ends in
/// a `tooDeep` error after `maxDepth` brackets instead of a stack overflow.
extension JSONScanner {
  /// Moves past one complete value starting at (or after whitespace before) the cursor,
  /// applying every rule `JSONParser` applies.
  ///
  /// - Parameter outerDepth: how many containers are already open around this value, so the
  ///   depth limit means the same for a skipped value as for a parsed one.
  package mutating func skipValue(outerDepth: Int) throws(JSONParseError) {
    // true for an open object, false for an open array; allocated only if a container opens.
    var openContainers: [Bool] = []
    while true {
      skipWhitespace()
      let byte = try requireByte()
      switch byte {
      case JSONByte.openBracket, JSONByte.openBrace:
        let isObject = byte == JSONByte.openBrace
        try checkDepth(outerDepth + openContainers.count + 1)
        position += 1
        skipWhitespace()
        if current == (isObject ? JSONByte.closeBrace : JSONByte.closeBracket) {
          position += 1
        } else {
          if isObject {
            try skipMemberName()
          }
          openContainers.append(isObject)
          continue
        }
      case JSONByte.quote:
        try skipString()
      case JSONByte.minus, JSONByte.zero...(JSONByte.zero + 9):
        _ = try scanNumber()
      default:
        _ = try scanLiteral()
      }
      // A value just ended: continue its container, or close as many as end here.
      while true {
        guard let isObject = openContainers.last else { return }
        skipWhitespace()
        let next = try requireByte()
        if next == JSONByte.comma {
          position += 1
          if isObject {
            skipWhitespace()
            try skipMemberName()
          }
          break
        }
        guard next == (isObject ? JSONByte.closeBrace : JSONByte.closeBracket) else {
          throw JSONParseError(.unexpectedByte(next), at: position)
        }
        position += 1
        openContainers.removeLast()
      }
    }
  }

  /// Moves past `"name"` and the `:` after it (the cursor is where the name should start).
  private mutating func skipMemberName() throws(JSONParseError) {
    let byte = try requireByte()
    guard byte == JSONByte.quote else { throw JSONParseError(.unexpectedByte(byte), at: position) }
    try skipString()
    skipWhitespace()
    try expect(JSONByte.colon)
  }
}
