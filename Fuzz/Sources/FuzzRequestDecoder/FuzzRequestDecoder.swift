import FAQBot
import FuzzerDriver

/// libFuzzer entry point: one input is one protocol line.
///
/// Runs both the request decoder (the JSON front's hot path) and the full parser, and checks
/// they agree: a line the decoder accepts as a request must be valid JSON (its documented
/// promise), and every answer or error must encode to exactly one line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let line = UnsafeBufferPointer(start: data, count: size)
  let decoded = RequestDecoder().decode(line: line)
  let parsed = Result { () throws(JSONParseError) -> JSONValue in try JSONParser().parse(line) }
  var buffer: [UInt8] = []
  switch decoded {
  case .success(let request):
    guard case .success = parsed else {
      fatalError("RequestDecoder accepted a line JSONParser rejects: \(Array(line))")
    }
    let answer = Answer(kind: .fallback, intent: nil, confidence: 0, text: request.question)
    ResponseWriter().encode(answer, id: request.id, into: &buffer)
  case .failure(let error):
    ResponseWriter().encode(error, into: &buffer)
  }
  guard buffer.last == 0x0A, buffer.dropLast().allSatisfy({ $0 != 0x0A }) else {
    fatalError("a response is not exactly one line")
  }
  return 0
}

/// The executable's entry point under SwiftPM's name for it (see `FuzzerDriver.h`): hands the
/// command line to libFuzzer.
@_cdecl("FuzzRequestDecoder_main")
public func runFuzzer(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var argc = argc
  var argv = argv
  return LLVMFuzzerRunDriver(&argc, &argv, fuzzRequestDecoder)
}
