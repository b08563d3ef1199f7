import FAQBot
import Foundation
import XCTest

@testable import FAQBotModelStore

/// A pack's files are read once: the content hash and what is parsed come from the same bytes,
/// whatever happens to the files afterwards.
final class PackFilesTests: XCTestCase {
  private func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  private func intents(answering answer: String) -> String {
    "intents:\n  - id: brew\n    examples: [how do I brew tea]\n    answer: \"\(answer)\"\n"
  }

  private func knowledgeFile(_ body: String) throws -> String {
    let document = try KnowledgeBuilder().build(
      bytes: Array("Tea Notes\n\nBrewing\n\n\(body)\n".utf8), fileName: "tea.txt")
    return String(decoding: KnowledgeFile.encode(document), as: UTF8.self)
  }

  func testTheHashAndThePackComeFromTheSameRead() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
    try FileManager.default.createDirectory(atPath: directory + "/intents", withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
    try write(intents(answering: "Boil water."), to: directory + "/intents/tea.yaml")
    try write(try knowledgeFile("Boil water. Steep three minutes."), to: directory + "/tea.json")
    let loader = PackLoader(knowledgePath: directory + "/tea.json", intentsDirectory: directory + "/intents")

    let files = try XCTUnwrap(loader.readFiles())
    XCTAssertEqual(files.contentHash, loader.contentHash())
    // Edited after the read, as an editor saving or a `git pull` during a start would.
    try write(intents(answering: "Use a kettle."), to: directory + "/intents/tea.yaml")
    try write(try knowledgeFile("Use a kettle. Steep five minutes."), to: directory + "/tea.json")
    XCTAssertNotEqual(loader.contentHash(), files.contentHash, "the new content has another hash")

    let knowledge = KnowledgeBase(document: try files.loadKnowledge())
    let paragraph = knowledge.document.sections.first?.paragraphs.first
    XCTAssertEqual(paragraph?.text, "Boil water. Steep three minutes.")
    let pack = try files.loadIntents(knowledge: knowledge)
    XCTAssertEqual(pack.intents.first?.answer.text, "Boil water.")
    XCTAssertEqual(files.intentFiles.map(\.name), [directory + "/intents/tea.yaml"])
  }

  func testTheDefaultPackReadsTheEmbeddedFilesAndAMissingFileReadsNothing() throws {
    let files = try XCTUnwrap(PackLoader().readFiles())
    XCTAssertEqual(files.contentHash, PackLoader().contentHash())
    XCTAssertEqual(try files.loadKnowledge(), try PackLoader().loadKnowledge())
    XCTAssertFalse(try files.loadIntents(knowledge: nil).intents.isEmpty)

    XCTAssertNil(PackLoader(knowledgePath: "/nonexistent/tea.json").readFiles())
    XCTAssertNil(PackLoader(intentsDirectory: "/nonexistent/intents").readFiles())
  }
}
