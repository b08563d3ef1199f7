// swift-tools-version:6.0
// SessionStore eviction, measured before choosing (docs/performance.md): the store as it is
// (Dictionary + use stamps + a batch sort) against an OrderedDictionary LRU. Run with
// `swift build -c release && stdbuf -oL .build/release/lru`.
import PackageDescription
let package = Package(
  name: "lru",
  dependencies: [.package(url: "https://github.com/apple/swift-collections", from: "1.6.0")],
  targets: [.executableTarget(name: "lru", dependencies: [.product(name: "OrderedCollections", package: "swift-collections")])]
)
