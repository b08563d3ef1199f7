import FAQBot
import XCTest

@testable import FAQBotIntents

/// Intent files as authors write them: the minimal format always loads, the optional fields
/// parse, and every mistake is reported with its file, line and column.
final class IntentPackLoaderTests: XCTestCase {
  /// The minimal format of the intent-file specification; it must keep loading as the format grows.
  private let minimal = """
    intents:
      - id: side_effects
        examples:
          - What are the side effects?
          - Is ketamine therapy risky?
        answer: "Plain text answer."
      - id: how_it_works
        examples: [How does ketamine work?]
        answer: {knowledge: [how-ketamine-works-on-the-brain.p1]}
    """

  private func knowledge() throws -> KnowledgeBase {
    let text = """
      Tea Notes

      How Ketamine Works on the Brain

      It raises glutamate. That helps plasticity.

      Brewing

      Boil water.
      """
    return KnowledgeBase(
      document: try KnowledgeBuilder().build(bytes: Array(text.utf8), fileName: "notes.txt"))
  }

  private func load(_ text: String, file: String = "tea.yaml", knowledge: KnowledgeBase? = nil) throws
    -> IntentPack
  {
    try IntentPackLoader().load(files: [(file, text)], knowledge: knowledge)
  }

  /// The errors loading `files` reports (failing the test when it loads).
  private func errors(
    _ files: [(name: String, text: String)], knowledge: KnowledgeBase? = nil, line: UInt = #line
  ) -> [IntentFileError] {
    do {
      let pack = try IntentPackLoader().load(files: files, knowledge: knowledge)
      XCTFail("loaded \(pack.intents.count) intents instead of failing", line: line)
      return []
    } catch {
      return error.errors
    }
  }

  private func errors(_ text: String, knowledge: KnowledgeBase? = nil, line: UInt = #line)
    -> [IntentFileError]
  {
    errors([("tea.yaml", text)], knowledge: knowledge, line: line)
  }

  /// Exactly one error, at `line`:`column` of `file`, whose message contains `fragment`.
  private func assertOneError(
    _ found: [IntentFileError], at expectedLine: Int, _ column: Int, file: String = "tea.yaml",
    saying fragment: String, line: UInt = #line
  ) {
    XCTAssertEqual(found.count, 1, "\(found)", line: line)
    guard let error = found.first else { return }
    XCTAssertEqual(
      error.location, SourceLocation(file: file, line: expectedLine, column: column), "\(error)", line: line)
    XCTAssertTrue(error.message.contains(fragment), "\(error)", line: line)
    XCTAssertTrue(
      error.description.hasPrefix("\(file):\(expectedLine):\(column): error: "), error.description, line: line
    )
  }

  // MARK: - The minimal format

  func testTheMinimalFormatLoadsWithTextAndKnowledgeAnswers() throws {
    let pack = try load(minimal, knowledge: try knowledge())
    XCTAssertEqual(pack.intents.map(\.id), ["side_effects", "how_it_works"])
    let sideEffects = try XCTUnwrap(pack.intent("side_effects"))
    XCTAssertEqual(sideEffects.examples, ["What are the side effects?", "Is ketamine therapy risky?"])
    XCTAssertEqual(sideEffects.answer, Reply(text: "Plain text answer."))
    XCTAssertEqual(sideEffects.kind, .faq)
    XCTAssertEqual(sideEffects.priority, 0)
    XCTAssertNil(sideEffects.followUp)
    XCTAssertEqual(sideEffects.suggest, [])
    XCTAssertEqual(sideEffects.triggers, [])
    XCTAssertEqual(sideEffects.location, SourceLocation(file: "tea.yaml", line: 2, column: 5))
    let howItWorks = try XCTUnwrap(pack.intent("how_it_works"))
    XCTAssertEqual(howItWorks.examples, ["How does ketamine work?"])
    XCTAssertEqual(howItWorks.answer, Reply(text: nil, knowledge: ["how-ketamine-works-on-the-brain.p1"]))
    XCTAssertEqual(pack.synonyms, [:])
  }

  func testTheMinimalFormatLoadsWithoutAKnowledgeFileToCheckAgainst() throws {
    XCTAssertEqual(try load(minimal).intents.count, 2)
  }

  func testOptionalFieldsParse() throws {
    let text = """
      synonyms:
        ketamine: [special k, ketamin]
        side effect: [adverse effect]
      advice: Please ask your pharmacist.
      intents:
        - id: crisis
          kind: safety
          triggers: [kill myself, overdose]
          examples: [I want to end it all]
          answer: Call or text 988.
        - id: side_effects
          kind: faq
          priority: 5
          examples: [What are the side effects?]
          answer:
            knowledge: [brewing.p1]
            text: Dissociation and raised blood pressure.
          follow_up: {knowledge: how-ketamine-works-on-the-brain.p1}
          suggest: [How long do they last?, Is it addictive?]
        - id: hello
          kind: smalltalk
          priority: -1
          examples: [hi]
          answer: Hello!
        - id: dose
          kind: decline
          examples: [how much should I take]
          answer: I can't advise on doses.
        - id: cost
          kind: not_covered
          examples: [how much does it cost]
          answer: The document does not cover cost.
      """
    let pack = try load(text, knowledge: try knowledge())
    XCTAssertEqual(pack.synonyms["ketamine"], ["special k", "ketamin"])
    XCTAssertEqual(pack.synonyms["side effect"], ["adverse effect"])
    XCTAssertEqual(pack.advice, "Please ask your pharmacist.")
    XCTAssertEqual(pack.intents.map(\.kind), [.safety, .faq, .smalltalk, .decline, .notCovered])
    let crisis = try XCTUnwrap(pack.intent("crisis"))
    XCTAssertEqual(crisis.triggers, ["kill myself", "overdose"])
    XCTAssertEqual(crisis.priority, 100, "safety intents default to a high priority")
    let sideEffects = try XCTUnwrap(pack.intent("side_effects"))
    XCTAssertEqual(sideEffects.priority, 5)
    XCTAssertEqual(
      sideEffects.answer, Reply(text: "Dissociation and raised blood pressure.", knowledge: ["brewing.p1"]))
    XCTAssertEqual(sideEffects.followUp, Reply(text: nil, knowledge: ["how-ketamine-works-on-the-brain.p1"]))
    XCTAssertEqual(sideEffects.suggest, ["How long do they last?", "Is it addictive?"])
    XCTAssertEqual(pack.intent("hello")?.priority, -1)
  }

  func testSynonymsFromSeveralFilesAreMergedAndIntentsKeepFileOrder() throws {
    let first = "synonyms:\n  tea: [chai]\nintents:\n  - {id: a, examples: [x], answer: A}\n"
    let second = "synonyms:\n  tea: [cha]\nintents:\n  - {id: b, examples: [y], answer: B}\n"
    let pack = try IntentPackLoader().load(files: [("1.yaml", first), ("2.yaml", second)])
    XCTAssertEqual(pack.synonyms["tea"], ["chai", "cha"])
    XCTAssertEqual(pack.intents.map(\.id), ["a", "b"])
  }

  func testAnEmptyFileAddsNothing() throws {
    let pack = try IntentPackLoader().load(files: [("empty.yaml", ""), ("tea.yaml", minimal)])
    XCTAssertEqual(pack.intents.count, 2)
  }

  // MARK: - Mistakes, located

  func testAnUnknownIntentKeyIsReportedWhereItIs() {
    let text = """
      intents:
        - id: a
          exmaples: [hello]
          examples: [hi]
          answer: Hi.
      """
    assertOneError(errors(text), at: 3, 5, saying: "unknown key 'exmaples'")
  }

  func testUnknownTopLevelAndReplyKeysAreReported() {
    assertOneError(
      errors("intent:\n  - {id: a, examples: [x], answer: A}\n"), at: 1, 1,
      saying: "unknown top-level key 'intent'")
    let text = """
      intents:
        - id: a
          examples: [x]
          answer: {knowlege: [brewing.p1]}
      """
    let found = errors(text)
    XCTAssertTrue(
      found.contains { $0.location.line == 4 && $0.message.contains("unknown key 'knowlege'") }, "\(found)")
  }

  func testDuplicateIdsAreReportedInOneFileAndAcrossFiles() {
    let one = """
      intents:
        - {id: greet, examples: [hi], answer: Hello.}
        - {id: greet, examples: [hey], answer: Hey.}
      """
    assertOneError(
      errors(one), at: 3, 5, saying: "duplicate intent id 'greet' (first defined at tea.yaml:2:5)")
    let other = "intents:\n  - id: greet\n    examples: [yo]\n    answer: Yo.\n"
    assertOneError(
      errors([
        ("a.yaml", one.replacingOccurrences(of: "greet, examples: [hey]", with: "bye, examples: [bye]")),
        ("b.yaml", other),
      ]), at: 2, 5, file: "b.yaml", saying: "first defined at a.yaml:2:5")
  }

  func testAnIntentWithoutExamplesIsReported() {
    assertOneError(
      errors("intents:\n  - id: a\n    answer: A.\n"), at: 2, 5, saying: "intent 'a' has no examples")
    assertOneError(
      errors("intents:\n  - id: a\n    examples: []\n    answer: A.\n"), at: 3, 15,
      saying: "intent 'a' has no examples")
    assertOneError(
      errors("intents:\n  - id: a\n    examples: one question\n    answer: A.\n"), at: 3, 15,
      saying: "'examples' must be a list")
  }

  func testAnIntentWithoutAnswerIsReported() {
    assertOneError(
      errors("intents:\n  - id: a\n    examples: [x]\n"), at: 2, 5, saying: "intent 'a' has no 'answer'")
    assertOneError(
      errors("intents:\n  - id: a\n    examples: [x]\n    answer: \"  \"\n"), at: 4, 13,
      saying: "'answer' is empty")
    assertOneError(
      errors("intents:\n  - id: a\n    examples: [x]\n    answer: {}\n"), at: 4, 13,
      saying: "needs 'knowledge' ids or 'text'")
  }

  func testAnIntentWithoutIdIsReported() {
    assertOneError(
      errors("intents:\n  - examples: [x]\n    answer: A\n"), at: 2, 5, saying: "intent without an 'id'")
    assertOneError(
      errors("intents:\n  - id: two words\n    examples: [x]\n    answer: A\n"), at: 2, 9,
      saying: "may hold only letters")
  }

  func testAReferenceToAMissingKnowledgeIdIsReported() throws {
    let text = """
      intents:
        - id: ok
          examples: [x]
          answer: {knowledge: [brewing.p1]}
        - id: broken
          examples: [y]
          answer: {knowledge: [brewing.p1, brewing.p9]}
        - id: broken_follow_up
          examples: [z]
          answer: Fine.
          follow_up: {knowledge: [no-such-section]}
      """
    let found = errors(text, knowledge: try knowledge())
    XCTAssertEqual(found.count, 2, "\(found)")
    // Located at the reference itself, not at its intent, with the id probably meant.
    XCTAssertEqual(found.first?.location, SourceLocation(file: "tea.yaml", line: 7, column: 38))
    XCTAssertTrue(found.first?.message.contains("'brewing.p9' does not exist") ?? false, "\(found)")
    XCTAssertTrue(found.first?.message.contains("(did you mean 'brewing.p1'?)") ?? false, "\(found)")
    XCTAssertEqual(found.last?.location, SourceLocation(file: "tea.yaml", line: 11, column: 29))
    XCTAssertTrue(found.last?.message.contains("'no-such-section'") ?? false, "\(found)")
  }

  /// `section:` answers with the section's best paragraph: it takes a section id only, alone.
  func testASectionAnswerNamesASectionAndStandsAlone() throws {
    let good = """
      intents:
        - id: ok
          examples: [x]
          answer: {section: brewing}
      """
    let pack = try IntentPackLoader().load(files: [("tea.yaml", good)], knowledge: try knowledge())
    XCTAssertEqual(pack.intents[0].answer, Reply(text: nil, knowledge: ["brewing"], bestParagraph: true))
    let bad = """
      intents:
        - id: paragraph
          examples: [x]
          answer: {section: brewing.p1}
        - id: both
          examples: [y]
          answer: {section: brewing, text: Brew it.}
        - id: missing
          examples: [z]
          answer: {section: steeping}
      """
    let found = errors(bad, knowledge: try knowledge())
    XCTAssertEqual(found.count, 3, "\(found)")
    XCTAssertTrue(
      found.contains { $0.message.contains("names a paragraph or sentence") && $0.location.line == 4 },
      "\(found)")
    XCTAssertTrue(
      found.contains { $0.message.contains("cannot be combined") && $0.location.line == 7 }, "\(found)")
    XCTAssertTrue(
      found.contains { $0.message.contains("'steeping' does not exist") && $0.location.line == 10 },
      "\(found)")
  }

  func testAWrongKindOrPriorityIsReported() {
    assertOneError(
      errors("intents:\n  - {id: a, kind: chitchat, examples: [x], answer: A}\n"), at: 2, 19,
      saying: "unknown kind 'chitchat'")
    assertOneError(
      errors("intents:\n  - {id: a, priority: high, examples: [x], answer: A}\n"), at: 2, 23,
      saying: "'priority' must be an integer")
  }

  func testYAMLSyntaxErrorsAreLocated() {
    let unclosed = "intents:\n  - id: a\n    examples: [x, y\n    answer: A\n"
    let found = errors(unclosed)
    XCTAssertEqual(found.count, 1, "\(found)")
    XCTAssertEqual(found.first?.location.file, "tea.yaml")
    XCTAssertTrue(found.first?.message.hasPrefix("YAML syntax error") ?? false, "\(found)")
    XCTAssertGreaterThanOrEqual(found.first?.location.line ?? 0, 3)

    let badIndent = "intents:\n  - id: a\n     examples: [x]\n    answer: A\n"
    let indentErrors = errors(badIndent)
    XCTAssertEqual(indentErrors.first?.location.line, 3, "\(indentErrors)")
    XCTAssertGreaterThan(indentErrors.first?.location.column ?? 0, 1, "\(indentErrors)")

    let tab = "intents:\n\t- id: a\n"
    XCTAssertEqual(errors(tab).first?.location.line, 2, "\(errors(tab))")
  }

  func testADuplicateKeyInOneIntentIsLocated() {
    let text = "intents:\n  - id: a\n    examples: [x]\n    answer: A\n    answer: B\n"
    let found = errors(text)
    XCTAssertEqual(found.count, 1, "\(found)")
    XCTAssertTrue(found.first?.message.contains("answer") ?? false, "\(found)")
    XCTAssertGreaterThan(found.first?.location.line ?? 0, 1, "\(found)")
  }

  func testErrorsInSeveralFilesAreAllReported() {
    let found = errors([
      ("a.yaml", "intents:\n  - id: a\n    examples: [x]\n"),
      ("b.yaml", "intents: [\n"),
    ])
    XCTAssertEqual(Set(found.map(\.location.file)), ["a.yaml", "b.yaml"], "\(found)")
  }

  func testTheTopLevelMustBeAMapping() {
    assertOneError(errors("- id: a\n"), at: 1, 1, saying: "expected a mapping")
    assertOneError(errors("intents: hello\n"), at: 1, 10, saying: "'intents' must be a list")
  }

  // MARK: - Hostile input

  func testDeeplyNestedYAMLIsAnErrorNotACrash() {
    let depth = 100_000
    let cases = [
      "flow sequences": "intents: " + String(repeating: "[", count: depth)
        + String(repeating: "]", count: depth),
      "flow mappings": "intents: " + String(repeating: "{a: ", count: depth)
        + String(repeating: "}", count: depth),
      "block sequences on one line": "intents:\n  " + String(repeating: "- ", count: depth) + "x\n",
      "explicit keys": String(repeating: "? ", count: depth) + "x\n",
      "indented mappings": (0..<5_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(
        separator: "\n"),
    ]
    for (name, text) in cases.sorted(by: { $0.key < $1.key }) {
      let found = errors(text)
      XCTAssertEqual(found.count, 1, "\(name): \(found.prefix(3))")
      XCTAssertTrue(found.first?.message.contains("nesting") ?? false, "\(name): \(found.prefix(3))")
      XCTAssertGreaterThanOrEqual(found.first?.location.line ?? 0, 1, name)
    }
  }

  func testModeratelyNestedButValidYAMLStillLoads() throws {
    let nested = "intents:\n  - id: a\n    examples: [x]\n    answer: A\nsynonyms: {tea: [[chai]]}\n"
    let found = errors(nested)
    XCTAssertTrue(found.allSatisfy { $0.message.contains("non-empty text") }, "\(found)")
  }

  func testAliasesCannotMultiplyWork() {
    var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in 1..<20 {
      lines.append(
        "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
          + "]")
    }
    lines.append("intents:\n  - {id: a, examples: *a19, answer: A}")
    let found = errors(lines.joined(separator: "\n"))
    XCTAssertFalse(found.isEmpty)
    XCTAssertLessThan(found.count, 100, "one error per aliased entry would be millions")
  }

  func testATabInTheIndentationIsNamedAtTheTab() {
    let found = errors("intents:\n  - id: a\n\texamples: [x]\n    answer: Hi.\n")
    XCTAssertEqual(found.count, 1, "\(found)")
    XCTAssertEqual(found.first?.location, SourceLocation(file: "tea.yaml", line: 3, column: 1))
    XCTAssertEqual(
      found.first?.message, "tab characters are not allowed for indentation in YAML; use spaces")
  }

  func testErrorsComeInFileAndLineOrder() {
    let text = """
      intents:
        - id: b
          examples: [x]
          answer: {knowledge: [nope]}
        - id: a
          examples: [y]
          anwser: Hi.
      """
    let found = errors(text, knowledge: try? knowledge())
    XCTAssertEqual(found.map(\.location.line), found.map(\.location.line).sorted(), "\(found)")
    XCTAssertGreaterThanOrEqual(found.count, 3, "\(found)")
  }

  func testPackSettingsAreReadWithTheirLocationsAndNotAsIntents() throws {
    let settings = """
      name: Tea
      threshold: 0.4
      emergency: Call 112.
      mode: encoder
      advice: Ask a tea merchant.
      """
    let pack = try IntentPackLoader().load(
      files: [
        ("dir/pack.yaml", settings), ("dir/tea.yaml", "intents:\n  - {id: a, examples: [x], answer: Hi.}\n"),
      ])
    XCTAssertEqual(pack.intents.map(\.id), ["a"])
    XCTAssertEqual(pack.settings.name, "Tea")
    XCTAssertEqual(pack.settings.threshold, 0.4)
    XCTAssertEqual(pack.settings.emergency, "Call 112.")
    XCTAssertEqual(pack.settings.mode, .encoder)
    XCTAssertEqual(pack.advice, "Ask a tea merchant.", "pack.yaml's advice is the pack's")
    XCTAssertEqual(
      pack.settings.locations["threshold"], SourceLocation(file: "dir/pack.yaml", line: 2, column: 12))
  }

  func testBadPackSettingsAreLocatedWithTheKeyProbablyMeant() {
    let settings = "name: Tea\nthreshhold: 0.4\nmode: slow\nemergency: [a]\nthreshold: 2\n"
    let intents = "intents:\n  - {id: a, examples: [x], answer: Hi.}\n"
    XCTAssertThrowsError(try IntentPackLoader().load(files: [("pack.yaml", settings), ("a.yaml", intents)])) {
      let found = ($0 as? IntentPackError)?.errors ?? []
      XCTAssertEqual(found.map(\.location.line), [2, 3, 4, 5], "\(found)")
      XCTAssertTrue(found[0].message.contains("unknown key 'threshhold'"), "\(found)")
      XCTAssertTrue(found[0].message.contains("(did you mean 'threshold'?)"), "\(found)")
      XCTAssertTrue(found[1].message.contains("unknown mode 'slow' (one of fast, encoder)"), "\(found)")
      XCTAssertTrue(found[2].message.contains("'emergency' must be non-empty text"), "\(found)")
      XCTAssertTrue(found[3].message.contains("'threshold' must be between 0 and 1 (got 2)"), "\(found)")
    }
  }

  /// YAML reads `5` and `true` as a number and a boolean: taken as text they replaced a
  /// pack's crisis answer with "5". An emergency text must also hold a number to call.
  func testSettingsTextThatYAMLReadsAsANumberOrABooleanIsAnError() {
    let intents = "advice: 7\nintents:\n  - {id: a, examples: [x], answer: Hi.}\n"
    for (value, message) in [
      ("5", "'emergency' must be text, not '5'"), ("true", "'emergency' must be text, not 'true'"),
      ("Please stay calm and drink some tea.", "'emergency' must say how to get help now, with a number"),
    ] {
      XCTAssertThrowsError(
        try IntentPackLoader().load(files: [("pack.yaml", "emergency: \(value)\n"), ("a.yaml", intents)])
      ) {
        let found = ($0 as? IntentPackError)?.errors ?? []
        XCTAssertEqual(found.count, 2, "\(found)")
        XCTAssertTrue(found.contains { $0.message.contains("'advice' must be text") }, "\(found)")
        XCTAssertTrue(
          found.contains { $0.message.contains(message) && $0.location.file == "pack.yaml" }, "\(found)")
      }
    }
    // Quoted, a number is text; and a text with a number to call is an emergency text.
    XCTAssertNoThrow(
      try IntentPackLoader().load(files: [
        ("pack.yaml", "name: \"2048\"\nemergency: Call 112 now.\n"),
        ("a.yaml", "intents:\n  - {id: a, examples: [x], answer: Hi.}\n"),
      ]))
  }

  /// A YAML null in a list is an empty entry, not the question "null"; quoted, it is the word.
  func testANullExampleIsAnEmptyEntry() {
    let text = "intents:\n  - id: a\n    examples: [hello there, null, ~, \"null\"]\n    answer: hi\n"
    XCTAssertThrowsError(try IntentPackLoader().load(files: [("a.yaml", text)])) {
      let found = ($0 as? IntentPackError)?.errors ?? []
      XCTAssertEqual(found.map(\.location.column), [29, 35], "\(found)")
      XCTAssertTrue(found.allSatisfy { $0.message.contains("must be non-empty text") }, "\(found)")
    }
    // Blank text is empty too: an example of spaces teaches nothing.
    let blank = "intents:\n  - id: a\n    examples: [hello there, \"   \"]\n    answer: hi\n"
    XCTAssertThrowsError(try IntentPackLoader().load(files: [("a.yaml", blank)])) {
      let found = ($0 as? IntentPackError)?.errors ?? []
      XCTAssertEqual(found.map(\.location.column), [29], "\(found)")
    }
  }
}
