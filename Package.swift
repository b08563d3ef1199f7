// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "faqbot",
  products: [
    .executable(name: "faqbot", targets: ["faqbot"]),
    .library(name: "FAQBot", targets: ["FAQBot"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // The official Model Context Protocol SDK, for `faqbot mcp` (docs/mcp.md).
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
    // The SDK's logging API: its Transport protocol names swift-log's Logger.
    .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
  ],
  targets: [
    .target(
      name: "FAQBot",
      dependencies: ["CTokenVectors", .product(name: "Yams", package: "Yams")]
    ),
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
        .product(name: "MCP", package: "swift-sdk"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .testTarget(
      name: "FAQBotTests",
      dependencies: ["FAQBot"]
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
