extension KnowledgeBuilder {
  /// A UTF-16 byte-order mark, or (without one) a zero byte in nearly every other position
  /// of the first bytes, as ASCII text in UTF-16 has: text some Windows editors save, which
  /// the NUL-byte test would otherwise call binary.
  static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
    if bytes.count >= 2, (bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF) {
      return true
    }
    let head = Array(bytes.prefix(64))
    guard head.count >= 8 else { return false }
    let evens = stride(from: 0, to: head.count, by: 2).filter { head[$0] == 0 }.count
    let odds = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
    let half = head.count / 2
    return evens * 10 >= half * 9 || odds * 10 >= half * 9
  }
}
