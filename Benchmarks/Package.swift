// swift-tools-version:6.0
// The benchmark tools: a separate package so `swift test` at the root never builds them.
// It depends on the root package by path; a path dependency's identity is its directory's
// name, which is whatever the clone is called, hence the computed name.
import Foundation
import PackageDescription

let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()

let package = Package(
  name: "FAQBotBenchmarks",
  dependencies: [.package(path: root.path)],
  targets: [
    .executableTarget(
      name: "faqbot-bench",
      dependencies: [.product(name: "FAQBot", package: root.lastPathComponent)]
    ),
    // The sentence encoder's developer tool: vectors as JSON lines (for
    // Benchmarks/experiments/encoder_parity.py) and its timings (docs/performance.md).
    .executableTarget(
      name: "faqbot-encode",
      dependencies: [.product(name: "FAQBotEncoder", package: root.lastPathComponent)]
    ),
    // A knowledge-only pack's thresholds tried on the documents' tune questions, the engine
    // built once per document (docs/performance.md, "Knowledge-only retrieval").
    .executableTarget(
      name: "faqbot-retrieval-sweep",
      dependencies: [.product(name: "FAQBot", package: root.lastPathComponent)]
    ),
  ],
  swiftLanguageModes: [.v6]
)
