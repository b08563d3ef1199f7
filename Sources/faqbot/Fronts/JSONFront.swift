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
  /// The most lines answered as one batch: enough to keep both cores busy, few enough that
  /// the first answers of a large write are not held back long.
  static let batchLimit = 256

  func run() {
    // A client that goes away must end us through EPIPE on the next write, not SIGPIPE.
    StandardOutput.ignoreBrokenPipes()
    GracefulStop.install()

    let batch = JSONBatch(
      engine: engine, decoder: RequestDecoder(maxLineBytes: maxLineBytes), maxLineBytes: maxLineBytes)
    var sessions = SessionStore(capacity: sessionCapacity)
    var reader = LineReader(fileDescriptor: STDIN_FILENO, maxLineBytes: maxLineBytes)
    var output: [UInt8] = []
    output.reserveCapacity(4096)
    var lines: [InputLine] = []
    while true {
      guard GracefulStop.beginWaiting() else { return }
      guard let line = reader.next() else { return }
      GracefulStop.endWaiting()
      // Lines already buffered are answered together (on every core); a client that waits
      // for each answer sends one line at a time and gets it at once.
      lines.removeAll(keepingCapacity: true)
      lines.append(line)
      while lines.count < Self.batchLimit, reader.hasBufferedLine, let next = reader.next() {
        lines.append(next)
      }
      output.removeAll(keepingCapacity: true)
      batch.answer(lines, sessions: &sessions, into: &output)
      // A closed stdout means the client went away: stop quietly, with status 0.
      guard output.isEmpty || StandardOutput.write(output) else { return }
    }
  }
}
