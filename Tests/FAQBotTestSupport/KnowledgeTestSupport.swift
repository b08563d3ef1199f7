import FAQBot
import Foundation
import XCTest

/// Builds small documents of the tests' own and checks the invariants every knowledge file keeps.
package enum KnowledgeTestSupport {
  /// The repository root, found from this file's path (tests run from a source checkout).
  package static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  package static func build(_ text: String, fileName: String = "doc.txt") throws -> KnowledgeDocument {
    try KnowledgeBuilder().build(bytes: Array(text.utf8), fileName: fileName)
  }

  package static func paragraphIds(_ document: KnowledgeDocument) -> [String] {
    document.sections.flatMap { $0.paragraphs.map(\.id) }
  }

  package static func paragraphTexts(_ document: KnowledgeDocument) -> [String] {
    document.sections.flatMap { $0.paragraphs.map(\.text) }
  }

  /// Every id with the text it must slice out of the source: headings, paragraphs, sentences.
  package static func rangedTexts(_ document: KnowledgeDocument) -> [(
    id: String, range: KnowledgeDocument.ByteRange, text: String
  )] {
    var result: [(String, KnowledgeDocument.ByteRange, String)] = []
    for section in document.sections {
      if let range = section.range { result.append((section.id, range, section.title)) }
      for paragraph in section.paragraphs {
        result.append((paragraph.id, paragraph.range, paragraph.text))
        for sentence in paragraph.sentences { result.append((sentence.id, sentence.range, sentence.text)) }
      }
    }
    for (index, removal) in document.removed.enumerated() {
      result.append(("removed[\(index)]", removal.range, removal.text))
    }
    return result
  }

  /// Each range slices exactly its text out of `source`.
  package static func assertRangesSliceTheirText(
    _ document: KnowledgeDocument, source: [UInt8], file: StaticString = #filePath, line: UInt = #line
  ) {
    for (id, range, text) in rangedTexts(document) {
      guard range.start >= 0, range.start <= range.end, range.end <= source.count else {
        XCTFail("\(id): range \(range.start)..<\(range.end) is outside the source", file: file, line: line)
        continue
      }
      XCTAssertEqual(
        Array(source[range.start..<range.end]), Array(text.utf8), "\(id) does not slice its text", file: file,
        line: line)
    }
  }
}
