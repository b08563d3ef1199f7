import Dispatch
import FAQBot
import Foundation
import Synchronization

/// The JSON Lines front (protocol v1, docs/protocol.md): one request a line in, exactly one
/// response line out, in order, flushed as soon as it is ready. Errors are answered and the
/// stream goes on; stdout carries nothing else.
struct JSONFront {
  let engine: Engine
  let maxLineBytes: Int
  var sessionCapacity = 10_000

  func run() {
    StandardOutput.ignoreBrokenPipes()
    let lifecycle = Lifecycle()
    let signalSources = lifecycle.exitOnSignals()
    defer { signalSources.forEach { $0.cancel() } }

    let decoder = RequestDecoder(maxLineBytes: maxLineBytes)
    let writer = ResponseWriter()
    var sessions = SessionStore(capacity: sessionCapacity)
    var reader = LineReader(fileDescriptor: STDIN_FILENO, maxLineBytes: maxLineBytes)
    var output: [UInt8] = []
    output.reserveCapacity(4096)
    while true {
      lifecycle.setReading(true)
      guard let line = reader.next() else { break }
      lifecycle.setReading(false)
      output.removeAll(keepingCapacity: true)
      switch line {
      case .tooLarge(let byteCount):
        let error = ProtocolError(
          code: .tooLarge, message: "request line of \(byteCount) bytes exceeds the limit of \(maxLineBytes) bytes",
          id: nil)
        writer.encode(error, into: &output)
      case .line(let bytes):
        if RequestDecoder.isBlank(bytes) { continue }
        switch decoder.decode(line: bytes) {
        case .failure(let error):
          writer.encode(error, into: &output)
        case .success(let request):
          let answer: Answer
          if let session = request.session {
            answer = sessions.withContext(session) { engine.respond(to: request.question, context: &$0) }
          } else {
            answer = engine.respond(to: request.question)
          }
          writer.encode(answer, id: request.id, into: &output)
        }
      }
      // A closed stdout means the client went away: stop quietly.
      guard StandardOutput.write(output) else { return }
      if lifecycle.stopRequested { return }
    }
  }
}

/// SIGTERM and SIGINT end the JSON front gracefully: at once while it waits for input,
/// after the current line's answer otherwise.
final class Lifecycle: Sendable {
  private let reading = Atomic<Bool>(false)
  private let stop = Atomic<Bool>(false)

  var stopRequested: Bool { stop.load(ordering: .acquiring) }

  func setReading(_ value: Bool) { reading.store(value, ordering: .releasing) }

  func exitOnSignals() -> [any DispatchSourceSignal] {
    [SIGTERM, SIGINT].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { [self] in
        stop.store(true, ordering: .releasing)
        if reading.load(ordering: .acquiring) { exit(0) }
      }
      source.resume()
      return source
    }
  }
}
