import Foundation
import XCTest

/// pack.yaml through the binary: its threshold and emergency text reach the engine, flags
/// override them, `check` shows each effective setting with where it came from, and a bad
/// settings file fails with located errors.
final class PackSettingsTests: XCTestCase {
  private var directory = URL(fileURLWithPath: NSTemporaryDirectory())

  override func setUpWithError() throws {
    directory = try makeTemporaryDirectory("faqbot-settings")
  }

  private let intents = """
    intents:
      - id: brewing
        examples: [how do I brew tea, brewing tea, what temperature for tea, how long to steep tea, tea water]
        answer: Brew with hot water for three minutes.
      - id: storage
        examples: [where do I keep tea, storing tea, does tea go stale, tea in the fridge, tea tin]
        answer: Keep it dry and dark.
      - id: crisis
        kind: safety
        examples: [I want to end my life, I want to kill myself]
        triggers: [kill myself]
        answer: Please call your local emergency number.
    """

  private func pack(settings: String) throws -> String {
    let url = directory.appendingPathComponent("pack-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try Data(intents.utf8).write(to: url.appendingPathComponent("tea.yaml"))
    try Data(settings.utf8).write(to: url.appendingPathComponent("pack.yaml"))
    return url.path
  }

  func testThresholdAndEmergencyComeFromPackYamlAndFlagsOverrideThem() throws {
    let strict = try pack(settings: "name: Tea\nthreshold: 0.95\nemergency: Call 112 now.\n")
    let refused = try BinaryRunner.run(["ask", "--no-cache", "--intents", strict, "tea please"])
    XCTAssertEqual(refused.status, 0, refused.errors)
    XCTAssertTrue(refused.output.contains("I don't know"), "pack.yaml's 0.95 applies:\n\(refused.output)")

    let answered = try BinaryRunner.run([
      "ask", "--no-cache", "--intents", strict, "--threshold", "0.1", "tea please",
    ])
    XCTAssertFalse(answered.output.contains("I don't know"), "--threshold overrides:\n\(answered.output)")

    let crisis = try BinaryRunner.run(["ask", "--no-cache", "--intents", strict, "i want to kill myself"])
    XCTAssertTrue(crisis.output.contains("Call 112 now."), "the pack's emergency text:\n\(crisis.output)")
    XCTAssertFalse(crisis.output.contains("local emergency number"), crisis.output)

    let check = try BinaryRunner.run(["check", "--folds", "0", "--intents", strict])
    XCTAssertEqual(check.status, 0, check.errors)
    XCTAssertTrue(check.output.contains("threshold   0.95  (\(strict)/pack.yaml:2:12)"), check.output)
    XCTAssertTrue(check.output.contains("name        \"Tea\"  (\(strict)/pack.yaml:1:7)"), check.output)
    XCTAssertTrue(check.output.contains("mode        fast  (default)"), check.output)
  }

  /// A start that finds its model cached takes the parsed intents from it, and still the
  /// settings from pack.yaml.
  func testSettingsApplyWhenTheModelComesFromTheCache() throws {
    let strict = try pack(settings: "threshold: 0.95\n")
    for run in 1...2 {
      let outcome = try BinaryRunner.run(["ask", "--intents", strict, "--why", "tea please"])
      XCTAssertEqual(outcome.status, 0, outcome.errors)
      XCTAssertTrue(outcome.output.contains("I don't know"), "run \(run):\n\(outcome.output)")
      XCTAssertTrue(outcome.errors.contains("Threshold: 95.0%"), "run \(run):\n\(outcome.errors)")
    }
  }

  /// pack.yaml's `mode:` chooses the mode when no flag does; --fast or --encoder override it,
  /// and the model cache keeps one entry per mode. "what are my savings" shares no word with
  /// the balance intent: the fast mode falls back, the encoder's reading answers it.
  func testThePacksModeAppliesUnlessAFlagChooses() throws {
    let url = directory.appendingPathComponent("modes")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try ManySubjectsPack.write(to: url)
    try "mode: encoder\n".write(
      to: url.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
    for (flags, expected) in [([String](), "Your balance."), (["--fast"], "I don't know")] {
      for run in 1...2 {  // the second run reads the mode's own model cache entry
        let outcome = try BinaryRunner.run(["ask"] + flags + ["--intents", url.path, "what are my savings"])
        XCTAssertEqual(outcome.status, 0, outcome.errors)
        XCTAssertTrue(outcome.output.contains(expected), "\(flags) run \(run):\n\(outcome.output)")
        XCTAssertFalse(outcome.errors.contains("warning"), outcome.errors)
      }
    }
    let check = try BinaryRunner.run(["check", "--folds", "0", "--intents", url.path])
    XCTAssertTrue(check.output.contains("mode        encoder  (\(url.path)/pack.yaml:1:7)"), check.output)
  }

  /// `disclaimer:` is what the answers are not, in the pack's words: `check` shows it with its
  /// line, and faqbot's own ("general information from one document") without it; empty
  /// text is an error at its line.
  func testTheDisclaimerComesFromPackYaml() throws {
    let own = try pack(settings: "disclaimer: Not official tea advice.\n")
    let check = try BinaryRunner.run(["check", "--folds", "0", "--intents", own])
    XCTAssertEqual(check.status, 0, check.errors)
    XCTAssertTrue(
      check.output.contains("disclaimer  \"Not official tea advice.\"  (\(own)/pack.yaml:1:13)"), check.output
    )
    let plain = try pack(settings: "name: Tea\n")
    let defaults = try BinaryRunner.run(["check", "--folds", "0", "--intents", plain])
    XCTAssertTrue(
      defaults.output.contains(
        "disclaimer  \"Answers are general information from one document.\"  (default)"),
      defaults.output)
    let empty = try pack(settings: "disclaimer: \"\"\n")
    let refused = try BinaryRunner.run(["check", "--intents", empty])
    XCTAssertEqual(refused.status, 1, refused.output)
    XCTAssertTrue(
      refused.errors.contains("pack.yaml:1:13: error: 'disclaimer' must be non-empty text"), refused.errors)
  }

  func testABadSettingsFileFailsWithLocatedErrors() throws {
    let bad = try pack(settings: "name: Tea\nthreshhold: 0.4\n")
    for arguments in [["check"], ["ask", "--no-cache", "hello"]] {
      let outcome = try BinaryRunner.run(arguments + ["--intents", bad])
      XCTAssertEqual(outcome.status, 1, outcome.output)
      XCTAssertTrue(
        outcome.errors.contains(
          "pack.yaml:2:1: error: unknown key 'threshhold' in pack settings (known keys: name, description, "
            + "threshold, emergency, mode, advice, disclaimer) (did you mean 'threshold'?)"), outcome.errors)
    }
  }
}
