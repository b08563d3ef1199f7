import Foundation
import XCTest

/// How the JSON end-to-end tests start faqbot: `--json` on the repository's own intent files
/// (the source the default pack is generated from), with the model cache in a temporary
/// directory.
///
/// The default pack is trained at every start, which takes well over ten seconds in a debug
/// build; a pack from files is trained once and then loaded from the cache in well under a
/// second, and these tests start faqbot two dozen times. The cache directory belongs to this
/// test process and is removed when the test bundle finishes.
enum JSONTestPack {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The arguments after `faqbot` for the JSON front on the test pack.
  static let arguments = ["--json", "--intents", repository.appendingPathComponent("intents").path]

  /// The environment additions that point the model cache at the temporary directory.
  static var environment: [String: String] { ["XDG_CACHE_HOME": BinaryRunner.testCacheDirectory.path] }

  /// Runs `faqbot --json … extraArguments` with `input` on stdin until it exits.
  static func run(_ extraArguments: [String] = [], input: Data) throws -> BinaryRunner.Outcome {
    try BinaryRunner.run(arguments + extraArguments, input: input, environment: environment)
  }

  /// Runs `faqbot --json … extraArguments` with `lines` (each given a LF) on stdin.
  static func run(_ extraArguments: [String] = [], lines: [String]) throws -> BinaryRunner.Outcome {
    try run(extraArguments, input: Data(lines.map { $0 + "\n" }.joined().utf8))
  }
}
