import FAQBotJSON

extension RequestDecoder {
  /// Whether a line holds nothing but spaces, tabs and CRs, which the front skips without
  /// answering.
  ///
  /// Programs and people piping input often leave empty lines or a stray CR; answering each
  /// with an error would be noise. Only these three bytes count as blank: a line with a form
  /// feed, an NBSP or a BOM is something the client sent and gets a real answer.
  public static func isBlank(_ line: [UInt8]) -> Bool {
    line.allSatisfy { byte in
      byte == JSONByte.space || byte == JSONByte.tab || byte == JSONByte.carriageReturn
    }
  }
}
