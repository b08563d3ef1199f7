import Foundation
import XCTest

/// `faqbot knowledge build` and `show` as a user runs them, including the bad documents that
/// must fail cleanly, and the binary copied alone into an empty directory.
final class KnowledgeCommandTests: XCTestCase {
  private var directory = URL(fileURLWithPath: NSTemporaryDirectory())

  private static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  private static let article = repositoryRoot.appendingPathComponent("knowledge/ketamine-therapy.txt")
  private static let committedJSON = repositoryRoot.appendingPathComponent("knowledge/ketamine-therapy.json")

  override func setUpWithError() throws {
    directory = try makeTemporaryDirectory("faqbot-knowledge")
  }

  private func write(_ bytes: [UInt8], _ name: String) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  /// Runs `faqbot knowledge build document -o out.json` and checks the failure contract:
  /// one line on stderr naming the file, status 1, nothing on stdout, no output file.
  private func assertBuildFails(
    _ document: String, mentioning detail: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let output = directory.appendingPathComponent("out-\(UUID().uuidString).json")
    let outcome = try BinaryRunner.run(["knowledge", "build", document, "-o", output.path])
    XCTAssertEqual(outcome.status, 1, outcome.errors, file: file, line: line)
    let message = outcome.errors.trimmingCharacters(in: .whitespacesAndNewlines)
    XCTAssertFalse(message.contains("\n"), "not one line: \(message)", file: file, line: line)
    XCTAssertTrue(message.contains(document), "does not name the file: \(message)", file: file, line: line)
    XCTAssertTrue(message.contains(detail), "does not say \(detail): \(message)", file: file, line: line)
    XCTAssertTrue(outcome.output.isEmpty, outcome.output, file: file, line: line)
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: output.path), "output file created", file: file, line: line)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
      $0.hasSuffix(".json")
    }
    XCTAssertEqual(leftovers, [], "partial files left behind", file: file, line: line)
  }

  func testAMissingDocumentFails() throws {
    try assertBuildFails(directory.appendingPathComponent("no-such-file.txt").path, mentioning: "cannot read")
  }

  func testADirectoryIsNotADocument() throws {
    try assertBuildFails(directory.path, mentioning: "cannot read")
  }

  func testAnEmptyDocumentFails() throws {
    try assertBuildFails(try write([], "empty.txt"), mentioning: "empty")
    try assertBuildFails(try write(Array(" \n\r\n\t\n".utf8), "blank.txt"), mentioning: "empty")
  }

  func testABinaryDocumentFails() throws {
    let bytes: [UInt8] = Array("Title\n\nSome text.".utf8) + [0x00, 0x01, 0xFF, 0x00]
    try assertBuildFails(try write(bytes, "image.png"), mentioning: "NUL")
  }

  /// UTF-16 text is text, not binary: the error says how to save it as UTF-8.
  func testAUTF16DocumentIsNamedAsSuch() throws {
    let text = "# Tea\n\nTea is a drink.\n"
    let withMark: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let withoutMark: [UInt8] = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    try assertBuildFails(try write(withMark, "tea16.md"), mentioning: "UTF-16 text; save it as UTF-8")
    try assertBuildFails(try write(withoutMark, "tea16le.md"), mentioning: "UTF-16 text; save it as UTF-8")
  }

  func testANonUTF8DocumentFails() throws {
    let latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" au lait\n\nUne boisson chaude.".utf8)
    try assertBuildFails(try write(latin1, "latin1.txt"), mentioning: "UTF-8")
  }

  func testAFailedBuildLeavesAnExistingOutputFileUntouched() throws {
    let previous = Array("{\"previous\": true}\n".utf8)
    let output = try write(previous, "knowledge.json")
    let document = try write([0x00, 0x00], "nul.txt")
    let outcome = try BinaryRunner.run(["knowledge", "build", document, "-o", output])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: output))), previous)
  }

  func testBuildWritesTheKnowledgeFileAndShowListsItsSections() throws {
    let document = try write(
      Array("Tea Notes\n\nBrewing\n\nBoil water. Pour it.\n\nStorage\n\nKeep it dry.\n".utf8), "tea.txt")
    let output = directory.appendingPathComponent("tea.json").path
    let build = try BinaryRunner.run(["knowledge", "build", document, "-o", output])
    XCTAssertEqual(build.status, 0, build.errors)
    XCTAssertTrue(build.output.isEmpty, build.output)
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
    XCTAssertEqual(
      (json["source"] as? [String: Any])?["name"] as? String, "tea.txt", "the name carries no directory")

    let show = try BinaryRunner.run(["knowledge", "show", output])
    XCTAssertEqual(show.status, 0, show.errors)
    let lines = show.output.split(separator: "\n").map(String.init)
    XCTAssertTrue(lines.first?.hasPrefix("Tea Notes") ?? false, show.output)
    let brewing = try XCTUnwrap(lines.first { $0.contains("brewing") }, show.output)
    XCTAssertTrue(brewing.contains("1 paragraph,") && brewing.contains("2 sentences"), brewing)
    XCTAssertTrue(brewing.contains("\("Boil water. Pour it.".utf8.count) bytes"), brewing)
    XCTAssertTrue(lines.contains { $0.contains("storage") && $0.contains("12 bytes") }, show.output)
  }

  func testShowWithoutAFileListsTheDefaultPack() throws {
    let outcome = try BinaryRunner.run(["knowledge", "show"])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let committed = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: Self.committedJSON)) as? [String: Any])
    let sections = try XCTUnwrap(committed["sections"] as? [[String: Any]])
    XCTAssertFalse(sections.isEmpty)
    for section in sections {
      let id = try XCTUnwrap(section["id"] as? String)
      XCTAssertTrue(outcome.output.contains("  \(id)  "), "show does not list \(id)")
    }
    XCTAssertTrue(outcome.output.contains("removed: 6 passages"), outcome.output)
  }

  func testShowRefusesAFileThatIsNotAKnowledgeFile() throws {
    let path = try write(Array("{\"format\": 1}".utf8), "broken.json")
    let outcome = try BinaryRunner.run(["knowledge", "show", path])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.errors.contains(path), outcome.errors)
    XCTAssertFalse(
      outcome.errors.trimmingCharacters(in: .whitespacesAndNewlines).contains("\n"), outcome.errors)
  }

  /// The binary alone in an empty directory: no source tree, no resource bundle beside it.
  func testTheBinaryCopiedAloneAnswersAndRebuildsTheCommittedKnowledgeFile() throws {
    let lonely = directory.appendingPathComponent("lonely")
    try FileManager.default.createDirectory(at: lonely, withIntermediateDirectories: true)
    let binary = lonely.appendingPathComponent("faqbot")
    try FileManager.default.copyItem(at: BinaryRunner.binary, to: binary)
    // A home of its own, so nothing the user has (history, caches) helps it.
    let environment = ["HOME": lonely.path, "XDG_CACHE_HOME": lonely.appendingPathComponent(".cache").path]

    let ask = try BinaryRunner.run(
      ["ask", "--json", "what are the side effects"], environment: environment, directory: lonely,
      executable: binary)
    XCTAssertEqual(ask.status, 0, ask.errors)
    let answer = try XCTUnwrap(
      JSONSerialization.jsonObject(with: ask.standardOutput) as? [String: Any], ask.output)
    XCTAssertEqual(answer["intent"] as? String, "side_effects", ask.output)
    let sources = try XCTUnwrap(answer["sources"] as? [[String: Any]])
    XCTAssertTrue(
      sources.contains { ($0["id"] as? String)?.hasPrefix("potential-side-effects") ?? false }, ask.output)

    XCTAssertTrue((answer["answer"] as? String)?.contains("dissociation") ?? false, ask.output)

    try FileManager.default.copyItem(
      at: Self.article, to: lonely.appendingPathComponent("ketamine-therapy.txt"))
    let committed = try Data(contentsOf: Self.committedJSON)
    let toStdout = try BinaryRunner.run(
      ["knowledge", "build", "ketamine-therapy.txt"], environment: environment, directory: lonely,
      executable: binary)
    XCTAssertEqual(toStdout.status, 0, toStdout.errors)
    XCTAssertEqual(
      toStdout.standardOutput, committed, "the rebuilt knowledge file differs from the committed one")
    let toFile = try BinaryRunner.run(
      ["knowledge", "build", "ketamine-therapy.txt", "-o", "rebuilt.json"], environment: environment,
      directory: lonely, executable: binary)
    XCTAssertEqual(toFile.status, 0, toFile.errors)
    XCTAssertEqual(try Data(contentsOf: lonely.appendingPathComponent("rebuilt.json")), committed)
  }
}
