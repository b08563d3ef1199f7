import Foundation

/// One result slot per task of a `DispatchQueue.concurrentPerform`, each filled by the one
/// thread that runs its task and read once they have all finished: `faqbot check` spreads
/// intents over the cores with it, and the JSON front its request groups.
///
/// Guarded by an `NSLock` (a pthread mutex) rather than `Synchronization.Mutex`: on Linux a
/// contended `Mutex` is handed over inside the uninstrumented Swift runtime, so
/// ThreadSanitizer cannot see the lock and reports every hand-over as a race.
///
/// Inlinable so that a caller in another module gets it specialised to its element type: the
/// JSON front stores one answer per request, and the unspecialised class looked up its
/// generic metadata on every store (1.7% of a CLINC150 JSON run's samples).
public final class ResultSlots<Element: Sendable>: @unchecked Sendable {
  // Unchecked: every access to `slots` holds `lock`.
  @usableFromInline let lock = NSLock()
  @usableFromInline var slots: [Element?]

  /// `count` empty slots, one for each task's result.
  @inlinable
  public init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// Stores the result of task `index`; each index is written by one task only.
  @inlinable
  public func store(_ element: Element, at index: Int) { lock.withLock { slots[index] = element } }

  /// The slots in index order; nil where nothing was stored.
  @inlinable
  public func take() -> [Element?] { lock.withLock { slots } }
}
