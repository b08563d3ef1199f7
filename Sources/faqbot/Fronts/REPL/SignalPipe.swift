import Foundation
import Synchronization

extension REPL {
  /// Turns signals into bytes on a pipe the input loop polls beside the terminal, so Ctrl-C
  /// and resizes are handled between two keys, on the main thread, where readline can be
  /// called (the self-pipe trick).
  ///
  /// A plain `signal(2)` handler, as ``GracefulStop`` uses, not a Dispatch signal source:
  /// Dispatch receives signals through a `signalfd` that only sees them while every thread
  /// blocks them, and the process already has threads that do not (Swift's cooperative pool,
  /// Dispatch's workers), so a SIGTERM or SIGHUP taken by one of them was ignored and the
  /// session went on (`REPLInputTests` timed out now and then). The handler runs on whichever
  /// thread takes the signal and only writes one byte with `write(2)`, which is
  /// async-signal-safe; a C handler cannot capture context, so the pipe's write end is in a
  /// static atomic, the only state it reads. One REPL runs at a time.
  final class SignalPipe {
    /// Readable when a signal has arrived; ``received()`` says which.
    let readEnd: Int32
    private let writeEnd: Int32
    private let numbers: [Int32]
    /// The write end of the live pipe, or -1: what the handler writes to.
    private static let handlerTarget = Atomic<Int32>(-1)

    init?(_ numbers: [Int32]) {
      var ends: [Int32] = [0, 0]
      guard pipe(&ends) == 0 else { return nil }
      readEnd = ends[0]
      writeEnd = ends[1]
      self.numbers = numbers
      for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      }
      Self.handlerTarget.store(writeEnd, ordering: .sequentiallyConsistent)
      for number in numbers {
        signal(number) { number in
          let target = SignalPipe.handlerTarget.load(ordering: .sequentiallyConsistent)
          guard target >= 0 else { return }
          // The interrupted code may be about to read errno: keep it.
          let saved = errno
          var byte = UInt8(truncatingIfNeeded: number)
          _ = write(target, &byte, 1)
          errno = saved
        }
      }
    }

    /// The signals that arrived since the last call, oldest first (repeats kept).
    func received() -> [Int32] {
      var bytes = [UInt8](repeating: 0, count: 64)
      var numbers: [Int32] = []
      while true {
        let count = read(readEnd, &bytes, bytes.count)
        guard count > 0 else { break }
        numbers += bytes.prefix(count).map { Int32($0) }
      }
      return numbers
    }

    deinit {
      for number in numbers { signal(number, SIG_DFL) }
      Self.handlerTarget.store(-1, ordering: .sequentiallyConsistent)
      close(readEnd)
      close(writeEnd)
    }
  }
}
