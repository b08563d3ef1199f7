import Foundation
import XCTest

/// `faqbot import` on a Rasa 3 project: nlu.yml's intents and examples (entity annotations
/// keep their text), domain.yml's utter_ responses as answers, and located errors.
final class RasaImportTests: XCTestCase {
  private var directory = URL(fileURLWithPath: NSTemporaryDirectory())

  override func setUpWithError() throws {
    directory = try makeTemporaryDirectory("faqbot-rasa")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("data"), withIntermediateDirectories: true)
  }

  private func write(_ text: String, _ name: String) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  private let nlu = """
    version: "3.1"
    nlu:
    - intent: greet
      examples: |
        - hey
        - hello there
    - intent: book_flight
      examples: |
        - fly to [Paris](city)
        - book a flight to [New York]{"entity": "city", "value": "NYC"} please
        - I need a ticket
    - synonym: NYC
      examples: |
        - New York
    - intent: opening_hours
      examples: |
        - when are you open
    """

  private let domain = """
    version: "3.1"
    responses:
      utter_greet:
      - text: "Hello! How can I help?"
      - text: "Hi!"
      utter_book_flight:
      - text: "You can book flights on our website."
    """

  func testNLUAndDomainBecomeAPackThatAnswers() throws {
    let nluPath = try write(nlu, "data/nlu.yml")
    _ = try write(domain, "domain.yml")
    let pack = directory.appendingPathComponent("pack").path
    let outcome = try BinaryRunner.run(["import", nluPath, "-o", pack + "/"])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    XCTAssertTrue(
      outcome.errors.contains("answers from the responses of \(directory.path)/domain.yml"), outcome.errors)
    XCTAssertTrue(outcome.errors.contains("skipped 1 synonym item"), outcome.errors)
    XCTAssertTrue(outcome.output.contains("3 intents, 6 examples"), outcome.output)
    let yaml = try String(contentsOfFile: pack + "/nlu.yaml", encoding: .utf8)
    XCTAssertTrue(yaml.contains("- fly to Paris\n"), yaml)
    XCTAssertTrue(yaml.contains("- book a flight to New York please\n"), yaml)
    XCTAssertTrue(yaml.contains("answer: Hello! How can I help?"), yaml)
    XCTAssertTrue(yaml.contains("answer: Answer for opening_hours."), "no response: a placeholder\n\(yaml)")
    XCTAssertTrue(yaml.contains("# 1 answer is a placeholder"), yaml)

    let answer = try BinaryRunner.run([
      "ask", "--no-cache", "--intents", pack, "--threshold", "0.1", "fly me to New York",
    ])
    XCTAssertTrue(
      answer.output.contains("You can book flights on our website."), answer.output + answer.errors)
  }

  func testMistakesAreAllReportedWithFileAndLine() throws {
    let bad = """
      version: "3.1"
      nlu:
      - intent: a
        examples: |
          - ok
          oops
      - intnet: b
        examples: |
          - x
      - intent: c
        exampels: |
          - y
      """
    let path = try write(bad, "bad.yml")
    let outcome = try BinaryRunner.run(["import", path, "--domain", try write(domain, "d.yml")])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.errors.contains("\(path) cannot be imported (4 errors):"), outcome.errors)
    XCTAssertTrue(
      outcome.errors.contains("bad.yml:6:1: error: expected an example line starting with '- '"),
      outcome.errors)
    XCTAssertTrue(
      outcome.errors.contains("bad.yml:7:3: error: an 'nlu' item without 'intent:'"), outcome.errors)
    XCTAssertTrue(outcome.errors.contains("('intnet': did you mean 'intent'?)"), outcome.errors)
    XCTAssertTrue(outcome.errors.contains("bad.yml:11:3: error: unknown key 'exampels'"), outcome.errors)

    let tab = try write("nlu:\n- intent: a\n\texamples: |\n    - x\n", "tab.yml")
    let tabbed = try BinaryRunner.run(["import", tab])
    XCTAssertTrue(
      tabbed.errors.contains(
        "tab.yml:3:1: error: tab characters are not allowed for indentation in YAML; use spaces"),
      tabbed.errors)

    let domainError = try BinaryRunner.run([
      "import", try write(nlu, "n.yml"), "--domain",
      try write("responses:\n  utter_greet: hello\n", "bad-domain.yml"),
    ])
    XCTAssertEqual(domainError.status, 1)
    XCTAssertTrue(
      domainError.errors.contains("bad-domain.yml:2:16: error: response 'utter_greet' must be a list"),
      domainError.errors)
  }
}
