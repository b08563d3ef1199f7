import Foundation
import XCTest

extension XCTestCase {
  /// A new, empty directory under the system's temporary directory, named `prefix-UUID`,
  /// removed with everything in it when the test ends: what the end-to-end tests write packs,
  /// knowledge files and caches into.
  func makeTemporaryDirectory(_ prefix: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    return directory
  }
}
