import FAQBot
import FuzzerDriver

/// The default knowledge, built once, so intent references get checked against it.
enum DefaultKnowledge {
  static let shared: KnowledgeBase? = {
    guard let document = try? PackLoader().loadKnowledge() else { return nil }
    return KnowledgeBase(document: document)
  }()
}

/// libFuzzer entry point: the bytes as one YAML intent file.
///
/// The loader must either return a pack or throw an `IntentPackError` that points into the
/// file; any crash, hang or unbounded allocation in it or in libyaml is a finding. Invalid
/// UTF-8 is rejected by `IntentPackLoader.files(inDirectory:)` before `load` sees it, so the
/// bytes are decoded leniently here to reach the parser with every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIntentLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  do {
    _ = try IntentPackLoader().load(files: [("fuzz.yaml", text)], knowledge: DefaultKnowledge.shared)
  } catch {
    guard !error.errors.isEmpty, error.errors.allSatisfy({ $0.location.file == "fuzz.yaml" }) else {
      fatalError("an intent-file error that does not point into the file: \(error)")
    }
  }
  return 0
}

/// The executable's entry point under SwiftPM's name for it (see `FuzzerDriver.h`): hands the
/// command line to libFuzzer.
@_cdecl("FuzzIntentLoader_main")
public func runFuzzer(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var argc = argc
  var argv = argv
  return LLVMFuzzerRunDriver(&argc, &argv, fuzzIntentLoader)
}
