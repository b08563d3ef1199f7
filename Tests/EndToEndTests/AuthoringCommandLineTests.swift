import Foundation
import XCTest

/// The command-line and authoring fixes of issue 18, each through the binary: help that shows
/// the options `faqbot` takes, a misspelt command or a bare question answered with what to type,
/// range errors for negative numbers, `--intents FILE`, directory completion, `eval`'s errors,
/// `knowledge build` refusing to overwrite, and counts with the right plural.
final class AuthoringCommandLineTests: XCTestCase {
  private var directory = URL(fileURLWithPath: NSTemporaryDirectory())

  override func setUpWithError() throws {
    directory = try makeTemporaryDirectory("faqbot-cli")
  }

  private func write(_ text: String, _ name: String) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  func testRootHelpShowsTheDefaultCommandsOptions() throws {
    for arguments in [["--help"], ["-h"], ["help"]] {
      let outcome = try BinaryRunner.run(arguments)
      XCTAssertEqual(outcome.status, 0, outcome.errors)
      for option in [
        "--json", "--intents <intents>", "--knowledge <knowledge>", "--threshold", "SUBCOMMANDS:",
      ] {
        XCTAssertTrue(outcome.output.contains(option), "\(arguments): no \(option) in\n\(outcome.output)")
      }
    }
  }

  func testAMisspeltCommandGetsDidYouMeanAndAQuestionGetsAsk() throws {
    let misspelt = try BinaryRunner.run(["chekc"])
    XCTAssertEqual(misspelt.status, 64)
    XCTAssertEqual(misspelt.errors, "Error: unknown command 'chekc' (did you mean 'check'?)\n")

    let question = try BinaryRunner.run(["what is ketamine"])
    XCTAssertEqual(question.status, 64)
    XCTAssertTrue(
      question.errors.hasPrefix("Error: to ask one question, use: faqbot ask \"what is ketamine\""),
      question.errors)
    let words = try BinaryRunner.run(["what", "is", "ketamine"])
    XCTAssertTrue(words.errors.contains("faqbot ask \"what is ketamine\""), words.errors)
    XCTAssertFalse(words.errors.contains("Unexpected argument"), words.errors)
  }

  func testNegativeNumbersGetARangeErrorNotMissingValue() throws {
    let chars = try BinaryRunner.run(["ask", "--max-question-chars", "-5", "hi"])
    XCTAssertEqual(chars.status, 64)
    XCTAssertTrue(chars.errors.contains("--max-question-chars must be at least 1 (got -5)"), chars.errors)
    let threshold = try BinaryRunner.run(["ask", "--threshold", "-0.5", "hi"])
    XCTAssertTrue(
      threshold.errors.contains("--threshold must be between 0 and 1 (got -0.5)"), threshold.errors)
    XCTAssertFalse((chars.errors + threshold.errors).contains("Missing value"))
  }

  func testIntentsGivenAFileOrAMissingDirectorySaysWhy() throws {
    let file = try write("intents: []\n", "x.yaml")
    let outcome = try BinaryRunner.run(["ask", "--intents", file, "hi"])
    XCTAssertEqual(outcome.status, 64)
    XCTAssertTrue(
      outcome.errors.contains(
        "\(file) is a file, not a directory: --intents takes the directory that holds the intent files"),
      outcome.errors)
    let missing = directory.appendingPathComponent("nope").path
    let absent = try BinaryRunner.run(["ask", "--intents", missing, "hi"])
    XCTAssertTrue(
      absent.errors.contains("cannot read the intents directory: no such directory"), absent.errors)
    // No line of a file applies: the directory alone, not "nope:0:1".
    XCTAssertTrue(absent.errors.contains("\(missing): error: cannot read"), absent.errors)
  }

  /// The bash completion script, sourced by bash: `faqbot --intents <Tab>` offers directories.
  func testBashCompletesDirectoriesAfterIntents() throws {
    guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { throw XCTSkip("no bash") }
    let script = try BinaryRunner.run(["--generate-completion-script", "bash"])
    XCTAssertEqual(script.status, 0, script.errors)
    let path = try write(script.output, "completion.bash")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("my-pack"), withIntermediateDirectories: true)
    func complete(_ words: [String]) throws -> [String] {
      let quoted = words.map { "'\($0)'" }.joined(separator: " ")
      let program = """
        shopt -s extglob
        source '\(path)'
        COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE='\(words.joined(separator: " "))'
        COMP_POINT=${#COMP_LINE}
        _faqbot faqbot '\(words.last ?? "")' '\(words.dropLast().last ?? "")'
        printf '%s\\n' "${COMPREPLY[@]}"
        """
      let outcome = try BinaryRunner.run(
        ["-c", program], directory: directory, executable: URL(fileURLWithPath: "/bin/bash"))
      return outcome.output.split(separator: "\n").map(String.init)
    }
    let afterIntents = try complete(["faqbot", "--intents", "my"])
    XCTAssertTrue(afterIntents.contains { $0.hasPrefix("my-pack") }, "\(afterIntents)")
    XCTAssertFalse(afterIntents.contains("check"), "\(afterIntents)")
    XCTAssertTrue(try complete(["faqbot", "ch"]).contains("check"), "subcommands still complete")
  }

  func testEvalRefusesAnEmptySetAndReportsEveryBadLineAndUnknownIntent() throws {
    let empty = try write("\n\n", "empty.jsonl")
    let nothing = try BinaryRunner.run(["eval", empty])
    XCTAssertEqual(nothing.status, 1)
    XCTAssertTrue(nothing.errors.contains("the evaluation set has no questions"), nothing.errors)
    XCTAssertFalse(nothing.output.contains("0/0"), nothing.output)

    let bad = try write(
      "{\"question\": \"hi\", \"intent\": null}\nnot json\n{\"question\": \"x\"}\n{\"intent\": \"a\"}\n",
      "bad.jsonl")
    let lines = try BinaryRunner.run(["eval", bad])
    XCTAssertEqual(lines.status, 1)
    XCTAssertTrue(lines.errors.contains("the evaluation set has 3 bad lines:"), lines.errors)
    for number in [2, 3, 4] { XCTAssertTrue(lines.errors.contains("\(bad):\(number): "), lines.errors) }

    let unknown = try write(
      "{\"question\": \"what is it\", \"intent\": \"what_is_ketamin\"}\n{\"question\": \"x\", \"intent\": null}\n"
        + "{\"question\": \"y\", \"intent\": \"nonsense_here\"}\n", "unknown.jsonl")
    let ids = try BinaryRunner.run(["eval", unknown])
    XCTAssertEqual(ids.status, 1)
    XCTAssertTrue(ids.errors.contains("the evaluation set names 2 unknown intent ids:"), ids.errors)
    XCTAssertTrue(
      ids.errors.contains(
        "\(unknown):1: unknown intent id 'what_is_ketamin' (did you mean 'what_is_ketamine'?)"),
      ids.errors)
    XCTAssertTrue(ids.errors.contains("\(unknown):3: unknown intent id 'nonsense_here'"), ids.errors)
  }

  func testKnowledgeBuildRefusesToOverwriteWithoutForceAndCountsAreSingularForOne() throws {
    let document = try write("Notes\n\nTea\n\nTea is a drink.\n", "notes.txt")
    let output = directory.appendingPathComponent("notes.json").path
    XCTAssertEqual(try BinaryRunner.run(["knowledge", "build", document, "-o", output]).status, 0)
    let again = try BinaryRunner.run(["knowledge", "build", document, "-o", output])
    XCTAssertEqual(again.status, 1)
    XCTAssertTrue(again.errors.contains("\(output) exists; use --force to replace it"), again.errors)
    XCTAssertEqual(try BinaryRunner.run(["knowledge", "build", document, "-o", output, "--force"]).status, 0)

    let show = try BinaryRunner.run(["knowledge", "show", output])
    XCTAssertTrue(show.output.contains("1 paragraph, 1 sentence, "), show.output)
    XCTAssertTrue(show.output.contains("removed: 0 passages"), show.output)

    let pairs = try write("[[\"hello there\", \"greet\"]]", "one.json")
    let imported = try BinaryRunner.run([
      "import", pairs, "-o", directory.appendingPathComponent("one.yaml").path,
    ])
    XCTAssertTrue(imported.output.contains("1 intent, 1 example;"), imported.output)
  }

  /// Found trying faqbot as a team would: a set saved with Windows line endings read as one
  /// line, and an output path of the wrong kind gave Foundation's "NSCocoaErrorDomain error 512".
  func testEvalReadsWindowsLineEndingsAndWrongOutputPathsSayWhatTheyAre() throws {
    let crlf = try write(
      "{\"question\": \"what is the capital of peru\", \"intent\": null}\r\n"
        + "{\"question\": \"what is ketamine\", \"intent\": \"what_is_ketamine\"}\r\n", "crlf.jsonl")
    let eval = try BinaryRunner.run(["eval", crlf])
    XCTAssertEqual(eval.status, 0, eval.errors)
    XCTAssertTrue(eval.output.contains("(2 questions, 1 out of scope)"), eval.output)
    XCTAssertTrue(eval.output.contains("100.0%  (2/2)"), eval.output)
    // Two questions choose no threshold: the sweep's answer comes with a warning.
    XCTAssertTrue(eval.output.contains("(only 2 questions: too few to choose a threshold by"), eval.output)

    let document = try write("# Tea\n\n## Brewing\n\nBrew it for three minutes.\n", "tea.md")
    let intoAFile = try BinaryRunner.run(["init", document, "-o", document])
    XCTAssertEqual(intoAFile.status, 1)
    XCTAssertTrue(intoAFile.errors.contains("\(document) is a file; give -o a directory"), intoAFile.errors)
    for force in [[], ["--force"]] {
      let intoADirectory = try BinaryRunner.run(
        ["knowledge", "build", document, "-o", directory.path] + force)
      XCTAssertEqual(intoADirectory.status, 1)
      XCTAssertTrue(intoADirectory.errors.contains("\(directory.path) is a directory"), intoADirectory.errors)
      XCTAssertFalse(intoADirectory.errors.contains("NSCocoaErrorDomain"), intoADirectory.errors)
    }
    // A truncated knowledge file says where it breaks; a directory says it is one.
    let truncated = try write("{\"format\": 3, \"sections\": [", "truncated.json")
    let broken = try BinaryRunner.run(["ask", "--knowledge", truncated, "--knowledge-only", "hi"])
    XCTAssertEqual(broken.status, 1)
    XCTAssertTrue(
      broken.errors.contains("invalid JSON at line 1, column 28: unexpected end of input"), broken.errors)
    let folder = try BinaryRunner.run(["ask", "--knowledge", directory.path, "--knowledge-only", "hi"])
    XCTAssertTrue(folder.errors.contains("it is a directory"), folder.errors)
  }

  /// `--knowledge` with a team's own document but no `--intents` keeps the default intents,
  /// whose references are all missing there: one sentence saying what to add, not 92 lines.
  func testOwnKnowledgeWithoutIntentsSaysWhatToAdd() throws {
    let document = try write("# Garden\n\n## Watering\n\nWater twice a week.\n", "garden.md")
    let knowledge = directory.appendingPathComponent("garden.json").path
    XCTAssertEqual(try BinaryRunner.run(["knowledge", "build", document, "-o", knowledge]).status, 0)
    let outcome = try BinaryRunner.run(["ask", "--knowledge", knowledge, "how often should i water"])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.errors.contains("give your own intents with --intents DIR"), outcome.errors)
    XCTAssertTrue(outcome.errors.contains("--knowledge-only"), outcome.errors)
    XCTAssertFalse(outcome.errors.contains("understanding-ketamine"), outcome.errors)
    XCTAssertLessThan(outcome.errors.split(separator: "\n").count, 4, outcome.errors)
  }
}
