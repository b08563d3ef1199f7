import FAQBot
import XCTest

@testable import FAQBotDialogue

/// The JSON front's sessions: one context per id, and a bound on how many are kept so a
/// long-running process does not grow without limit.
final class SessionStoreTests: XCTestCase {
  func testEachSessionKeepsItsOwnContext() {
    var store = SessionStore(capacity: 10)
    store.withContext("a") { $0.lastQuestion = "about a" }
    store.withContext("b") { $0.lastQuestion = "about b" }
    XCTAssertEqual(store.withContext("a") { $0.lastQuestion }, "about a")
    XCTAssertEqual(store.withContext("b") { $0.lastQuestion }, "about b")
    XCTAssertNil(store.withContext("c") { $0.lastQuestion }, "a new session starts empty")
    XCTAssertEqual(store.count, 3)
  }

  func testLeastRecentlyUsedSessionsAreForgottenPastTheCapacity() {
    var store = SessionStore(capacity: 100)
    for index in 0..<100 {
      store.withContext("s\(index)") { $0.lastQuestion = "q\(index)" }
    }
    XCTAssertEqual(store.count, 100)
    // s0 is used again, so s1 is now the least recently used.
    XCTAssertEqual(store.withContext("s0") { $0.lastQuestion }, "q0")
    store.withContext("new") { $0.lastQuestion = "fresh" }
    XCTAssertLessThanOrEqual(store.count, 100)
    XCTAssertEqual(store.withContext("s0") { $0.lastQuestion }, "q0", "a recently used session was dropped")
    XCTAssertEqual(store.withContext("new") { $0.lastQuestion }, "fresh")
    XCTAssertNil(store.withContext("s1") { $0.lastQuestion }, "the oldest session was kept")
  }

  func testCountStaysBoundedUnderManySessions() {
    var store = SessionStore(capacity: 1_000)
    for index in 0..<25_000 {
      store.withContext("session-\(index)") { $0.lastQuestion = "q" }
      XCTAssertLessThanOrEqual(store.count, 1_000)
    }
    XCTAssertEqual(store.withContext("session-24999") { $0.lastQuestion }, "q")
  }
}
