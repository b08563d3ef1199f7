// swift-tools-version:6.0
import PackageDescription

// The engine is one target per layer, each depending only on the layers below it (the map is
// docs/architecture.md):
//
//   FAQBotCore        text normalisation, stemming, hashing, mapped files, formatting
//   FAQBotJSON        the strict JSON reader and writer of the protocol and the importers
//   FAQBotVectors     the static token vectors and their WordPiece tokenizer
//   FAQBotEncoder     the contextual sentence encoder (all-MiniLM-L6-v2), on that tokenizer
//   FAQBotKnowledge   documents → knowledge files (sections, paragraphs, sentences)
//   FAQBotIntents     intent files → an intent pack
//   FAQBotMatching    features, the classifier, triggers, passage retrieval
//   FAQBotSafety      the crisis detector: phrase patterns, classifier, the built-in reply
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
    .library(name: "FAQBotEncoder", targets: ["FAQBotEncoder"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // The official Model Context Protocol SDK, for `faqbot mcp` (docs/mcp.md).
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
    // The SDK's logging API: its Transport protocol names swift-log's Logger.
    .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
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
    // The contextual sentence encoder (all-MiniLM-L6-v2). It depends on FAQBotVectors for BERT's
    // tokenizer (WordPiece, BasicTokenizer), one copy of the splitting code over two
    // vocabularies, and not on the umbrella, so every layer above may use it.
    .target(
      name: "FAQBotEncoder",
      dependencies: ["FAQBotVectors", "CEncoderWeights", "CEncoderKernels"]
    ),
    .target(
      name: "CEncoderWeights",
      // The data file is included by the assembler from EncoderWeights.c, not compiled.
      exclude: ["EncoderWeights.c.bin", "LICENSE", "NOTICE.md"]
    ),
    // The matrix product and GELU in C: Swift compiles for the x86-64 baseline (SSE2, no FMA),
    // while C can carry an AVX2 + FMA version chosen at run time (docs/performance.md).
    .target(
      name: "CEncoderKernels",
      // Optimised in debug builds too: at -O0 the kernels are 30 times slower, and `swift test`
      // runs the parity fixture (1,318 tokens, 28 GFLOP) in debug. A local flag (no dependency
      // of another package's is affected: faqbot is not used as a remote package).
      cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]
    ),
    .systemLibrary(
      name: "CCMark",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .target(name: "FAQBotKnowledge", dependencies: ["FAQBotCore", "FAQBotJSON", "CCMark"]),
    .target(
      name: "FAQBotIntents",
      dependencies: [
        "FAQBotCore", "FAQBotJSON", "FAQBotKnowledge", .product(name: "Yams", package: "Yams"),
        .product(name: "CSV", package: "CSV.swift"),
      ]
    ),
    // The classifier's score accumulation in C, AVX-512 / AVX2 chosen at run time, the same
    // bits as the portable loop (docs/performance.md, "Eighth round: the classifier's rows").
    .target(
      name: "CMatchingKernels",
      cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]
    ),
    .target(
      name: "FAQBotMatching",
      // CEncoderKernels for the f16 dot products of the nearest-example search (HalfVectors).
      dependencies: [
        "FAQBotCore", "FAQBotVectors", "FAQBotEncoder", "CEncoderKernels", "CMatchingKernels", "FAQBotKnowledge",
        "FAQBotIntents",
      ]
    ),
    .target(name: "FAQBotSafety", dependencies: ["FAQBotCore", "FAQBotVectors"]),
    .target(name: "FAQBotDefaultPack", dependencies: ["FAQBotKnowledge"]),
    .target(
      name: "FAQBotModelStore",
      dependencies: [
        "FAQBotCore", "FAQBotVectors", "FAQBotEncoder", "FAQBotKnowledge", "FAQBotIntents", "FAQBotMatching",
        "FAQBotDefaultPack", .product(name: "SystemPackage", package: "swift-system"),
      ]
    ),
    .target(
      name: "FAQBotDialogue",
      dependencies: [
        "FAQBotCore", "FAQBotEncoder", "FAQBotKnowledge", "FAQBotIntents", "FAQBotMatching", "FAQBotSafety",
        "FAQBotModelStore",
      ]
    ),
    .target(name: "FAQBotProtocol", dependencies: ["FAQBotCore", "FAQBotJSON", "FAQBotDialogue"]),
    .target(
      name: "FAQBot",
      dependencies: [
        "FAQBotCore", "FAQBotJSON", "FAQBotVectors", "FAQBotEncoder", "FAQBotKnowledge", "FAQBotIntents",
        "FAQBotMatching", "FAQBotSafety", "FAQBotDefaultPack", "FAQBotModelStore", "FAQBotDialogue", "FAQBotProtocol",
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
        .product(name: "MCP", package: "swift-sdk"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "SystemPackage", package: "swift-system"),
      ]
    ),
    // Helpers the unit tests share (packs, classifiers, the default engine, fixtures).
    .target(
      name: "FAQBotTestSupport",
      dependencies: ["FAQBot"],
      path: "Tests/FAQBotTestSupport"
    ),
    // One test target per layer, each testing its layer's internals.
    .testTarget(name: "FAQBotCoreTests", dependencies: ["FAQBotCore", "FAQBot", "FAQBotTestSupport"]),
    .testTarget(name: "FAQBotVectorsTests", dependencies: ["FAQBotVectors", "FAQBot", "FAQBotTestSupport"]),
    .testTarget(name: "FAQBotKnowledgeTests", dependencies: ["FAQBotKnowledge", "FAQBot", "FAQBotTestSupport"]),
    .testTarget(name: "FAQBotIntentsTests", dependencies: ["FAQBotIntents", "FAQBot", "FAQBotTestSupport"]),
    .testTarget(
      name: "FAQBotMatchingTests",
      // CMatchingKernels to check the score kernel against its portable loop bit for bit.
      dependencies: ["FAQBotMatching", "FAQBot", "FAQBotTestSupport", "CMatchingKernels"]
    ),
    .testTarget(name: "FAQBotModelStoreTests", dependencies: ["FAQBotModelStore", "FAQBot", "FAQBotTestSupport", "FAQBotDefaultPack", "FAQBotMatching"]),
    .testTarget(name: "FAQBotSafetyTests", dependencies: ["FAQBotSafety", "FAQBot", "FAQBotTestSupport"]),
    .testTarget(name: "FAQBotDialogueTests", dependencies: ["FAQBotDialogue", "FAQBot", "FAQBotTestSupport"]),
    .testTarget(name: "FAQBotProtocolTests", dependencies: ["FAQBotProtocol", "FAQBot", "FAQBotTestSupport", "FAQBotJSON"]),
    .testTarget(
      name: "FAQBotEncoderTests",
      // FAQBotVectors only for the token vectors, to check that both vocabularies split alike.
      // CEncoderKernels to check the int16 kernel against its portable loop on odd shapes.
      dependencies: ["FAQBotEncoder", "FAQBotVectors", "CEncoderKernels"]
    ),
    .testTarget(
      name: "EndToEndTests",
      // Depending on the executable makes `swift test` build the binary these tests run.
      dependencies: ["faqbot"],
      // The Python MCP client test that MCPClientTests runs.
      exclude: ["mcp"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
