import FAQBotDialogue
import FAQBotJSON

/// Writes protocol responses as compact JSON Lines, directly into a byte buffer.
///
/// Keys come in a fixed documented order so clients (and people reading logs or diffing
/// transcripts) see the same shape every time; Foundation's encoders neither guarantee an
/// order nor print numbers the way the protocol specifies, and building an intermediate
/// dictionary per answer would be wasted work. Each call appends exactly one line ending in
/// LF; no other LF can appear, because strings escape it and echoed ids have it rewritten.
public struct ResponseWriter: Sendable {
  /// A writer; it has no state, so one serves every thread.
  public init() {}

  /// Appends the answer line:
  /// `{"id":…,"kind":…,"intent":…,"confidence":…,"answer":…,"sources":[…],"candidates":[…],`
  /// `"suggestions":[…],"truncated":…,"category":…}`.
  ///
  /// - Parameter id: the request's id to echo verbatim; `nil` (no id sent) is written as `null`.
  public func encode(_ answer: Answer, id: RawJSON?, into buffer: inout [UInt8]) {
    let idBytes = (id ?? .null).bytes
    buffer.appendThroughCursor(maxCount: Self.maxEncodedCount(answer, idCount: idBytes.count)) {
      output in
      output.write("{\"id\":")
      output.write(idBytes)
      output.write(",\"kind\":")
      JSONStringEscaping.write(answer.kind.rawValue, to: &output)
      output.write(",\"intent\":")
      if let intent = answer.intent {
        JSONStringEscaping.write(intent, to: &output)
      } else {
        output.write("null")
      }
      output.write(",\"confidence\":")
      ConfidenceFormat.write(answer.confidence, to: &output)
      output.write(",\"answer\":")
      JSONStringEscaping.write(answer.text, to: &output)

      output.write(",\"sources\":[")
      for (index, source) in answer.sources.enumerated() {
        output.write(index == 0 ? "{\"id\":" : ",{\"id\":")
        JSONStringEscaping.write(source.id, to: &output)
        output.write(",\"section\":")
        JSONStringEscaping.write(source.section, to: &output)
        output.write(JSONByte.closeBrace)
      }
      output.write("],\"candidates\":[")
      for (index, candidate) in answer.candidates.enumerated() {
        output.write(index == 0 ? "{\"intent\":" : ",{\"intent\":")
        JSONStringEscaping.write(candidate.intent, to: &output)
        output.write(",\"confidence\":")
        ConfidenceFormat.write(candidate.confidence, to: &output)
        output.write(JSONByte.closeBrace)
      }
      output.write("],\"suggestions\":[")
      for (index, suggestion) in answer.suggestions.enumerated() {
        if index > 0 {
          output.write(JSONByte.comma)
        }
        JSONStringEscaping.write(suggestion, to: &output)
      }
      output.write(answer.truncated ? "],\"truncated\":true" : "],\"truncated\":false")
      output.write(",\"category\":")
      JSONStringEscaping.write(answer.category.rawValue, to: &output)
      output.write("}\n")
    }
  }

  /// Appends the error line: `{"id":…,"error":{"code":…,"message":…}}`, echoing the error's id
  /// when it has one and `null` otherwise.
  public func encode(_ error: ProtocolError, into buffer: inout [UInt8]) {
    let idBytes = (error.id ?? .null).bytes
    let maxCount =
      64 + idBytes.count + JSONStringEscaping.maxEncodedCount(error.code.rawValue)
      + JSONStringEscaping.maxEncodedCount(error.message)
    buffer.appendThroughCursor(maxCount: maxCount) { output in
      output.write("{\"id\":")
      output.write(idBytes)
      output.write(",\"error\":{\"code\":")
      JSONStringEscaping.write(error.code.rawValue, to: &output)
      output.write(",\"message\":")
      JSONStringEscaping.write(error.message, to: &output)
      output.write("}}\n")
    }
  }

  /// An upper bound on the answer line's length: generous constants for the fixed keys and
  /// punctuation (about 125 bytes at the top level, 19 per source, 32 per candidate, 1 per
  /// suggestion) plus the worst case of every string.
  private static func maxEncodedCount(_ answer: Answer, idCount: Int) -> Int {
    var total = 256 + idCount + 2 * ConfidenceFormat.maxEncodedCount
    total += JSONStringEscaping.maxEncodedCount(answer.kind.rawValue)
    total += 16 + JSONStringEscaping.maxEncodedCount(answer.category.rawValue)
    total += JSONStringEscaping.maxEncodedCount(answer.intent ?? "")
    total += JSONStringEscaping.maxEncodedCount(answer.text)
    for source in answer.sources {
      total += 32 + JSONStringEscaping.maxEncodedCount(source.id)
      total += JSONStringEscaping.maxEncodedCount(source.section)
    }
    for candidate in answer.candidates {
      total += 48 + JSONStringEscaping.maxEncodedCount(candidate.intent)
    }
    for suggestion in answer.suggestions {
      total += 2 + JSONStringEscaping.maxEncodedCount(suggestion)
    }
    return total
  }
}
