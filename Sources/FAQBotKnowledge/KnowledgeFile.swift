import FAQBotJSON
import Foundation

/// Reads and writes the knowledge file: JSON with sorted keys, pretty-printed, ending in a
/// newline, so the same document always gives the same bytes and diffs stay readable.
public enum KnowledgeFile {
  /// The knowledge file's bytes for `document`: deterministic, so a rebuild of the same
  /// document gives the same bytes.
  public static func encode(_ document: KnowledgeDocument) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain structs of strings and integers cannot fail.
    let data = (try? encoder.encode(document)) ?? Data()
    return Array(data) + [0x0A]
  }

  /// Reads a knowledge file; a malformed one is a ``KnowledgeError`` naming `fileName`.
  public static func decode(_ bytes: [UInt8], fileName: String) throws(KnowledgeError) -> KnowledgeDocument {
    let document: KnowledgeDocument
    do {
      document = try JSONDecoder().decode(KnowledgeDocument.self, from: Data(bytes))
    } catch {
      // Foundation says only "The given data was not valid JSON": faqbot's own parser says
      // where, so a hand-edited or truncated file can be fixed.
      do {
        _ = try JSONParser().parse(bytes)
      } catch {
        let (line, column) = error.location(in: bytes)
        throw KnowledgeError(
          file: fileName,
          reason: .invalidKnowledgeFile(
            "invalid JSON at line \(line), column \(column): \(error.explanation)"))
      }
      throw KnowledgeError(file: fileName, reason: .invalidKnowledgeFile(Self.describe(error)))
    }
    guard document.format == KnowledgeDocument.currentFormat else {
      throw KnowledgeError(
        file: fileName,
        reason: .invalidKnowledgeFile(
          "format \(document.format) is not supported (this faqbot reads format \(KnowledgeDocument.currentFormat))"
        ))
    }
    return document
  }

  private static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, let context):
      return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "\(context.debugDescription) at \(path(context.codingPath))"
    case DecodingError.dataCorrupted(let context):
      return context.debugDescription
    default:
      return "\(error)"
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
  }
}
