import Foundation
import XCTest

/// Runs the built `faqbot` binary as a user or a program would: arguments, stdin bytes,
/// environment, and the exit status, stdout and stderr it leaves.
struct BinaryRunner {
  struct Outcome {
    var status: Int32
    var standardOutput: Data
    var standardError: Data
    var output: String { String(decoding: standardOutput, as: UTF8.self) }
    var errors: String { String(decoding: standardError, as: UTF8.self) }
  }

  /// The binary beside the test bundle in the build products directory.
  static let binary: URL = {
    var directory = Bundle.main.bundleURL
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      directory = bundle.bundleURL.deletingLastPathComponent()
    }
    return directory.appendingPathComponent("faqbot")
  }()

  /// A model cache shared by the tests of one run (the default pack trains once, not per test).
  static let testCacheDirectory: URL = {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("faqbot-e2e-cache-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    XCTestObservationCenter.shared.addTestObserver(CacheRemover(directory: directory))
    return directory
  }()

  /// Runs `faqbot arguments…` with `input` on stdin, closing it afterwards.
  static func run(
    _ arguments: [String], input: Data = Data(), environment: [String: String] = [:],
    directory: URL? = nil, executable: URL = binary
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    merged["NO_COLOR"] = "1"
    // Trained models go to a cache of this test run, never to the user's ~/.cache.
    merged["XDG_CACHE_HOME"] = testCacheDirectory.path
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    if let directory { process.currentDirectoryURL = directory }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Readers run concurrently with the writer so a large answer cannot deadlock the pipes.
    let outputBox = DataBox()
    let errorBox = DataBox()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
      outputBox.set(stdout.fileHandleForReading.readDataToEndOfFile())
    }
    DispatchQueue.global().async(group: group) {
      errorBox.set(stderr.fileHandleForReading.readDataToEndOfFile())
    }
    try? stdin.fileHandleForWriting.write(contentsOf: input)
    try? stdin.fileHandleForWriting.close()
    group.wait()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, standardOutput: outputBox.get(), standardError: errorBox.get())
  }

  static func run(_ arguments: [String], lines: [String], environment: [String: String] = [:]) throws
    -> Outcome
  {
    try run(arguments, input: Data(lines.map { $0 + "\n" }.joined().utf8), environment: environment)
  }
}

/// A lock-protected slot for data read on another thread.
final class DataBox: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  func set(_ value: Data) { lock.withLock { data = value } }
  func get() -> Data { lock.withLock { data } }
}

/// Deletes the test run's model cache once every test has run.
private final class CacheRemover: NSObject, XCTestObservation, @unchecked Sendable {
  let directory: URL
  init(directory: URL) { self.directory = directory }
  func testBundleDidFinish(_ testBundle: Bundle) {
    try? FileManager.default.removeItem(at: directory)
  }
}
