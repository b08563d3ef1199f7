import FAQBotCore
import XCTest

final class PercentTests: XCTestCase {
  func testOneDecimal() {
    XCTAssertEqual(Percent(0.873).description, "87.3%")
    XCTAssertEqual(Percent(0.98201).description, "98.2%")
    XCTAssertEqual(Percent(0).description, "0.0%")
    XCTAssertEqual(Percent(1).description, "100.0%")
    XCTAssertEqual(Percent(0.9994).description, "99.9%")
  }

  /// Where one decimal would round a value below 1 up to 100.0%, two decimals rounded down:
  /// a threshold of 0.99899 and a score of 0.99966 must not both read as certainty.
  func testNearCertaintyShowsHundredthsNeverAHundred() {
    XCTAssertEqual(Percent(0.99966).description, "99.96%")
    XCTAssertEqual(Percent(0.9995).description, "99.95%")
    XCTAssertEqual(Percent(0.99999).description, "99.99%")
    XCTAssertEqual(Percent(0.999_999_9).description, "99.99%")
  }

  func testOutOfRangeAndNaNAreClamped() {
    XCTAssertEqual(Percent(-0.3).description, "0.0%")
    XCTAssertEqual(Percent(1.7).description, "100.0%")
    XCTAssertEqual(Percent(.nan).description, "0.0%")
  }
}
