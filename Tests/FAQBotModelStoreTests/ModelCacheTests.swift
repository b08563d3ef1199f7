import FAQBot
import FAQBotTestSupport
import Foundation
import XCTest

@testable import FAQBotMatching
@testable import FAQBotModelStore

/// The model cache: trained once, loaded after; a damaged or stale file is replaced; a
/// cache that cannot be written costs only the training; concurrent writers never expose
/// half a file.
final class ModelCacheTests: XCTestCase {
  private let pack = ModelTestSupport.pack()
  private var packHash: String { TrainedModel.packHash(intentFiles: [("p.yaml", "v1")], knowledgeBytes: []) }

  /// Runs `cache.model` and counts the trainings.
  private func lookup(_ cache: ModelCache, packHash: String, pack: IntentPack? = nil) -> (
    IntentClassifier, ModelCache.Outcome, trainings: Int
  ) {
    var trainings = 0
    let (model, outcome) = cache.model(packHash: packHash) {
      trainings += 1
      let pack = pack ?? self.pack
      return TrainedModel(classifier: ModelTestSupport.classifier(for: pack), packHash: packHash, pack: pack)
    }
    return (model.classifier, outcome, trainings)
  }

  func testFirstLookupTrainsAndStoresTheNextLoads() throws {
    let cache = ModelCache(directory: try ModelTestSupport.temporaryDirectory(self) + "/nested/faqbot")
    let first = lookup(cache, packHash: packHash)
    XCTAssertEqual(first.1, .trained(stored: true))
    XCTAssertEqual(first.trainings, 1)
    XCTAssertTrue(FileManager.default.fileExists(atPath: cache.path(packHash: packHash)))
    let second = lookup(cache, packHash: packHash)
    XCTAssertEqual(second.1, .hit)
    XCTAssertEqual(second.trainings, 0)
    assertSameClassifier(second.0, first.0)
  }

  func testAChangedPackMissesAndKeepsTheOtherModel() throws {
    let cache = ModelCache(directory: try ModelTestSupport.temporaryDirectory(self))
    _ = lookup(cache, packHash: packHash)
    let changedHash = TrainedModel.packHash(intentFiles: [("p.yaml", "v2")], knowledgeBytes: [])
    XCTAssertNotEqual(cache.path(packHash: changedHash), cache.path(packHash: packHash))
    let changed = lookup(cache, packHash: changedHash, pack: ModelTestSupport.pack(extra: "sing me a song"))
    XCTAssertEqual(changed.1, .trained(stored: true))
    XCTAssertEqual(changed.0.intentIds.last, "extra")
    XCTAssertEqual(lookup(cache, packHash: packHash).1, .hit)
    XCTAssertEqual(lookup(cache, packHash: changedHash).0.intentIds.last, "extra")
  }

  func testACachedModelIsReadInPlaceFromTheMappedFile() throws {
    let cache = ModelCache(directory: try ModelTestSupport.temporaryDirectory(self))
    let trained = lookup(cache, packHash: packHash).0
    XCTAssertFalse(trained.model.weights.isMapped)
    let loaded = try XCTUnwrap(cache.load(packHash: packHash)).get()
    XCTAssertTrue(loaded.classifier.model.weights.isMapped)
    XCTAssertEqual(loaded.pack, pack, "the parsed pack is cached with the model")
    assertSameClassifier(loaded.classifier, trained)
    let analyzer = ModelTestSupport.analyzer(for: pack)
    for question in ["play a song", "what is the weather"] {
      XCTAssertEqual(
        loaded.classifier.predict(analyzer.analyze(question)), trained.predict(analyzer.analyze(question)))
    }
  }

  func testTheWeightsAreAlignedWhateverTheHeaderLength() throws {
    let directory = try ModelTestSupport.temporaryDirectory(self)
    let classifier = ModelTestSupport.classifier(for: pack)
    for engine in ["e", "en", "eng", "engi", "engine 5"] {
      let path = directory + "/\(engine.count).model"
      let model = TrainedModel(classifier: classifier, packHash: packHash, engine: engine)
      XCTAssertTrue(ModelCache.writeAtomically(model.encoded(), to: path))
      let file = try XCTUnwrap(MappedFile(path: path))
      let decoded = try TrainedModel.decode(file, packHash: packHash, engine: engine)
      XCTAssertTrue(decoded.classifier.model.weights.isMapped, engine)
      XCTAssertEqual(decoded.classifier.model.weights, classifier.model.weights, engine)
      let projections = try XCTUnwrap(decoded.classifier.embedding?.projections)
      XCTAssertTrue(projections.isMapped, engine)
      XCTAssertEqual(projections, classifier.embedding?.projections, engine)
      let address = projections.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
      XCTAssertEqual(address % 16, 0, engine)
    }
  }

  func testAnEmptyCacheFileIsTruncatedNotMissing() throws {
    let cache = ModelCache(directory: try ModelTestSupport.temporaryDirectory(self))
    XCTAssertTrue(FileManager.default.createFile(atPath: cache.path(packHash: packHash), contents: Data()))
    guard case .failure(.truncated)? = cache.load(packHash: packHash) else {
      return XCTFail("an empty file must be refused as truncated")
    }
  }

  /// Sets a file's modification time `days` ago.
  private func age(_ path: String, days: Int) {
    let when = time(nil) - days * 24 * 3600
    var times = [timespec(tv_sec: when, tv_nsec: 0), timespec(tv_sec: when, tv_nsec: 0)]
    XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
  }

  private func modificationDay(_ path: String) -> Int {
    var status = stat()
    XCTAssertEqual(stat(path, &status), 0)
    return Int(status.st_mtim.tv_sec) / (24 * 3600)
  }

  func testAStoreDeletesModelsUnusedForTheRetentionAndAHitKeepsItsOwn() throws {
    let directory = try ModelTestSupport.temporaryDirectory(self)
    let cache = ModelCache(directory: directory)
    _ = lookup(cache, packHash: packHash)
    let kept = cache.path(packHash: packHash)
    let stale = directory + "/0123456789abcdef0123456789abcdef.model"
    let recent = directory + "/fedcba9876543210fedcba9876543210.model"
    let leftover = directory + "/.x.model.123.456.tmp"
    let unrelated = directory + "/notes.txt"
    for path in [stale, recent, leftover, unrelated] {
      XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
    }
    age(stale, days: 40)
    age(leftover, days: 40)
    age(unrelated, days: 40)
    age(recent, days: 3)
    age(kept, days: 40)

    // A hit marks the model in use, so the store below keeps it.
    XCTAssertEqual(lookup(cache, packHash: packHash).1, .hit)
    XCTAssertEqual(modificationDay(kept), Int(time(nil)) / (24 * 3600))

    let other = TrainedModel.packHash(intentFiles: [("p.yaml", "v2")], knowledgeBytes: [])
    _ = lookup(cache, packHash: other, pack: ModelTestSupport.pack(extra: "sing me a song"))
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory))
    XCTAssertFalse(left.contains("0123456789abcdef0123456789abcdef.model"), "unused for 40 days")
    XCTAssertFalse(left.contains(".x.model.123.456.tmp"), "a crashed writer's leftover")
    XCTAssertTrue(left.contains("fedcba9876543210fedcba9876543210.model"), "used 3 days ago")
    XCTAssertTrue(left.contains("notes.txt"), "not the cache's to delete")
    XCTAssertTrue(FileManager.default.fileExists(atPath: kept))
    XCTAssertTrue(FileManager.default.fileExists(atPath: cache.path(packHash: other)))
  }

  func testTheSaltSeparatesBuilds() throws {
    let directory = try ModelTestSupport.temporaryDirectory(self)
    let old = ModelCache(directory: directory, salt: "build 1")
    _ = lookup(old, packHash: packHash)
    XCTAssertEqual(
      lookup(ModelCache(directory: directory, salt: "build 2"), packHash: packHash).1, .trained(stored: true))
  }

  func testCorruptTruncatedAndStaleFilesAreRetrainedAndReplaced() throws {
    let cache = ModelCache(directory: try ModelTestSupport.temporaryDirectory(self))
    let path = cache.path(packHash: packHash)
    _ = lookup(cache, packHash: packHash)
    let good = try Data(contentsOf: URL(fileURLWithPath: path))

    var flipped = good
    flipped[flipped.count - 5] ^= 0xFF
    let otherEngine = TrainedModel(
      classifier: ModelTestSupport.classifier(for: pack), packHash: packHash, engine: "faqbot 0.0.0 matcher 0"
    )
    let otherPack = TrainedModel(
      classifier: ModelTestSupport.classifier(for: pack), packHash: String(repeating: "f", count: 64))
    let cases: [(String, Data, (TrainedModelError) -> Bool)] = [
      ("corrupt", flipped, { if case .corrupt = $0 { true } else { false } }),
      ("truncated", good.prefix(good.count / 2), { $0 == .truncated }),
      ("empty", Data(), { $0 == .truncated }),
      ("other engine", Data(otherEngine.encoded()), { $0 == .stale(.engine("faqbot 0.0.0 matcher 0")) }),
      ("other pack", Data(otherPack.encoded()), { $0 == .stale(.pack) }),
    ]
    for (name, bytes, isExpected) in cases {
      try bytes.write(to: URL(fileURLWithPath: path))
      let outcome = lookup(cache, packHash: packHash)
      guard case .retrained(let error, stored: true) = outcome.1 else {
        XCTFail("\(name): \(outcome.1)")
        continue
      }
      XCTAssertTrue(isExpected(error), "\(name): \(error)")
      XCTAssertEqual(outcome.trainings, 1, name)
      XCTAssertEqual(lookup(cache, packHash: packHash).1, .hit, "\(name): not replaced")
    }
  }

  func testAnUnwritableCacheOnlyCostsTheTraining() throws {
    let directory = try ModelTestSupport.temporaryDirectory(self)
    // A regular file where the cache directory should be: no user, root included, can
    // create the directory, which a read-only mode would not guarantee.
    let blocker = directory + "/not-a-directory"
    XCTAssertTrue(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
    let cache = ModelCache(directory: blocker + "/faqbot")
    for _ in 0..<2 {
      let outcome = lookup(cache, packHash: packHash)
      XCTAssertEqual(outcome.1, .trained(stored: false))
      XCTAssertEqual(outcome.0.intentIds, ["balance", "translate", "weather"])
    }
    if geteuid() != 0 {
      let readOnly = directory + "/read-only"
      try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
      chmod(readOnly, 0o555)
      addTeardownBlock { chmod(readOnly, 0o755) }
      XCTAssertEqual(lookup(ModelCache(directory: readOnly), packHash: packHash).1, .trained(stored: false))
    }
  }

  /// Writers race to store different models under one key while readers load it: every
  /// read finds no file or a whole model, never a damaged one, and no temporary file stays.
  func testConcurrentWritersNeverExposeAPartialFile() throws {
    let directory = try ModelTestSupport.temporaryDirectory(self)
    let cache = ModelCache(directory: directory)
    let packHash = self.packHash
    let models = (1...3).map {
      TrainedModel(classifier: ModelTestSupport.largeClassifier(seed: UInt64($0)), packHash: packHash)
    }
    let encodedSizes = Set(models.map { $0.encoded().count })
    XCTAssertGreaterThan(encodedSizes.min() ?? 0, 1_000_000)
    let failures = LockedList()
    let loads = LockedList()
    DispatchQueue.concurrentPerform(iterations: 6) { worker in
      for round in 0..<8 {
        if worker < 3 {
          if !cache.store(models[(worker + round) % models.count]) { failures.append("store failed") }
        } else {
          switch cache.load(packHash: packHash) {
          case .failure(let error)?: failures.append("\(error)")
          case .success(let model)?:
            loads.append(model.classifier.knownStems.first { $0.hasPrefix("seed") } ?? "?")
          case nil: break
          }
        }
      }
    }
    XCTAssertEqual(failures.items, [])
    XCTAssertFalse(loads.items.isEmpty)
    XCTAssertTrue(Set(loads.items).isSubset(of: ["seed1", "seed2", "seed3"]), "\(Set(loads.items))")
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory), [cache.fileName(packHash: packHash)])
  }

  func testTheDefaultDirectoryFollowsXDG() {
    XCTAssertEqual(
      ModelCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]), "/c/faqbot")
    XCTAssertEqual(
      ModelCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "", "HOME": "/h"]), "/h/.cache/faqbot")
    XCTAssertEqual(
      ModelCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]),
      "/h/.cache/faqbot")
    XCTAssertNil(ModelCache.defaultDirectory(environment: [:]))
  }
}

/// Strings appended from several threads.
final class LockedList: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [String] = []
  func append(_ item: String) { lock.withLock { storage.append(item) } }
  var items: [String] { lock.withLock { storage } }
}
