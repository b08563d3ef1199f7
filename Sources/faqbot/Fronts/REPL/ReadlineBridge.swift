// readline is a C library of process-wide state, used here from the main thread only; its
// variables are imported without concurrency annotations.
@preconcurrency import CReadline
import Foundation
import Synchronization

extension REPL {
  /// Where readline's callbacks meet the session.
  ///
  /// readline calls back through plain C function pointers with no context argument, so
  /// whatever they hand over has to be reachable without one. This lock-protected mailbox is
  /// that place, and the only one: the line handler posts each line (or the end of input)
  /// here for ``LineEditor`` to take, and the completer reads the topic names from it.
  final class ReadlineBridge: Sendable {
    /// What the line handler received.
    enum Delivery: Sendable, Equatable {
      case line(String)
      case endOfInput
    }

    static let shared = ReadlineBridge()

    private let deliveries = Mutex<[Delivery]>([])
    private let completion = Mutex(Completion(topicNames: []))

    func setTopicNames(_ names: [String]) {
      completion.withLock { $0.topicNames = names }
    }

    /// The oldest delivery not yet taken.
    func take() -> Delivery? {
      deliveries.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }

    private func post(_ delivery: Delivery) {
      deliveries.withLock { $0.append(delivery) }
    }

    /// The handler given to `rl_callback_handler_install`.
    ///
    /// It removes itself, so readline neither shows a new prompt before the answer is printed
    /// nor reads the next line into the same handler; ``LineEditor`` installs it again.
    static func receive(_ line: UnsafeMutablePointer<CChar>?) {
      rl_callback_handler_remove()
      guard let line else {
        shared.post(.endOfInput)
        return
      }
      // Decoding repairs bytes that are not UTF-8 with U+FFFD instead of failing.
      let text = String(decoding: UnsafeRawBufferPointer(start: line, count: strlen(line)), as: UTF8.self)
      free(line)
      shared.post(.line(text))
    }

    /// The `rl_attempted_completion_function`: `text` is the word being completed, which
    /// starts at byte `start` of the line.
    static func complete(
      _ text: UnsafePointer<CChar>?, start: Int32, end: Int32
    ) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
      // Never fall back to readline's own completion of file names.
      rl_attempted_completion_over = 1
      guard let text, let buffer = rl_line_buffer, start >= 0 else { return nil }
      let lineStart = String(
        decoding: UnsafeRawBufferPointer(start: buffer, count: Int(start)), as: UTF8.self)
      let word = String(cString: text)
      let candidates = shared.completion.withLock { $0.candidates(for: word, after: lineStart) }
      return matchList(candidates)
    }

    /// The list readline expects back, allocated with malloc because readline frees it: the
    /// text to put in place of the word, then (when there are several) every candidate, then
    /// NULL.
    private static func matchList(_ candidates: [String]) -> UnsafeMutablePointer<
      UnsafeMutablePointer<CChar>?
    >? {
      guard !candidates.isEmpty else { return nil }
      let entries = candidates.count == 1 ? candidates : [Completion.commonStart(of: candidates)] + candidates
      let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1)
      guard let memory = malloc(size) else { return nil }
      let list = memory.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
      for (index, entry) in entries.enumerated() { list[index] = strdup(entry) }
      list[entries.count] = nil
      return list
    }
  }
}
