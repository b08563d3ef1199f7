// swift-tools-version:6.0
import PackageDescription

// The engine is one target per layer, each depending only on the layers below it (the map is
// docs/architecture.md):
//
//   FAQBotCore        text normalisation, stemming, hashing, mapped files, formatting
//   FAQBotJSON        the strict JSON reader and writer of the protocol and the importers
//   FAQBotVectors     the static token vectors and their WordPiece tokenizer
//   FAQBotKnowledge   documents → knowledge files (sections, paragraphs, sentences)
//   FAQBotIntents     intent files → an intent pack
//   FAQBotMatching    features, the classifier, triggers, passage retrieval
//   FAQBotDefaultPack the embedded ketamine-therapy pack
//   FAQBotModelStore  the model file format, the model cache and pack loading
//   FAQBotDialogue    the engine: stages, sessions, evaluation, pack checks
//   FAQBotProtocol    JSON Lines requests and responses (no file descriptors)
//   FAQBot            the umbrella that re-exports every layer, for embedders
//
// The executable `faqbot` is the only target that touches standard streams, terminals and
// the process.
let package = Package(
  name: "faqbot",
  products: [
    .executable(name: "faqbot", targets: ["faqbot"]),
    .library(name: "FAQBot", targets: ["FAQBot"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
  ],
  targets: [
    .target(name: "FAQBotCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
    .target(name: "FAQBotJSON", dependencies: ["FAQBotCore"]),
    .target(
      name: "CTokenVectors",
      // The data file is included by the assembler from TokenVectors.c, not compiled.
      exclude: ["TokenVectors.c.bin", "LICENSE", "NOTICE.md"]
    ),
    .target(name: "FAQBotVectors", dependencies: ["FAQBotCore", "CTokenVectors"]),
    .target(name: "FAQBotKnowledge", dependencies: ["FAQBotCore"]),
    .target(
      name: "FAQBotIntents",
      dependencies: [
        "FAQBotCore", "FAQBotJSON", "FAQBotKnowledge", .product(name: "Yams", package: "Yams"),
        .product(name: "CSV", package: "CSV.swift"),
      ]
    ),
    .target(
      name: "FAQBotMatching",
      dependencies: ["FAQBotCore", "FAQBotVectors", "FAQBotKnowledge", "FAQBotIntents"]
    ),
    .target(name: "FAQBotDefaultPack", dependencies: ["FAQBotKnowledge"]),
    .target(
      name: "FAQBotModelStore",
      dependencies: [
        "FAQBotCore", "FAQBotVectors", "FAQBotKnowledge", "FAQBotIntents", "FAQBotMatching", "FAQBotDefaultPack",
        .product(name: "SystemPackage", package: "swift-system"),
      ]
    ),
    .target(
      name: "FAQBotDialogue",
      dependencies: ["FAQBotCore", "FAQBotKnowledge", "FAQBotIntents", "FAQBotMatching", "FAQBotModelStore"]
    ),
    .target(name: "FAQBotProtocol", dependencies: ["FAQBotCore", "FAQBotJSON", "FAQBotDialogue"]),
    .target(
      name: "FAQBot",
      dependencies: [
        "FAQBotCore", "FAQBotJSON", "FAQBotVectors", "FAQBotKnowledge", "FAQBotIntents", "FAQBotMatching",
        "FAQBotDefaultPack", "FAQBotModelStore", "FAQBotDialogue", "FAQBotProtocol",
      ]
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
        .product(name: "SystemPackage", package: "swift-system"),
      ]
    ),
    .testTarget(
      name: "FAQBotTests",
      dependencies: [
        "FAQBot", "FAQBotCore", "FAQBotJSON", "FAQBotVectors", "FAQBotKnowledge", "FAQBotIntents", "FAQBotMatching",
        "FAQBotDefaultPack", "FAQBotModelStore", "FAQBotDialogue", "FAQBotProtocol",
      ]
    ),
    .testTarget(
      name: "EndToEndTests",
      // Depending on the executable makes `swift test` build the binary these tests run.
      dependencies: ["faqbot"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
