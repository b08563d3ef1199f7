import FAQBot
import Foundation

/// The JSON Lines front (protocol v1, docs/protocol.md): one request a line in, exactly one
/// response line out, in order, written with one `write(2)` as soon as it is ready so a client
/// may send a line and wait for its answer. Errors are answered and the stream goes on; stdout
/// carries nothing else.
///
/// Memory stays bounded whatever arrives: `LineReader` never holds more than `maxLineBytes` of a
/// line, the decoder never builds a tree, and `SessionStore` forgets the least recently used
/// conversations past `sessionCapacity`.
struct JSONFront {
  let engine: Engine
  let maxLineBytes: Int
  var sessionCapacity = 10_000

  func run() {
    // A client that goes away must end us through EPIPE on the next write, not SIGPIPE.
    StandardOutput.ignoreBrokenPipes()
    GracefulStop.install()

    let decoder = RequestDecoder(maxLineBytes: maxLineBytes)
    let writer = ResponseWriter()
    var sessions = SessionStore(capacity: sessionCapacity)
    var reader = LineReader(fileDescriptor: STDIN_FILENO, maxLineBytes: maxLineBytes)
    var output: [UInt8] = []
    output.reserveCapacity(4096)
    while true {
      guard GracefulStop.beginWaiting() else { return }
      guard let line = reader.next() else { return }
      GracefulStop.endWaiting()
      output.removeAll(keepingCapacity: true)
      switch line {
      case .tooLarge(let byteCount):
        writer.encode(ProtocolError.tooLarge(byteCount: byteCount, limit: maxLineBytes), into: &output)
      case .line(let bytes):
        if RequestDecoder.isBlank(bytes) { continue }
        switch decoder.decode(line: bytes) {
        case .failure(let error):
          writer.encode(error, into: &output)
        case .success(let request):
          let answer =
            if let session = request.session {
              sessions.withContext(session) { engine.respond(to: request.question, context: &$0) }
            } else {
              engine.respond(to: request.question)
            }
          writer.encode(answer, id: request.id, into: &output)
        }
      }
      // A closed stdout means the client went away: stop quietly, with status 0.
      guard StandardOutput.write(output) else { return }
    }
  }
}
