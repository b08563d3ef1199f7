import Foundation
import Synchronization

/// How `faqbot mcp` ends on SIGTERM or SIGINT: the requests already being answered are
/// finished and their responses written, then the process exits with status 0; when nothing
/// is in flight it exits at once.
///
/// A host stops a server by closing its stdin or, if it lingers, with SIGTERM, and expects a
/// clean status and no half-written message. As in ``GracefulStop`` (which see for why this
/// is a plain `signal(2)` handler and not a Dispatch source), the handler only reads and
/// writes atomics and calls `_exit`; here the state is a count, because the SDK's server
/// answers several requests at once: `busy` is the requests read and not yet answered plus
/// the writes under way, kept by ``OutputChannel``.
enum MCPStop {
  private static let busy = Atomic<Int>(0)
  private static let requested = Atomic<Bool>(false)

  /// Routes SIGTERM and SIGINT to the graceful stop for the rest of the process's life.
  static func install() {
    // Touch the atomics first, so the handler never runs their lazy initialisation.
    busy.store(0, ordering: .sequentiallyConsistent)
    requested.store(false, ordering: .sequentiallyConsistent)
    for number in [SIGTERM, SIGINT] {
      signal(number) { _ in
        MCPStop.requested.store(true, ordering: .sequentiallyConsistent)
        // `_exit`, not `exit`: atexit handlers and static destructors are not safe here.
        if MCPStop.busy.load(ordering: .sequentiallyConsistent) == 0 { _exit(0) }
      }
    }
  }

  /// Counts one more request or write under way.
  static func enter() {
    busy.add(1, ordering: .sequentiallyConsistent)
  }

  /// Counts one fewer; the last one out exits if a stop was requested meanwhile.
  static func leave() {
    let remaining = busy.subtract(1, ordering: .sequentiallyConsistent).newValue
    if remaining == 0 && requested.load(ordering: .sequentiallyConsistent) { _exit(0) }
  }
}
