import Foundation
import XCTest

@testable import FAQBotCore

final class LazyValueTests: XCTestCase {
  /// Counts how often a value is made, from any thread.
  private final class Counter: @unchecked Sendable {
    // Unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var count = 0
    func increment() -> Int {
      lock.withLock {
        count += 1; return count
      }
    }
    var value: Int { lock.withLock { count } }
  }

  func testNothingIsMadeUntilTheFirstRead() {
    let counter = Counter()
    let lazy = LazyValue { counter.increment() }
    XCTAssertEqual(counter.value, 0)
    XCTAssertEqual(lazy.value, 1)
    XCTAssertEqual(lazy.value, 1)
    XCTAssertEqual(counter.value, 1)
  }

  func testManyThreadsReadingAtOnceGetOneValueMadeOnce() {
    let counter = Counter()
    let lazy = LazyValue { () -> Int in
      // Slow enough that the other readers arrive while it is being made.
      Thread.sleep(forTimeInterval: 0.02)
      return counter.increment()
    }
    let results = ResultSlots<Int>(count: 16)
    DispatchQueue.concurrentPerform(iterations: 16) { index in results.store(lazy.value, at: index) }
    XCTAssertEqual(results.take(), Array(repeating: 1, count: 16))
    XCTAssertEqual(counter.value, 1)
  }
}
