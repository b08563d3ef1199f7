import Foundation
import XCTest

/// A team's own Markdown document to a working bot, through the built binary: build the
/// knowledge file, then ask with no intents at all.
final class MarkdownKnowledgeOnlyTests: XCTestCase {
  private static let fixture = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/markdown/garden.md")

  func testAMarkdownDocumentAloneAnswersFromItsSectionsAndSaysWhatItDoesNotCover() throws {
    let directory = try makeTemporaryDirectory("faqbot-md")
    let knowledge = directory.appendingPathComponent("garden.json").path
    let build = try BinaryRunner.run(["knowledge", "build", Self.fixture.path, "-o", knowledge])
    XCTAssertEqual(build.status, 0, build.errors)
    XCTAssertTrue(build.errors.contains("warning:") && build.errors.contains("\"Storage\""), build.errors)

    let empty = directory.appendingPathComponent("intents").path
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    for packArguments in [["--knowledge-only"], ["--intents", empty]] {
      let outcome = try BinaryRunner.run(
        ["--json", "--knowledge", knowledge] + packArguments,
        lines: [
          #"{"id":1,"question":"how should i water the plants"}"#,
          #"{"id":2,"question":"what is the capital of peru"}"#,
          #"{"id":3,"question":"hi"}"#, #"{"id":4,"question":"Thanks!"}"#, #"{"id":5,"question":"bye"}"#,
          #"{"id":6,"question":"who are you?"}"#,
        ])
      XCTAssertEqual(outcome.status, 0, outcome.errors)
      let replies = try outcome.output.split(separator: "\n").map {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
      }
      XCTAssertEqual(replies.count, 6)
      XCTAssertEqual(replies[0]["kind"] as? String, "knowledge", "\(replies[0])")
      let sources = try XCTUnwrap(replies[0]["sources"] as? [[String: Any]])
      XCTAssertEqual(sources.first?["section"] as? String, "Watering")
      // A short paragraph is served with the next one of its section; marks are not served.
      XCTAssertEqual(
        replies[0]["answer"] as? String,
        "Water the plants deeply twice a week with drip lines.\n\nCheck the soil daily; Water in the morning."
      )
      XCTAssertEqual(sources.count, 2)
      XCTAssertEqual(replies[1]["kind"] as? String, "fallback", "\(replies[1])")
      // No small-talk intents: the engine's own replies, never a passage holding "thanks".
      for (reply, opening) in zip(
        replies[2...],
        [
          "Hello! Ask me anything about", "You're welcome.", "Goodbye",
          "I'm a bot that answers questions from",
        ])
      {
        XCTAssertEqual(reply["category"] as? String, "small_talk", "\(reply)")
        XCTAssertEqual((reply["sources"] as? [Any])?.count, 0, "\(reply)")
        XCTAssertTrue((reply["answer"] as? String ?? "").hasPrefix(opening), "\(reply)")
      }
    }
  }
  /// A pack without intent files runs in the encoder mode unless a flag or its pack.yaml says
  /// otherwise, and `check` says where the mode came from.
  func testAPackWithoutIntentsRunsInTheEncoderModeUnlessToldOtherwise() throws {
    let directory = try makeTemporaryDirectory("faqbot-md")
    let knowledge = directory.appendingPathComponent("garden.json").path
    XCTAssertEqual(
      try BinaryRunner.run(["knowledge", "build", Self.fixture.path, "-o", knowledge]).status, 0)
    let question = "how should i water the plants"
    func reason(_ arguments: [String]) throws -> String {
      let outcome = try BinaryRunner.run(["ask", "--why", "--knowledge", knowledge] + arguments + [question])
      XCTAssertEqual(outcome.status, 0, outcome.errors)
      return outcome.errors
    }
    let encoderReason = try reason(["--knowledge-only"])
    XCTAssertTrue(encoderReason.contains("in meaning (encoder)"))
    // No intents, so no intent threshold: the reason gives what a passage needs.
    XCTAssertFalse(encoderReason.contains("Threshold:"), encoderReason)
    XCTAssertTrue(try reason(["--knowledge-only", "--fast"]).contains("in meaning (token vectors)"))
    let check = try BinaryRunner.run(["check", "--knowledge", knowledge, "--knowledge-only"])
    XCTAssertTrue(
      check.output.contains("mode        encoder  (default for a pack without intents)"), check.output)

    // A directory holding only pack.yaml is a pack without intents too; its `mode:` wins.
    let settingsOnly = directory.appendingPathComponent("intents")
    try FileManager.default.createDirectory(at: settingsOnly, withIntermediateDirectories: true)
    try Data("name: Garden\nmode: fast\n".utf8).write(to: settingsOnly.appendingPathComponent("pack.yaml"))
    XCTAssertTrue(try reason(["--intents", settingsOnly.path]).contains("in meaning (token vectors)"))
    let fastCheck = try BinaryRunner.run(["check", "--knowledge", knowledge, "--intents", settingsOnly.path])
    XCTAssertTrue(
      fastCheck.output.contains("mode        fast  (\(settingsOnly.path)/pack.yaml:2:7)"), fastCheck.output)
  }

  /// A leaflet that states a dose is still no dosing advice: "how many mg can I take a day"
  /// is declined in a knowledge-only pack, while the leaflet's other questions are answered.
  func testADocumentThatStatesADoseIsNotQuotedToADoseRequest() throws {
    let directory = try makeTemporaryDirectory("faqbot-dose")
    let document = directory.appendingPathComponent("leaflet.md")
    try Data(
      """
      # Ibuprofen

      ## What it is

      Ibuprofen is a painkiller used for headaches, back pain and fever.

      ## Dosage

      The usual adult dose is 200 to 400 mg every 4 to 6 hours. Do not take more than 1200 mg a day.
      """.utf8
    ).write(to: document)
    let knowledge = directory.appendingPathComponent("leaflet.json").path
    XCTAssertEqual(try BinaryRunner.run(["knowledge", "build", document.path, "-o", knowledge]).status, 0)
    for mode in ["--fast", "--encoder"] {
      let outcome = try BinaryRunner.run(
        ["--json", "--knowledge", knowledge, "--knowledge-only", mode],
        lines: [
          #"{"id":1,"question":"how many mg can I take a day"}"#,
          #"{"id":2,"question":"what is the maximum dose"}"#,
          #"{"id":3,"question":"what is ibuprofen used for"}"#,
        ])
      XCTAssertEqual(outcome.status, 0, outcome.errors)
      let replies = try outcome.output.split(separator: "\n").map {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
      }
      XCTAssertEqual(replies.count, 3, outcome.output)
      for reply in replies.prefix(2) {
        XCTAssertEqual(reply["category"] as? String, "decline", "\(mode): \(reply)")
        XCTAssertFalse((reply["answer"] as? String ?? "").contains("400 mg"), "\(mode): \(reply)")
        XCTAssertTrue(
          (reply["answer"] as? String ?? "").contains("doctor or pharmacist"), "\(mode): \(reply)")
      }
      XCTAssertTrue((replies[2]["answer"] as? String ?? "").contains("headaches"), "\(mode): \(replies[2])")
    }
  }
}
