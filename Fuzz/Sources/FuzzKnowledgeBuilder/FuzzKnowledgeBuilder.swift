import FAQBot
import FuzzerDriver

/// libFuzzer entry point: the bytes as a plain-text or Markdown document.
///
/// Besides not crashing, every id must be unique and every range must lie inside the input
/// and hold exactly the text recorded for it, since answers cite those ranges.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKnowledgeBuilder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let document = try? KnowledgeBuilder().build(bytes: bytes, fileName: "fuzz.md") else {
    return 0
  }
  var ids: Set<String> = []
  func check(_ id: String, _ range: KnowledgeDocument.ByteRange, _ text: String?) {
    guard ids.insert(id).inserted else { fatalError("duplicate id \(id)") }
    guard 0 <= range.start, range.start <= range.end, range.end <= bytes.count else {
      fatalError("range \(range) of \(id) outside the \(bytes.count)-byte input")
    }
    if let text, text != String(decoding: bytes[range.start..<range.end], as: UTF8.self) {
      fatalError("text of \(id) differs from its range")
    }
  }
  for section in document.sections {
    if let range = section.range { check(section.id, range, nil) }
    for paragraph in section.paragraphs {
      check(paragraph.id, paragraph.range, paragraph.text)
      for sentence in paragraph.sentences { check(sentence.id, sentence.range, sentence.text) }
    }
  }
  _ = KnowledgeBase(document: document)
  return 0
}

/// The executable's entry point under SwiftPM's name for it (see `FuzzerDriver.h`): hands the
/// command line to libFuzzer.
@_cdecl("FuzzKnowledgeBuilder_main")
public func runFuzzer(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var argc = argc
  var argv = argv
  return LLVMFuzzerRunDriver(&argc, &argv, fuzzKnowledgeBuilder)
}
