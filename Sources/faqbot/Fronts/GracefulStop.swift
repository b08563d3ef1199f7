import Foundation
import Synchronization

/// How the JSON front ends on SIGTERM or SIGINT: the line being answered is finished and
/// written, then the process exits with status 0; while it waits for input it exits at once.
///
/// Supervisors send SIGTERM to stop a child and expect a clean status, and a client that sent
/// a request just before must not get half a line. The handler therefore never interrupts an
/// answer: it only records the request, and exits directly only when the front is blocked in
/// `read(2)`, where no answer is in progress and nothing is buffered for stdout.
///
/// It is a plain `signal(2)` handler rather than a Dispatch signal source: Dispatch receives
/// signals through a `signalfd` that only sees them while every thread blocks them, and the
/// process already has threads that do not, so a SIGTERM could be taken and ignored by one of
/// them. A C handler cannot capture context, hence the two static atomics, the only state the
/// handler touches; atomics are lock-free and safe in a signal handler, and `_exit` is
/// async-signal-safe.
enum GracefulStop {
  private static let waiting = Atomic<Bool>(false)
  private static let requested = Atomic<Bool>(false)

  /// Routes SIGTERM and SIGINT to the graceful stop for the rest of the process's life.
  static func install() {
    // Touch the atomics first, so the handler never runs their lazy initialisation.
    waiting.store(false, ordering: .sequentiallyConsistent)
    requested.store(false, ordering: .sequentiallyConsistent)
    for number in [SIGTERM, SIGINT] {
      signal(number) { _ in
        GracefulStop.requested.store(true, ordering: .sequentiallyConsistent)
        // `_exit`, not `exit`: atexit handlers and static destructors are not safe here.
        // Nothing is lost: stdout is written with write(2) and every answer so far is whole.
        if GracefulStop.waiting.load(ordering: .sequentiallyConsistent) { _exit(0) }
      }
    }
  }

  /// Marks the start of a wait for input; false when a stop was requested, so the caller
  /// returns instead of waiting. Checking after publishing the flag closes the window where a
  /// signal lands between the last answer and the next `read(2)`.
  static func beginWaiting() -> Bool {
    waiting.store(true, ordering: .sequentiallyConsistent)
    return !requested.load(ordering: .sequentiallyConsistent)
  }

  /// Marks the end of the wait: a signal from now on lets the current line finish.
  static func endWaiting() {
    waiting.store(false, ordering: .sequentiallyConsistent)
  }
}
