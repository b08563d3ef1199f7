// faqbot-encode: the sentence encoder from the command line, for its parity check and timings.
//
//   faqbot-encode [--kernel K] [--batch N] < lines      one JSON line a line: {"tokens", "vector"}
//   faqbot-encode --bench [--kernel K] [--runs N] [--cpu-time]
//                                                       median ms: one question, 8/32/128/256 tokens
//                                                       (--cpu-time: the thread's CPU time, not the
//                                                       wall clock, on a machine others load)
//   faqbot-encode --throughput [--kernel K] < lines     sentences/s one at a time and in batches
//
// K is one of native (default), rowTiles, portableC, simdSwift, naiveSwift
// (FAQBotEncoder.MatrixKernel). `--panels half|int16` packs the native kernel's weights in that
// format (FAQBotEncoder.PanelFormat) instead of the processor's best, to compare them side by
// side.
import FAQBotEncoder
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  return arguments[index + 1]
}
let kernel = option("--kernel").flatMap(MatrixKernel.init(rawValue:)) ?? .native
let encoder: SentenceEncoder
do {
  if let name = option("--panels") {
    guard let format = PanelFormat(rawValue: name) else {
      FileHandle.standardError.write(Data("faqbot-encode: --panels is half or int16, not \(name)\n".utf8))
      exit(2)
    }
    let bytes = Array(try EncoderWeights.embedded.get().bytes)
    encoder = SentenceEncoder(weights: try EncoderWeights(copying: bytes, panelFormat: format), kernel: kernel)
  } else {
    encoder = try SentenceEncoder.embedded(kernel: kernel)
  }
} catch {
  FileHandle.standardError.write(Data("faqbot-encode: the embedded weights are unreadable: \(error)\n".utf8))
  exit(1)
}

let cpuTime = arguments.contains("--cpu-time")
func now() -> Double {
  guard cpuTime else { return Double(DispatchTime.now().uptimeNanoseconds) / 1e6 }
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func readLines() -> [String] {
  var lines: [String] = []
  while let line = Swift.readLine(strippingNewline: true) { lines.append(line) }
  return lines
}

if arguments.contains("--bench") {
  let runs = option("--runs").flatMap(Int.init) ?? 21
  func time(_ ids: [[Int32]]) -> Double {
    _ = encoder.encode(tokenIDs: ids)
    return median(
      (0..<runs).map { _ in
        let start = now()
        _ = encoder.encode(tokenIDs: ids)
        return now() - start
      })
  }
  let question = "What are the side effects of ketamine therapy?"
  let ids = encoder.tokenIDs(question)
  print("kernel \(kernel.rawValue), \(encoder.weights.panelFormat.rawValue) panels, \(runs) runs, median ms\(cpuTime ? " of CPU time" : "")")
  print("question (\(ids.count) tokens): \(String(format: "%.3f", time([ids])))")
  let text = Array(repeating: "ketamine therapy helps some people with depression", count: 60).joined(
    separator: " ")
  let long = encoder.tokenIDs(text)
  for length in [8, 32, 128, 256] {
    let cut = Array(long.prefix(length - 1)) + [long[long.count - 1]]
    print("\(length) tokens: \(String(format: "%.3f", time([cut])))")
  }
} else if arguments.contains("--throughput") {
  let lines = readLines()
  let ids = lines.map(encoder.tokenIDs)
  var start = now()
  for sentence in ids { _ = encoder.encode(tokenIDs: [sentence]) }
  let single = now() - start
  start = now()
  _ = encoder.encode(tokenIDs: ids)
  let batched = now() - start
  let tokens = ids.reduce(0) { $0 + $1.count }
  print(
    "\(lines.count) sentences, \(tokens) tokens: one at a time \(String(format: "%.0f", Double(lines.count) / single * 1000))/s, "
      + "batched \(String(format: "%.0f", Double(lines.count) / batched * 1000))/s")
} else {
  let lines = readLines()
  let batch = max(1, option("--batch").flatMap(Int.init) ?? 64)
  var output = ""
  for start in stride(from: 0, to: lines.count, by: batch) {
    let chunk = Array(lines[start..<min(lines.count, start + batch)])
    let ids = chunk.map(encoder.tokenIDs)
    for (tokens, vector) in zip(ids, encoder.encode(tokenIDs: ids)) {
      let numbers = vector.map { String(format: "%.7g", $0) }.joined(separator: ",")
      output += "{\"tokens\":[\(tokens.map(String.init).joined(separator: ","))],\"vector\":[\(numbers)]}\n"
    }
  }
  FileHandle.standardOutput.write(Data(output.utf8))
}
