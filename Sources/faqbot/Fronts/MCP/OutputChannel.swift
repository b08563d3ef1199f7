import Foundation
import Synchronization

/// Standard output of `faqbot mcp`, shared by the transport's reader thread (which answers
/// malformed lines itself) and the SDK's server: one message a line, each written whole with
/// `write(2)` under one lock so two messages never interleave, and nothing else ever written
/// there (logs go to stderr).
///
/// It also keeps the ledger of requests read and not yet answered, so that end of input can
/// wait for the answers already begun and SIGTERM (``MCPStop``) never cuts a message in half.
final class OutputChannel: Sendable {
  private struct Ledger {
    var pending: [MessageEnvelope.RequestID: Int] = [:]
    var pendingCount = 0
    var closed = false
  }

  private let ledger = Mutex(Ledger())
  private let writeLock = Mutex(())

  /// Records a request read from the client: it is answered exactly once.
  func begin(_ id: MessageEnvelope.RequestID) {
    ledger.withLock {
      $0.pending[id, default: 0] += 1
      $0.pendingCount += 1
    }
    MCPStop.enter()
  }

  /// Forgets a request the server will not answer (`notifications/cancelled`).
  func forget(_ id: MessageEnvelope.RequestID) {
    if settle(id) { MCPStop.leave() }
  }

  /// The number of requests read and not yet answered.
  var pendingCount: Int { ledger.withLock { $0.pendingCount } }

  /// Whether a write failed: the client closed our stdout.
  var isClosed: Bool { ledger.withLock { $0.closed } }

  /// Writes `message` and a line feed. When it is a response, the request it answers is
  /// settled after the write, so a stop waits for it. False when stdout is closed.
  func write(_ message: Data) -> Bool {
    var line = [UInt8](message)
    line.append(UInt8(ascii: "\n"))
    let answered = Self.answeredRequest(message)
    MCPStop.enter()
    let written = writeLock.withLock { _ in StandardOutput.write(line) }
    if !written { ledger.withLock { $0.closed = true } }
    if let answered, settle(answered) { MCPStop.leave() }
    MCPStop.leave()
    return written
  }

  /// Removes one pending request of `id`; false when none was pending.
  private func settle(_ id: MessageEnvelope.RequestID) -> Bool {
    ledger.withLock { ledger in
      guard let count = ledger.pending[id] else { return false }
      ledger.pending[id] = count > 1 ? count - 1 : nil
      ledger.pendingCount -= 1
      return true
    }
  }

  /// The id a response answers; nil for requests and notifications the server sends.
  private static func answeredRequest(_ message: Data) -> MessageEnvelope.RequestID? {
    guard let envelope = try? JSONDecoder().decode(MessageEnvelope.self, from: message),
      envelope.method == nil, envelope.hasResult || envelope.hasError
    else { return nil }
    return envelope.id
  }
}
