import FAQBot
import FAQBotTestSupport
import Foundation
import XCTest

@testable import FAQBotDefaultPack
@testable import FAQBotModelStore

/// The pack compiled into the binary is the one in `knowledge/` and `intents/`, byte for byte.
final class DefaultPackSyncTests: XCTestCase {
  private static let fix = "the embedded default pack is out of step: run scripts/embed-default-pack"
  private let root = KnowledgeTestSupport.repositoryRoot

  func testTheEmbeddedKnowledgeFileIsTheCommittedOne() throws {
    let url = root.appendingPathComponent("knowledge").appendingPathComponent(DefaultPack.knowledgeFileName)
    let committed = Array(try Data(contentsOf: url))
    XCTAssertTrue(
      DefaultPack.knowledgeBytes == committed,
      "knowledge/\(url.lastPathComponent): \(Self.fix) (\(Self.firstDifference(DefaultPack.knowledgeBytes, committed)))"
    )
  }

  func testTheEmbeddedIntentFilesAreTheCommittedOnes() throws {
    let directory = root.appendingPathComponent("intents")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    XCTAssertFalse(names.isEmpty)
    XCTAssertEqual(DefaultPack.intentFiles.map(\.name), names, "intent files added or removed: \(Self.fix)")
    for (name, text) in DefaultPack.intentFiles where names.contains(name) {
      let committed = Array(try Data(contentsOf: directory.appendingPathComponent(name)))
      XCTAssertTrue(
        Array(text.utf8) == committed,
        "intents/\(name): \(Self.fix) (\(Self.firstDifference(Array(text.utf8), committed)))")
    }
  }

  /// Where two texts first differ, as a line number: byte dumps of whole files help nobody.
  private static func firstDifference(_ embedded: [UInt8], _ committed: [UInt8]) -> String {
    let embeddedLines = String(decoding: embedded, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    let committedLines = String(decoding: committed, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    for (number, (left, right)) in zip(embeddedLines, committedLines).enumerated() where left != right {
      return
        "first difference at line \(number + 1): embedded \"\(left.prefix(60))\", file \"\(right.prefix(60))\""
    }
    return "embedded \(embeddedLines.count) lines, file \(committedLines.count) lines"
  }

  func testTheEmbeddedPackLoads() throws {
    let knowledge = KnowledgeBase(document: try DefaultPack.knowledge())
    let pack = try IntentPackLoader().load(files: DefaultPack.embeddedIntentFiles, knowledge: knowledge)
    XCTAssertGreaterThanOrEqual(pack.intents.count, 30)
  }
}
