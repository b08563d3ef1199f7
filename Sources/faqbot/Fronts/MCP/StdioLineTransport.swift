import FAQBot
import Foundation
import Logging
import MCP

/// The stdio transport of `faqbot mcp`: newline-delimited JSON-RPC on stdin and stdout.
///
/// The SDK's `StdioTransport` (0.12.1) is not used because it misbehaves on the inputs the
/// server must survive:
/// - it puts stdin and stdout in non-blocking mode (a flag shared with every process holding
///   the same pipe or terminal) and polls with 10 ms sleeps, which adds up to 10 ms to each
///   round trip;
/// - it buffers a line without bound and rescans the buffer from its start after every 4 KiB
///   read, so a 10 MB line costs quadratic time and a line without end all the memory there is;
/// - lines that are not UTF-8 or not JSON reach the SDK's server, which answers them with a
///   made-up random id where JSON-RPC prescribes `null`;
/// - end of input ends the server while answers are still being computed, so a client that
///   writes its requests and closes its end loses the last answers.
///
/// - in strict mode its server refuses a request sent before `initialize` by throwing where
///   no one answers it, so the client waits for ever; and since it runs requests
///   concurrently, a request pipelined right after `initialize` can lose that race too.
///
/// This one reads with blocking `read(2)` on a thread of its own through the engine's
/// ``LineReader`` (lines are bounded: a longer one is skipped without being held), answers
/// malformed lines itself with a `null`-id error, refuses requests read before `initialize`
/// itself (so the SDK's server runs in its lenient mode, where no request goes unanswered),
/// and on end of input waits for the requests
/// in flight before finishing (at most ``drainTimeout``).
actor StdioLineTransport: Transport {
  nonisolated let logger: Logger
  private let channel: OutputChannel
  private let maxMessageBytes: Int
  private let messages: AsyncThrowingStream<Data, any Error>
  private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
  private var connected = false

  /// How long end of input waits for answers in flight: long enough for any answer (they
  /// take milliseconds), short enough that a wedged client cannot keep us alive.
  static let drainTimeout: Duration = .seconds(10)

  init(maxMessageBytes: Int, channel: OutputChannel, logger: Logger) {
    self.maxMessageBytes = maxMessageBytes
    self.channel = channel
    self.logger = logger
    (messages, continuation) = AsyncThrowingStream.makeStream(of: Data.self, throwing: (any Error).self)
  }

  func connect() async throws {
    guard !connected else { return }
    connected = true
    let pump = InputPump(
      maxMessageBytes: maxMessageBytes, channel: channel, continuation: continuation, logger: logger)
    // A thread of its own: a blocking read on one of the concurrency pool's two threads
    // would halve the server's capacity.
    Thread.detachNewThread { pump.run() }
  }

  func disconnect() async {
    continuation.finish()
  }

  func send(_ data: Data) async throws {
    guard channel.write(data) else {
      // The client closed our stdout: nothing more can be said, so stop reading too.
      continuation.finish()
      throw MCPError.connectionClosed
    }
  }

  func receive() -> AsyncThrowingStream<Data, any Error> { messages }
}

/// The reader thread's loop: lines from stdin to the server, or straight to an error reply.
private struct InputPump: Sendable {
  let maxMessageBytes: Int
  let channel: OutputChannel
  let continuation: AsyncThrowingStream<Data, any Error>.Continuation
  let logger: Logger

  /// Requests other than these are refused until `initialize` has been read: the lifecycle
  /// MCP prescribes, decided in the order the client wrote its lines.
  static let allowedBeforeInitialize: Set<String> = ["initialize", "ping"]

  func run() {
    var reader = LineReader(fileDescriptor: STDIN_FILENO, maxLineBytes: maxMessageBytes)
    var initializeRead = false
    while let line = reader.next() {
      guard forward(line, initializeRead: &initializeRead) else { return }
    }
    drain()
    continuation.finish()
  }

  /// Handles one line; false when stdout is closed and reading should stop.
  private func forward(_ line: InputLine, initializeRead: inout Bool) -> Bool {
    switch line {
    case .tooLarge(let count):
      return reply(
        JSONRPCErrorLine(
          .invalidRequest, "message is \(count) bytes, more than the limit of \(maxMessageBytes) bytes"))
    case .line(let bytes):
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
      guard String(validating: bytes, as: UTF8.self) != nil else {
        return reply(JSONRPCErrorLine(.parseError, "Parse error: the message is not valid UTF-8"))
      }
      let data = Data(bytes)
      switch Self.classify(data) {
      case .notJSON(let detail):
        return reply(JSONRPCErrorLine(.parseError, "Parse error: \(detail)"))
      case .batch:
        // MCP dropped JSON-RPC batches (2025-06-18); refusing them keeps every request
        // counted and behind `initialize`.
        return reply(JSONRPCErrorLine(.invalidRequest, "Invalid request: batches are not supported"))
      case .message(let classification):
        switch classification {
        case .invalid(let reason, let id):
          return reply(JSONRPCErrorLine(.invalidRequest, "Invalid request: \(reason)", id: id))
        case .request(let id, let method):
          if method == "initialize" {
            initializeRead = true
          } else if !initializeRead && !Self.allowedBeforeInitialize.contains(method) {
            return reply(
              JSONRPCErrorLine(
                .invalidRequest, "Invalid request: the server is not initialized; send \"initialize\" first",
                id: id))
          }
          // The SDK decodes a call's parameters as a whole, and a call whose `arguments` is not
          // an object failed there with Foundation's "data isn't in the correct format" as an
          // internal error: say what is wrong, as an invalid-params error with its id.
          if method == "tools/call", let problem = Self.toolCallProblem(data) {
            return reply(JSONRPCErrorLine(.invalidParams, "Invalid params: \(problem)", id: id))
          }
          channel.begin(id)
          continuation.yield(data)
        case .cancellation:
          if let id = try? JSONDecoder().decode(CancelNotification.self, from: data).params.requestId {
            channel.forget(id)
          }
          continuation.yield(data)
        case .other:
          continuation.yield(data)
        }
      }
      return true
    }
  }

  private struct CancelNotification: Decodable {
    var params: MessageEnvelope.CancelParameters
  }

  private enum Shape {
    case notJSON(String)
    case batch
    case message(MessageEnvelope.Classification)
  }

  /// What is wrong with the frame of a `tools/call` request's parameters (not an object, no
  /// tool name, `arguments` not an object), or nil when the SDK can decode them; the
  /// arguments' own mistakes are the tools' to report.
  static func toolCallProblem(_ data: Data) -> String? {
    guard let message = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
    guard let parameters = message["params"] as? [String: Any] else {
      return "tools/call needs \"params\": {\"name\": \"<tool>\", \"arguments\": {…}}"
    }
    guard parameters["name"] is String else { return "\"params.name\" must be the tool's name, a string" }
    if let arguments = parameters["arguments"], !(arguments is NSNull), !(arguments is [String: Any]) {
      return "\"params.arguments\" must be an object of the tool's arguments, e.g. {\"question\": \"…\"}"
    }
    return nil
  }

  private static func classify(_ data: Data) -> Shape {
    do {
      return .message(try JSONDecoder().decode(MessageEnvelope.self, from: data).classification)
    } catch DecodingError.typeMismatch {
      // Valid JSON that is not an object: an array is a JSON-RPC batch.
      let first = data.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
      if first == UInt8(ascii: "[") { return .batch }
      return .message(.invalid(reason: "a message must be a JSON object", id: nil))
    } catch {
      return .notJSON("the message is not JSON")
    }
  }

  private func reply(_ error: JSONRPCErrorLine) -> Bool {
    logger.warning("rejected a message: \(error.error.message)")
    guard channel.write(error.bytes) else {
      continuation.finish()
      return false
    }
    return true
  }

  /// Waits for the answers to requests already read, so a client that writes its requests
  /// and closes stdin still gets them all.
  private func drain() {
    let clock = ContinuousClock()
    let deadline = clock.now + StdioLineTransport.drainTimeout
    while channel.pendingCount > 0, !channel.isClosed, clock.now < deadline {
      usleep(1_000)
    }
  }
}
