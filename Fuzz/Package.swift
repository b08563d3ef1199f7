// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for faqbot, kept out of the root package so `swift test` never builds
/// them (they need `-sanitize=fuzzer`, which only `Fuzz/run` passes). See docs/robustness.md.
let package = Package(
  name: "faqbot-fuzz",
  dependencies: [
    .package(name: "faqbot", path: "..")
  ],
  targets: [
    .target(name: "FuzzerDriver"),
    .executableTarget(
      name: "FuzzRequestDecoder",
      dependencies: ["FuzzerDriver", .product(name: "FAQBot", package: "faqbot")]
    ),
    .executableTarget(
      name: "FuzzAnswerPath",
      dependencies: ["FuzzerDriver", .product(name: "FAQBot", package: "faqbot")]
    ),
    .executableTarget(
      name: "FuzzIntentLoader",
      dependencies: ["FuzzerDriver", .product(name: "FAQBot", package: "faqbot")]
    ),
    .executableTarget(
      name: "FuzzKnowledgeBuilder",
      dependencies: ["FuzzerDriver", .product(name: "FAQBot", package: "faqbot")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
