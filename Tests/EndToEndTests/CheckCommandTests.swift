import Foundation
import XCTest

/// `faqbot check` on the default pack and on packs with planted problems.
final class CheckCommandTests: XCTestCase {
  private var directory = URL(fileURLWithPath: NSTemporaryDirectory())

  override func setUpWithError() throws {
    directory = try makeTemporaryDirectory("faqbot-check")
  }

  /// A directory holding `files` (name → YAML), for `--intents`.
  private func intents(_ files: [String: String]) throws -> String {
    let url = directory.appendingPathComponent("intents-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
    return url.path
  }

  /// A knowledge file built by the binary from a small document with three sections.
  private func teaKnowledge() throws -> String {
    let document = directory.appendingPathComponent("tea.txt")
    try Data(
      """
      Tea Notes

      Brewing

      Boil fresh water. Pour it over the leaves and wait three minutes.

      Storage

      Keep the leaves in a dry, dark tin.

      History

      Tea has been drunk for thousands of years.
      """.utf8
    ).write(to: document)
    let output = directory.appendingPathComponent("tea.json").path
    let outcome = try BinaryRunner.run(["knowledge", "build", document.path, "-o", output])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    return output
  }

  private func lines(_ outcome: BinaryRunner.Outcome, containing fragment: String) -> [String] {
    outcome.output.split(separator: "\n").map(String.init).filter { $0.contains(fragment) }
  }

  func testATeamsIntentsOnTheDefaultArticleAreWarned() throws {
    // A team's intents given without their document run on the embedded ketamine article,
    // which retrieval would quote to their users: check says so (and still passes).
    let pack = try intents([
      "hours.yaml": """
      intents:
        - id: opening_hours
          examples: [when are you open, what are your opening hours, are you open on sunday]
          answer: We are open nine to five.
      """
    ])
    let outcome = try BinaryRunner.run(["check", "--folds", "0", "--intents", pack])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let warning = try XCTUnwrap(lines(outcome, containing: "[knowledge]").first, outcome.output)
    XCTAssertTrue(warning.contains("--knowledge FILE"), warning)
    XCTAssertTrue(
      lines(outcome, containing: "warnings: ").first?.contains("1 knowledge") ?? false, outcome.output)
    // The default pack cites its article: no such warning.
    XCTAssertTrue(lines(try BinaryRunner.run(["check", "--folds", "0"]), containing: "[knowledge]").isEmpty)
  }

  func testTheDefaultPackPasses() throws {
    // The summary only: the cross-validated pass is tested on a small pack below.
    let outcome = try BinaryRunner.run(["check", "--folds", "0"])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    XCTAssertTrue(outcome.errors.isEmpty, outcome.errors)
    let output = outcome.output
    let intents = try XCTUnwrap(lines(outcome, containing: "intents: ").first, output)
    let count = Int(intents.dropFirst("intents: ".count).prefix { $0.isNumber }) ?? 0
    XCTAssertGreaterThanOrEqual(count, 30, intents)
    for kind in ["faq", "safety", "smalltalk", "decline", "not_covered"] {
      XCTAssertTrue(intents.contains(" \(kind)"), "no \(kind) in \(intents)")
    }
    XCTAssertTrue(output.contains("examples: "), output)
    XCTAssertTrue(
      output.contains("not referenced (0): none"), "every section of the article is cited:\n\(output)")
    XCTAssertTrue(output.contains("potential-side-effects"), output)
    XCTAssertFalse(output.contains("[few-examples]"), "the default pack has at least 5 examples per intent")
  }

  func testPlantedProblemsAreWarnedAboutAndDoNotFailTheCheck() throws {
    let pack = """
      intents:
        - id: brewing
          examples:
            - How do I brew green tea?
            - What water temperature should I brew tea with?
            - How long should I steep tea leaves when brewing?
            - Brewing tea with boiling water
            - How much tea do I brew per cup?
            - How much does a teapot cost?
          answer: {knowledge: [brewing.p1]}
        - id: storage
          examples:
            - Where should I keep tea leaves?
            - Do tea leaves go stale in a tin?
            - Should the tin be dark and dry?
            - Can I keep leaves in the fridge?
            - How long do leaves stay fresh in storage?
            - how much does a TEAPOT cost
            - What water temperature should I brew green tea with when brewing?
            - How long should I steep green tea leaves when brewing them?
          answer: {knowledge: [storage.p1]}
        - id: thin
          examples: [Is tea old?, When was tea first drunk?]
          answer: Tea is thousands of years old.
        - id: chat
          kind: smalltalk
          examples:
            - hello
            - hi there
            - How do I brew green tea, friend?
            - good morning
            - hey
          answer: Hello!
      """
    let packDirectory = try intents(["tea.yaml": pack])
    let knowledge = try teaKnowledge()
    let outcome = try BinaryRunner.run(["check", "--intents", packDirectory, "--knowledge", knowledge])
    XCTAssertEqual(outcome.status, 0, "warnings do not fail the check: \(outcome.errors)")
    XCTAssertTrue(outcome.output.contains("intents: 4 (3 faq, 1 smalltalk)"), outcome.output)
    XCTAssertTrue(outcome.output.contains("examples: 21"), outcome.output)
    XCTAssertTrue(outcome.output.contains("referenced by intents (2): brewing, storage"), outcome.output)
    XCTAssertTrue(outcome.output.contains("not referenced (1): history"), outcome.output)

    let duplicates = lines(outcome, containing: "[duplicate-example]")
    XCTAssertEqual(duplicates.count, 1, outcome.output)
    // Located at the example itself (line 18), naming where its twin is written (line 9).
    XCTAssertTrue(duplicates.first?.contains("/tea.yaml:18:9: warning:") ?? false, outcome.output)
    XCTAssertTrue(
      duplicates.first?.contains("'storage' is also an example of 'brewing' (/") ?? false, outcome.output)
    XCTAssertTrue(
      duplicates.first?.contains("/tea.yaml:9:9): the matcher cannot tell them apart") ?? false,
      outcome.output)

    let few = lines(outcome, containing: "[few-examples]")
    XCTAssertEqual(few.count, 1, outcome.output)
    XCTAssertTrue(few.first?.contains("intent 'thin' has 2 examples") ?? false, outcome.output)

    // The three brewing questions planted in storage (lines 18-20) make one warning, at the
    // first of them, naming the others' lines.
    let confused = lines(outcome, containing: "[answered-as-another-intent]")
    XCTAssertTrue(
      confused.contains {
        $0.contains("/tea.yaml:18:9: warning: 3 of 8 examples of intent 'storage' are answered by 'brewing'")
          && $0.contains("and those on lines 19, 20; the two intents overlap")
      },
      outcome.output)
    // A single example answered by another intent is counted, and listed with --each-example.
    XCTAssertTrue(
      outcome.output.contains("1 more example answered by another intent, each the only one of its intent"),
      outcome.output)
    XCTAssertFalse(outcome.output.contains("How do I brew green tea, friend?"), outcome.output)
    let each = try BinaryRunner.run([
      "check", "--each-example", "--intents", packDirectory, "--knowledge", knowledge,
    ])
    XCTAssertTrue(
      each.output.contains(
        "/tea.yaml:30:9: note: example \"How do I brew green tea, friend?\" of intent 'chat' is answered by "),
      each.output)
    let missed = lines(outcome, containing: "[not-answered]")
    let total = duplicates.count + few.count + confused.count + missed.count
    XCTAssertTrue(outcome.output.contains("warnings: \(total) ("), outcome.output)
    // In line order, each located line starting with its file.
    let numbers = outcome.output.split(separator: "\n").filter {
      $0.contains("tea.yaml:") && $0.contains(": warning:")
    }
    .compactMap { line in line.split(separator: ":").dropFirst().first.flatMap { Int($0) } }
    XCTAssertEqual(numbers, numbers.sorted(), outcome.output)
  }

  func testAPackThatDoesNotLoadFailsWithLocatedErrors() throws {
    let broken = """
      intents:
        - id: a
          examples: [hi]
          anwser: Hello.
      """
    let outcome = try BinaryRunner.run(["check", "--intents", try intents(["broken.yaml": broken])])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.output.isEmpty, outcome.output)
    XCTAssertTrue(outcome.errors.contains("broken.yaml:4:5: error: unknown key 'anwser'"), outcome.errors)
    XCTAssertTrue(
      outcome.errors.contains("broken.yaml:2:5: error: intent 'a' has no 'answer'"), outcome.errors)
    // A header line, then one located line per mistake, each starting with its file.
    let lines = outcome.errors.split(separator: "\n")
    XCTAssertEqual(lines.first, "Error: the intent files have 2 errors:")
    XCTAssertEqual(lines.dropFirst().filter { $0.contains("broken.yaml:") && $0.hasPrefix("/") }.count, 2)
  }

  func testAMissingKnowledgeReferenceAndASyntaxErrorFailTheCheck() throws {
    let missing = "intents:\n  - {id: a, examples: [x], answer: {knowledge: [no-such.p1]}}\n"
    let outcome = try BinaryRunner.run(["check", "--intents", try intents(["a.yaml": missing])])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(
      outcome.errors.contains("a.yaml:2:49: error: knowledge id 'no-such.p1' does not exist"), outcome.errors)

    let syntax = try BinaryRunner.run([
      "check", "--intents", try intents(["b.yaml": "intents: [\n  - id: a\n"]),
    ])
    XCTAssertEqual(syntax.status, 1)
    XCTAssertNotNil(
      syntax.errors.range(of: #"b\.yaml:\d+:\d+: error: YAML syntax error"#, options: .regularExpression),
      syntax.errors)
  }

  func testAMissingKnowledgeFileFails() throws {
    let path = directory.appendingPathComponent("nope.json").path
    let outcome = try BinaryRunner.run(["check", "--knowledge", path])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.errors.contains(path), outcome.errors)
  }
}
