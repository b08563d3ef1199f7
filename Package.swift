// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "faqbot",
  products: [
    .executable(name: "faqbot", targets: ["faqbot"]),
    .library(name: "FAQBot", targets: ["FAQBot"]),
    .library(name: "FAQBotEncoder", targets: ["FAQBotEncoder"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .target(
      name: "FAQBot",
      dependencies: ["CTokenVectors", "FAQBotWordPiece", .product(name: "Yams", package: "Yams")]
    ),
    // BERT's uncased tokenizer, shared by the token vectors and the encoder: one copy of the
    // splitting code over two vocabularies.
    .target(name: "FAQBotWordPiece"),
    // The contextual sentence encoder (all-MiniLM-L6-v2); it does not depend on the umbrella.
    .target(
      name: "FAQBotEncoder",
      dependencies: ["FAQBotWordPiece", "CEncoderWeights", "CEncoderKernels"]
    ),
    .target(
      name: "CEncoderWeights",
      // The data file is included by the assembler from EncoderWeights.c, not compiled.
      exclude: ["EncoderWeights.c.bin", "LICENSE", "NOTICE.md"]
    ),
    // The matrix product and GELU in C: Swift compiles for the x86-64 baseline (SSE2, no FMA),
    // while C can carry an AVX2 + FMA version chosen at run time (docs/performance.md).
    .target(name: "CEncoderKernels"),
    .target(
      name: "CTokenVectors",
      // The data file is included by the assembler from TokenVectors.c, not compiled.
      exclude: ["TokenVectors.c.bin", "LICENSE", "NOTICE.md"]
    ),
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    .executableTarget(
      name: "faqbot",
      dependencies: [
        "FAQBot",
        "CReadline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "FAQBotTests",
      dependencies: ["FAQBot"]
    ),
    .testTarget(
      name: "FAQBotEncoderTests",
      dependencies: ["FAQBotEncoder"]
    ),
    .testTarget(
      name: "EndToEndTests",
      // Depending on the executable makes `swift test` build the binary these tests run.
      dependencies: ["faqbot"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
