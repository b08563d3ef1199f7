import CMatchingKernels
import XCTest

/// The classifier's score kernel (CMatchingKernels): whichever version the processor runs, the
/// sums are the portable loop's bit for bit, so answers and trained models do not depend on the
/// machine. On a processor without AVX2 both sides are the portable loop.
final class ScoreRowsTests: XCTestCase {
  func testTheVectorKernelGivesThePortableLoopsBitsOnEveryShape() {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func random() -> Float {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Float(Int64(bitPattern: state >> 11) % 2_000_001 - 1_000_000) / 1_000_000
    }
    // Class counts around the 8- and 16-float steps (and CLINC150's 150); 0 to 9 rows, so
    // passes of four and the one-row remainder both run.
    for classes in [1, 7, 8, 15, 16, 17, 31, 150] {
      let rows = 40
      let weights = (0..<rows * classes).map { _ in random() * 3 }
      for count in 0...9 {
        let features = (0..<count).map { _ in Int32(Int(random() * 1_000_000 + 1_000_000) % rows) }
        let values = (0..<count).map { _ in random() }
        let start = (0..<classes).map { _ in random() }
        var fast = start
        var portable = start
        faqbot_add_rows(features, values, count, 0.7, weights, classes, &fast)
        faqbot_add_rows_portable(features, values, count, 0.7, weights, classes, &portable)
        let shape = "\(classes) classes, \(count) rows"
        XCTAssertEqual(fast.map(\.bitPattern), portable.map(\.bitPattern), shape)
        // And the sums are the rows' (not, say, the start left as it was).
        if count > 0 {
          for c in 0..<classes {
            var expected = start[c]
            for (feature, value) in zip(features, values) {
              expected += value * 0.7 * weights[Int(feature) * classes + c]
            }
            XCTAssertEqual(fast[c], expected, accuracy: 1e-4)
          }
        }
      }
    }
  }
}
