import Foundation
import XCTest

/// `faqbot import`, `faqbot train`, `--model` and the model cache, as a user meets them.
final class ImportTrainCacheTests: XCTestCase {
  private var directory = ""

  override func setUpWithError() throws {
    directory = NSTemporaryDirectory() + "faqbot-import-train-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: directory)
  }

  private let csv = """
    question,intent
    "what is my balance, please",balance
    how much money is in my account,balance
    show my account balance,balance
    how do I say hello in French,translate
    "translate ""thank you"" to German",translate
    what is the word for cat in Spanish,translate
    will it rain today,weather
    what is the weather like tomorrow,weather
    is it sunny outside,weather

    """

  /// Imports `csv` into `<directory>/pack/pairs.yaml` and returns the pack directory.
  private func importPack(_ text: String? = nil) throws -> String {
    let source = directory + "/pairs.csv"
    try Data((text ?? csv).utf8).write(to: URL(fileURLWithPath: source))
    let outcome = try BinaryRunner.run(["import", source, "-o", directory + "/pack/", "--force"])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    return directory + "/pack"
  }

  private func ask(_ question: String, _ options: [String], cache: String? = nil) throws -> (
    BinaryRunner.Outcome, [String: Any]
  ) {
    let outcome = try BinaryRunner.run(
      ["ask", "--json"] + options + [question], environment: ["XDG_CACHE_HOME": cache ?? directory + "/cache"]
    )
    let object = (try? JSONSerialization.jsonObject(with: outcome.standardOutput)) as? [String: Any]
    return (outcome, object ?? [:])
  }

  private func cacheFiles(_ cache: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: cache + "/faqbot")) ?? []).sorted()
  }

  func testImportedCSVAnswersQuestionsWithPlaceholderAnswers() throws {
    let pack = try importPack()
    let text = try String(contentsOfFile: pack + "/pairs.yaml", encoding: .utf8)
    XCTAssertTrue(text.contains("Answer for translate."), text)
    let (outcome, answer) = try ask("how would I say goodbye in French", ["--intents", pack])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    XCTAssertEqual(answer["intent"] as? String, "translate", outcome.output)
    XCTAssertEqual(answer["answer"] as? String, "Answer for translate.")
  }

  func testImportRefusesToOverwriteWithoutForce() throws {
    let pack = try importPack()
    let again = try BinaryRunner.run(["import", directory + "/pairs.csv", "-o", pack + "/pairs.yaml"])
    XCTAssertEqual(again.status, 1)
    XCTAssertTrue(again.errors.contains("--force"), again.errors)
    let forced = try BinaryRunner.run([
      "import", directory + "/pairs.csv", "-o", pack + "/pairs.yaml", "--force",
    ])
    XCTAssertEqual(forced.status, 0, forced.errors)
  }

  func testBadRowsAreReportedWithFileAndLine() throws {
    let source = directory + "/bad.csv"
    try Data("hi,greeting\nno intent here\nbye,farewell,extra\n".utf8).write(to: URL(fileURLWithPath: source))
    let outcome = try BinaryRunner.run(["import", source])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.errors.contains("bad.csv:2:1: error: expected 2 columns"), outcome.errors)
    XCTAssertTrue(outcome.errors.contains("bad.csv:3:1: error: expected 2 columns"), outcome.errors)
    XCTAssertTrue(outcome.output.isEmpty)
  }

  func testATrainedModelLoadsOnlyWithItsPack() throws {
    let pack = try importPack()
    let model = directory + "/pack.model"
    let train = try BinaryRunner.run(["train", "--intents", pack, "-o", model])
    XCTAssertEqual(train.status, 0, train.errors)
    XCTAssertTrue(train.output.contains("trained 3 intents"), train.output)
    let (outcome, answer) = try ask(
      "is it going to rain", ["--intents", pack, "--model", model, "--no-cache"])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    XCTAssertEqual(answer["intent"] as? String, "weather")

    // A model piped in, as a deployment script may do (`--model /dev/stdin`, `<(…)`).
    let piped = try BinaryRunner.run(
      ["ask", "--json", "--intents", pack, "--model", "/dev/stdin", "--no-cache", "is it going to rain"],
      input: Data(contentsOf: URL(fileURLWithPath: model)))
    XCTAssertEqual(piped.status, 0, piped.errors)
    XCTAssertTrue(piped.output.contains(#""intent":"weather""#), piped.output)

    _ = try importPack(csv + "play some jazz,music\n")
    let (refused, _) = try ask("is it going to rain", ["--intents", pack, "--model", model])
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(refused.errors.contains("trained on a different pack"), refused.errors)

    // A pack that no longer loads says why, rather than that the model does not match it.
    try Data("intents:\n  - id: broken\n    exmples: [hi]\n    answer: x\n".utf8)
      .write(to: URL(fileURLWithPath: pack + "/zz-broken.yaml"))
    let (broken, _) = try ask("is it going to rain", ["--intents", pack, "--model", model])
    XCTAssertEqual(broken.status, 1)
    XCTAssertTrue(broken.errors.contains("zz-broken.yaml:3:5: error: unknown key 'exmples'"), broken.errors)
    try FileManager.default.removeItem(atPath: pack + "/zz-broken.yaml")

    try Data("not a model".utf8).write(to: URL(fileURLWithPath: model))
    let (garbage, _) = try ask("is it going to rain", ["--intents", pack, "--model", model])
    XCTAssertEqual(garbage.status, 1)
    XCTAssertTrue(garbage.errors.contains("not a faqbot model file"), garbage.errors)
  }

  func testTheCacheIsWrittenOnceAndADamagedFileIsRebuilt() throws {
    let pack = try importPack()
    let cache = directory + "/cache"
    let (first, answer) = try ask("what is my balance", ["--intents", pack], cache: cache)
    XCTAssertEqual(first.status, 0, first.errors)
    let files = cacheFiles(cache)
    XCTAssertEqual(files.count, 1, "\(files)")
    let path = cache + "/faqbot/" + (files.first ?? "")
    let original = try Data(contentsOf: URL(fileURLWithPath: path))

    try original.prefix(original.count / 3).write(to: URL(fileURLWithPath: path))
    let (rebuilt, again) = try ask("what is my balance", ["--intents", pack], cache: cache)
    XCTAssertEqual(rebuilt.status, 0, rebuilt.errors)
    XCTAssertEqual(again["intent"] as? String, answer["intent"] as? String)
    // Training is deterministic, so the rebuilt file is the original byte for byte.
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), original)
    XCTAssertEqual(cacheFiles(cache), files)

    _ = try ask("what is my balance", ["--intents", pack, "--no-cache"], cache: directory + "/unused")
    XCTAssertEqual(cacheFiles(directory + "/unused"), [])
  }

  func testTwoProcessesStartingAtOnceShareOneWholeModel() throws {
    let pack = try importPack()
    let cache = directory + "/cache"
    let outcomes = LockedOutcomes()
    DispatchQueue.concurrentPerform(iterations: 2) { _ in
      outcomes.append(
        try? BinaryRunner.run(
          ["ask", "--json", "--intents", pack, "will it rain tomorrow"],
          environment: ["XDG_CACHE_HOME": cache]))
    }
    XCTAssertEqual(outcomes.statuses, [0, 0])
    XCTAssertEqual(cacheFiles(cache).count, 1, "\(cacheFiles(cache))")
    let (third, answer) = try ask("will it rain tomorrow", ["--intents", pack], cache: cache)
    XCTAssertEqual(third.status, 0, third.errors)
    XCTAssertEqual(answer["intent"] as? String, "weather")
  }

  func testAnUnwritableCacheStillAnswers() throws {
    let pack = try importPack()
    let blocker = directory + "/file-not-directory"
    XCTAssertTrue(FileManager.default.createFile(atPath: blocker, contents: Data()))
    let (outcome, answer) = try ask("is it sunny", ["--intents", pack], cache: blocker)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    XCTAssertEqual(answer["intent"] as? String, "weather")
    XCTAssertTrue(outcome.errors.isEmpty, outcome.errors)
  }
}

/// Outcomes collected from concurrent runs.
private final class LockedOutcomes: @unchecked Sendable {
  private let lock = NSLock()
  private var outcomes: [BinaryRunner.Outcome?] = []
  func append(_ outcome: BinaryRunner.Outcome?) { lock.withLock { outcomes.append(outcome) } }
  var statuses: [Int32] { lock.withLock { outcomes.map { $0?.status ?? -1 } } }
}
