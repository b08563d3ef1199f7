import Foundation
import XCTest

/// `faqbot init` through the binary: a document becomes a pack that loads, passes `check`
/// (in the encoder mode it asks for), answers a section's question with that section's
/// passage, declines with --health, and is never written over an edited pack without --force.
final class InitCommandTests: XCTestCase {
  private var directory = URL(fileURLWithPath: NSTemporaryDirectory())

  override func setUpWithError() throws {
    directory = try makeTemporaryDirectory("faqbot-init")
  }

  private let document = """
    # Tea Guide

    ## How do I brew green tea?

    Brew green tea with water at about 80 degrees for two to three minutes. Boiling water makes
    green tea bitter, so let the kettle cool first.

    ## Where should I store tea leaves?

    Keep tea leaves in an airtight tin, away from light, heat and moisture. Stored this way,
    most leaves stay fresh for about a year.

    ## Is tea healthy?

    Tea contains antioxidants called catechins. It also contains caffeine, less than coffee.

    ## Buying tea

    Our shop in the old town sells loose tea by weight, from 50 grams upwards, and tea bags in
    boxes of twenty.

    A gift card for the shop costs 15 euros and never expires. It can be used online as well.

    Orders over 40 euros are delivered free of charge within three working days.
    """

  private func run(_ arguments: [String]) throws -> BinaryRunner.Outcome {
    try BinaryRunner.run(arguments, directory: directory)
  }

  func testADocumentBecomesAPackThatLoadsChecksAndAnswers() throws {
    let doc = directory.appendingPathComponent("tea.md")
    try Data(document.utf8).write(to: doc)
    let outcome = try run(["init", doc.path, "-o", "tea-pack", "--health"])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    XCTAssertTrue(outcome.output.contains("wrote tea-pack: 4 sections, "), outcome.output)
    let pack = directory.appendingPathComponent("tea-pack")
    for file in [
      "knowledge.json", "intents/pack.yaml", "intents/01-document.yaml", "intents/02-safety.yaml",
      "intents/03-declines.yaml", "intents/04-not-covered.yaml", "intents/05-smalltalk.yaml", "eval.jsonl",
    ] {
      XCTAssertTrue(FileManager.default.fileExists(atPath: pack.appendingPathComponent(file).path), file)
    }
    let intents = try String(
      contentsOf: pack.appendingPathComponent("intents/01-document.yaml"), encoding: .utf8)
    XCTAssertTrue(intents.contains("- id: how_do_i_brew_green_tea\n"), intents)
    XCTAssertTrue(intents.contains("knowledge: [how-do-i-brew-green-tea.p1]"), intents)
    // A section of several paragraphs answers with the one that fits the question.
    XCTAssertTrue(intents.contains("section: buying-tea\n"), intents)
    XCTAssertTrue(intents.contains("# TODO: more questions"), intents)

    let options = ["--intents", "tea-pack/intents", "--knowledge", "tea-pack/knowledge.json"]
    let check = try run(["check"] + options)
    XCTAssertEqual(check.status, 0, check.errors)
    XCTAssertTrue(check.output.contains("name         \"Tea Guide\"  ("), check.output)
    // A draft asks for the encoder mode at its default threshold: measured better on the
    // documents' tune questions than the fast mode (PackDraft.draftThreshold).
    XCTAssertTrue(check.output.contains("mode         encoder  ("), check.output)
    XCTAssertTrue(check.output.contains("threshold    0.5  ("), check.output)
    // A health document's draft says its answers are not medical advice (a draft without
    // --health says only faqbot's own disclaimer).
    XCTAssertTrue(check.output.contains("disclaimer   \"This is general information from one"), check.output)
    let settings = try String(contentsOf: pack.appendingPathComponent("intents/pack.yaml"), encoding: .utf8)
    XCTAssertTrue(
      settings.contains("disclaimer: \"This is general information from one document, not medical advice.\""),
      settings)
    XCTAssertTrue(check.output.contains("not referenced (0): none"), check.output)

    let gift = try run(["ask", "--no-cache", "--json"] + options + ["how much is a gift card"])
    XCTAssertTrue(gift.output.contains("\"intent\":\"buying_tea\""), gift.output)
    XCTAssertTrue(gift.output.contains("15 euros"), gift.output)
    XCTAssertTrue(gift.output.contains("\"id\":\"buying-tea.p2\""), gift.output)
    let answer = try run(["ask", "--no-cache", "--json"] + options + ["how do i brew green tea"])
    XCTAssertTrue(answer.output.contains("\"intent\":\"how_do_i_brew_green_tea\""), answer.output)
    XCTAssertTrue(answer.output.contains("80 degrees"), answer.output)
    let dose = try run(["ask", "--no-cache", "--json"] + options + ["what dose of tea should i take"])
    XCTAssertTrue(dose.output.contains("\"intent\":\"dosing\""), dose.output)
    let crisis = try run(["ask", "--no-cache"] + options + ["i want to kill myself"])
    XCTAssertTrue(crisis.output.contains("call your local emergency number (112 in Europe"), crisis.output)
    // The draft adds no crisis phrases of its own (a bare "painkillers" sent every question
    // about a medicine to the crisis answer); the engine's detector is the crisis check.
    let medicine = try run(
      ["ask", "--no-cache", "--json"] + options + ["can I drink green tea while on painkillers"])
    XCTAssertFalse(medicine.output.contains("\"kind\":\"safety\""), medicine.output)

    let eval = try run(["eval", "tea-pack/eval.jsonl", "--no-sweep", "--no-cache"] + options)
    XCTAssertEqual(eval.status, 0, eval.errors)
    XCTAssertTrue(eval.output.contains("(6 questions, 2 out of scope)"), eval.output)

    let again = try run(["init", doc.path, "-o", "tea-pack"])
    XCTAssertEqual(again.status, 1)
    XCTAssertTrue(again.errors.contains("tea-pack already holds files"), again.errors)
    XCTAssertEqual(try run(["init", doc.path, "-o", "tea-pack", "--force"]).status, 0)
  }

  func testWithoutHealthThereAreNoDeclinesAndTheDefaultDirectoryIsNamedAfterTheDocument() throws {
    let doc = directory.appendingPathComponent("tea.md")
    try Data(document.utf8).write(to: doc)
    XCTAssertEqual(try run(["init", doc.path]).status, 0)
    let pack = directory.appendingPathComponent("tea-pack")
    XCTAssertTrue(
      FileManager.default.fileExists(atPath: pack.appendingPathComponent("intents/01-document.yaml").path))
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: pack.appendingPathComponent("intents/03-declines.yaml").path))
  }

  /// A document of headings only drafts no section intent: the draft still loads (it wrote
  /// a bare `intents:`, which is null), and its starter eval counts the drafted off-topic
  /// intent's honest answers as the out-of-scope answers they are.
  func testADocumentOfHeadingsOnlyDraftsAPackThatLoads() throws {
    let doc = directory.appendingPathComponent("heads.md")
    try Data("# A\n\n# B\n\n# C\n".utf8).write(to: doc)
    let outcome = try run(["init", doc.path, "-o", "heads-pack"])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let check = try run([
      "check", "--intents", "heads-pack/intents", "--knowledge", "heads-pack/knowledge.json",
    ])
    XCTAssertEqual(check.status, 0, check.errors)

    let tea = directory.appendingPathComponent("tea.md")
    try Data(document.utf8).write(to: tea)
    XCTAssertEqual(try run(["init", tea.path, "-o", "tea-pack"]).status, 0)
    let options = ["--intents", "tea-pack/intents", "--knowledge", "tea-pack/knowledge.json"]
    let eval = try run(["eval", "tea-pack/eval.jsonl", "--no-sweep", "--no-cache"] + options)
    XCTAssertTrue(eval.output.contains("out-of-scope recall      100.0%"), eval.output)
    // "Did you mean" offers the document's questions, not the off-topic intent's examples.
    let fallback = try run(["ask", "--no-cache", "--json"] + options + ["how do i fix my car"])
    XCTAssertFalse(fallback.output.contains("weather"), fallback.output)
  }
}
