import Foundation

/// A value computed the first time it is read, once, whichever thread reads it first; the
/// others wait for it.
///
/// For what an engine needs only on some questions and would otherwise compute at every
/// start: a one-question run (`faqbot ask`) should not pay for what its question never uses.
/// Guarded by an `NSLock`, as ``ResultSlots`` is, so ThreadSanitizer sees the lock.
package final class LazyValue<Value: Sendable>: @unchecked Sendable {
  // Unchecked: every access to `stored` holds `lock`; `make` is only called under it.
  private let lock = NSLock()
  private var stored: Value?
  private let make: @Sendable () -> Value

  package init(_ make: @escaping @Sendable () -> Value) {
    self.make = make
  }

  /// The value, computed now if no read has computed it yet.
  package var value: Value {
    lock.withLock {
      if let stored { return stored }
      let made = make()
      stored = made
      return made
    }
  }
}
