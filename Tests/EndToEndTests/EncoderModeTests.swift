import Foundation
import XCTest

/// The encoder mode through the built binary: a paraphrase in words no example uses, which
/// the fast mode cannot answer, and a knowledge-only bot finding its section by meaning.
final class EncoderModeTests: XCTestCase {
  private func directory() throws -> URL { try makeTemporaryDirectory("faqbot-enc") }

  private func answer(_ arguments: [String]) throws -> [String: Any] {
    let outcome = try BinaryRunner.run(arguments)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
  }

  func testTheEncoderModeAnswersAParaphraseTheFastModeMisses() throws {
    let intents = try directory()
    try ManySubjectsPack.write(to: intents)
    let question = "what are my savings"
    let fast = try answer(["ask", "--json", "--fast", "--intents", intents.path, question])
    XCTAssertEqual(fast["kind"] as? String, "fallback", "\(fast)")
    // "savings" is a word neither the document nor any example uses, but these intents share
    // no main subject, so the subject check does not apply (SubjectStage.applies): the
    // encoder's reading answers, with the check on or off.
    for flags in [[], ["--no-subject-check"]] {
      let encoder = try answer(
        ["ask", "--json", "--encoder"] + flags + ["--intents", intents.path, question])
      XCTAssertEqual(encoder["kind"] as? String, "intent", "\(flags) \(encoder)")
      XCTAssertEqual(encoder["intent"] as? String, "balance", "\(flags) \(encoder)")
    }
    let both = try BinaryRunner.run(["ask", "--fast", "--encoder", question])
    XCTAssertNotEqual(both.status, 0)
    XCTAssertTrue(both.errors.contains("--fast and --encoder cannot be used together"), both.errors)
  }

  func testAKnowledgeOnlyBotInTheEncoderModeFindsTheSectionByMeaning() throws {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/markdown/garden.md")
    let knowledge = try directory().appendingPathComponent("garden.json").path
    XCTAssertEqual(try BinaryRunner.run(["knowledge", "build", fixture.path, "-o", knowledge]).status, 0)
    let reply = try answer([
      "ask", "--json", "--encoder", "--knowledge", knowledge, "--knowledge-only",
      "when should i pick the fruit",
    ])
    XCTAssertEqual(reply["kind"] as? String, "knowledge", "\(reply)")
    let sources = try XCTUnwrap(reply["sources"] as? [[String: Any]])
    XCTAssertEqual(sources.first?["section"] as? String, "Harvest", "\(reply)")
    let offTopic = try answer([
      "ask", "--json", "--encoder", "--knowledge", knowledge, "--knowledge-only",
      "what is the capital of peru",
    ])
    XCTAssertEqual(offTopic["kind"] as? String, "fallback", "\(offTopic)")
  }
}
