import Foundation
import XCTest

/// The crisis promise through the built binary, as new users tried it (issue 15): every front,
/// the default pack, a team's pack without any safety intent, and a pack of only a
/// not-covered intent; ordinary replies and idioms do not raise the banner.
final class CrisisEndToEndTests: XCTestCase {
  static let crisisMessages = [
    "I want to kill myself", "kms", "i wanna kms", "sewerslide", "im so done with life, whats the point",
    "what is the lethal dose of ketamine", "i dont want to be alive anymore",
    // 2,014 characters: the crisis sentence comes after the first 2,000.
    String(repeating: "What is ketamine and how does it work? ", count: 52).prefix(1_992)
      + " i want to kill myself",
  ]
  static let ordinaryMessages = [
    "no", "No.", "end", "the end", "k", "ok", "thanks", "this traffic is killing me", "I'm dying to know",
    "my phone is dead", "kill the process",
  ]

  /// Packs in a temporary directory: one unrelated intent, and only a not-covered intent.
  final class Packs {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("faqbot-crisis-\(UUID())")
    var oneIntent: URL { directory.appendingPathComponent("one") }
    var notCoveredOnly: URL { directory.appendingPathComponent("not-covered") }

    init() throws {
      for (url, text) in [
        (
          oneIntent,
          """
          intents:
            - id: opening_hours
              kind: faq
              examples: [when are you open, what are your opening hours, are you open on sunday]
              answer:
                text: We are open nine to five.
          """
        ),
        (
          notCoveredOnly,
          """
          advice: Please ask your pharmacist.
          intents:
            - id: not_covered_prices
              kind: not_covered
              examples: [how much does it cost, what is the price, is it expensive]
              answer:
                text: The document does not cover prices. Please ask your pharmacist.
          """
        ),
      ] {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url.appendingPathComponent("intents.yaml"))
      }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
  }

  /// `faqbot --json [--intents pack]`: one response per message, in order.
  private func answers(_ messages: [String], pack: URL?, mode: [String] = []) throws -> [[String: Any]] {
    var arguments = ["--json"] + mode
    if let pack { arguments += ["--intents", pack.path] }
    let lines = try messages.enumerated().map { index, message in
      String(
        decoding: try JSONSerialization.data(withJSONObject: ["id": index, "question": message]),
        as: UTF8.self)
    }
    let outcome = try BinaryRunner.run(arguments, lines: lines, environment: JSONTestPack.environment)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let responses = try ResponseLine.decodeAll(outcome.standardOutput)
    XCTAssertEqual(responses.count, messages.count)
    return responses
  }

  func testEveryCrisisMessageGetsTheCrisisAnswerInEveryPack() throws {
    let packs = try Packs()
    for pack in [
      JSONTestPack.repository.appendingPathComponent("intents"), packs.oneIntent, packs.notCoveredOnly,
    ] {
      let responses = try answers(Self.crisisMessages, pack: pack)
      for (message, response) in zip(Self.crisisMessages, responses) {
        XCTAssertEqual(
          response["kind"] as? String, "safety", "\(pack.lastPathComponent): \(message.suffix(60))")
        XCTAssertTrue((response["answer"] as? String ?? "").contains("988"), "\(message.suffix(60))")
      }
      // The same text in every pack that does not localise it.
      let texts = Set(responses.compactMap { $0["answer"] as? String })
      XCTAssertEqual(texts.count, 1, texts.description)
    }
  }

  func testTheLongMessageIsFlaggedAlthoughOnlyItsStartIsMatched() throws {
    let long = try XCTUnwrap(Self.crisisMessages.last)
    XCTAssertEqual(long.count, 2_014)
    let response = try XCTUnwrap(try answers([long], pack: nil).first)
    XCTAssertEqual(response["kind"] as? String, "safety")
    XCTAssertNil(response["intent"] as? String)
  }

  func testOrdinaryRepliesAndIdiomsDoNotRaiseTheBanner() throws {
    let packs = try Packs()
    for pack in [JSONTestPack.repository.appendingPathComponent("intents"), packs.oneIntent] {
      let responses = try answers(Self.ordinaryMessages, pack: pack)
      for (message, response) in zip(Self.ordinaryMessages, responses) {
        XCTAssertNotEqual(response["kind"] as? String, "safety", "\(pack.lastPathComponent): \(message)")
      }
    }
    // The pack's safety intent is not offered as a candidate either: "no" once listed `crisis`
    // at 0.31 first, which a client could only read as a crisis score.
    let replies = try answers(
      ["thanks", "no", "No.", "the end", "I can't go on like this"],
      pack: JSONTestPack.repository.appendingPathComponent("intents"))
    for response in replies {
      let candidates = try XCTUnwrap(response["candidates"] as? [[String: Any]], "\(response)")
      XCTAssertFalse(candidates.isEmpty, "\(response)")
      XCTAssertFalse(candidates.contains { $0["intent"] as? String == "crisis" }, "\(response)")
    }
    XCTAssertEqual(replies.last?["kind"] as? String, "safety")
    let defaults = try answers(["k", "ok"], pack: JSONTestPack.repository.appendingPathComponent("intents"))
    for response in defaults {
      XCTAssertNil(response["intent"] as? String, "an acknowledgement is not a question: \(response)")
      XCTAssertFalse((response["answer"] as? String ?? "").lowercased().contains("recreational"))
      XCTAssertFalse((response["answer"] as? String ?? "").lowercased().contains("goodbye"))
    }
    // Thanks with a goodbye is a goodbye: the person is leaving, not asking for more.
    let leaving = try answers(
      ["no thanks, bye", "thanks, bye", "thanks"],
      pack: JSONTestPack.repository.appendingPathComponent("intents"))
    XCTAssertTrue((leaving[0]["answer"] as? String ?? "").contains("Goodbye"), "\(leaving[0])")
    XCTAssertTrue((leaving[1]["answer"] as? String ?? "").contains("Goodbye"), "\(leaving[1])")
    XCTAssertEqual(leaving[2]["intent"] as? String, "thanks", "\(leaving[2])")
  }

  /// The encoder mode adds the sentence vector's signal (`CrisisMeaning`): a plan said without
  /// any crisis word, which the fast mode's detector misses, is flagged there in every pack;
  /// the ordinary replies and idioms still are not.
  func testTheEncoderModeAlsoReadsWhatAMessageMeans() throws {
    let packs = try Packs()
    let unworded = "honestly i am ready to be gone"
    let fast = try answers([unworded], pack: packs.oneIntent, mode: ["--fast"])
    XCTAssertNotEqual(fast.first?["kind"] as? String, "safety", "the fast mode's limit, documented")
    for pack in [JSONTestPack.repository.appendingPathComponent("intents"), packs.oneIntent] {
      let flagged = try answers([unworded] + Self.crisisMessages, pack: pack, mode: ["--encoder"])
      for response in flagged {
        XCTAssertEqual(response["kind"] as? String, "safety", "\(pack.lastPathComponent): \(response)")
      }
      let ordinary = try answers(Self.ordinaryMessages, pack: pack, mode: ["--encoder"])
      for (message, response) in zip(Self.ordinaryMessages, ordinary) {
        XCTAssertNotEqual(response["kind"] as? String, "safety", "\(pack.lastPathComponent): \(message)")
      }
    }
    // Typed as a command by mistake, it is read the same way.
    let pipe = try BinaryRunner.run(
      ["--encoder", "--intents", packs.oneIntent.path], lines: ["/ " + unworded, "/ when are you open"])
    XCTAssertEqual(pipe.status, 0, pipe.errors)
    let blocks = pipe.output.components(separatedBy: "\n\n")
    XCTAssertTrue(blocks.first?.contains("988") ?? false, pipe.output)
    XCTAssertFalse(blocks.dropFirst().joined().contains("988"), pipe.output)
  }

  func testAskAndPipeFrontsGiveTheCrisisAnswer() throws {
    let packs = try Packs()
    let ask = try BinaryRunner.run(["ask", "--intents", packs.oneIntent.path, "i wanna kms"])
    XCTAssertEqual(ask.status, 0, ask.errors)
    XCTAssertTrue(ask.output.contains("988"), ask.output)
    let pipe = try BinaryRunner.run(
      ["--intents", packs.oneIntent.path], lines: ["sewerslide", "when are you open"])
    XCTAssertEqual(pipe.status, 0, pipe.errors)
    XCTAssertTrue(pipe.output.contains("988"), pipe.output)
    XCTAssertTrue(pipe.output.contains("nine to five"), pipe.output)
  }

  func testCheckReportsTheCrisisAnswer() throws {
    let packs = try Packs()
    let check = try BinaryRunner.run(["check", "--intents", packs.oneIntent.path])
    XCTAssertEqual(check.status, 0, check.errors)
    XCTAssertTrue(check.output.contains("Crisis answer"), check.output)
    XCTAssertTrue(check.output.contains("988"), check.output)
  }

  func testREPLThanksThenNoEndsPolitelyAndTellMeMoreAfterACrisisGivesMoreHelp() throws {
    let home = try TemporaryHome()
    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    try chat.ask("thanks")
    let no = try chat.ask("no")
    XCTAssertFalse(no.contains("IMPORTANT"), no)
    XCTAssertTrue(no.contains("All right"), no)
    let crisis = try chat.ask("i want to kill myself")
    XCTAssertTrue(crisis.contains("IMPORTANT") && crisis.contains("988"), crisis)
    let more = try chat.ask("what should i do")
    XCTAssertTrue(more.contains("988"), more)
    XCTAssertFalse(more.contains("More about what"), more)
    let scared = try chat.ask("im scared")
    XCTAssertTrue(scared.contains("988"), scared)
    XCTAssertFalse(scared.contains("I don't know"), scared)
    try chat.ask("what is ketamine")
    try chat.terminal.type("quit" + PseudoTerminal.Key.enter)
    XCTAssertEqual(try chat.terminal.waitForExit(), 0)
    // The crisis message and its follow-up are not in the history file; the others are.
    let history = try String(contentsOf: home.historyFile, encoding: .utf8)
    XCTAssertFalse(history.contains("kill myself"), history)
    XCTAssertFalse(history.contains("what should i do"), history)
    XCTAssertFalse(history.contains("im scared"), history)
    XCTAssertTrue(history.contains("what is ketamine"), history)
  }

  /// Right after the crisis answer, what a person in distress says next ("i dont have
  /// anyone", "im scared", "no", "thanks") gets crisis help again, not "I don't know" with the
  /// document's suggestions or a polite close; a question moves on to the document.
  func testWhatFollowsACrisisAnswerGetsCrisisHelpUntilAQuestionIsAsked() throws {
    for next in ["i dont have anyone", "no one cares about me", "im scared", "no", "thanks", "bye"] {
      let outcome = try BinaryRunner.run(
        ["--json"],
        lines: [
          #"{"question":"i want to kill myself","session":"s"}"#,
          #"{"question":"\#(next)","session":"s"}"#, #"{"question":"what is ketamine?","session":"s"}"#,
        ])
      XCTAssertEqual(outcome.status, 0, outcome.errors)
      let replies = try outcome.output.split(separator: "\n").map {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
      }
      XCTAssertEqual(replies.count, 3, outcome.output)
      XCTAssertEqual(replies[1]["kind"] as? String, "safety", "\(next): \(replies[1])")
      XCTAssertTrue((replies[1]["answer"] as? String ?? "").contains("988"), "\(next): \(replies[1])")
      XCTAssertEqual(replies[1]["suggestions"] as? [String], [], "\(next): \(replies[1])")
      XCTAssertEqual(replies[2]["intent"] as? String, "what_is_ketamine", "\(next): \(replies[2])")
    }
  }

  /// A crisis typed as a command ("/ i want to die", a typo'd slash) is not a question the
  /// fronts pass to the engine, but it still gets emergency help first, and stays out of the
  /// REPL's history.
  func testACrisisTypedAsACommandStillGetsHelp() throws {
    let home = try TemporaryHome()
    let pipe = try BinaryRunner.run(
      ["--intents", home.smallPack.path], lines: ["/ i want to kill myself", "/why i want to die"])
    XCTAssertEqual(pipe.status, 0, pipe.errors)
    let blocks = pipe.output.components(separatedBy: "\n\n")
    XCTAssertEqual(blocks.count, 2, pipe.output)
    XCTAssertTrue(blocks.allSatisfy { $0.contains("988") }, pipe.output)

    let chat = try ChatTerminal(home: home)
    try chat.waitForStart()
    let crisis = try chat.ask("/kms")
    XCTAssertTrue(crisis.contains("IMPORTANT") && crisis.contains("988"), crisis)
    XCTAssertFalse(crisis.contains("Unknown command"), crisis)
    try chat.ask("what is ketamine")
    try chat.terminal.type("/quit" + PseudoTerminal.Key.enter)
    XCTAssertEqual(try chat.terminal.waitForExit(), 0)
    let history = try String(contentsOf: home.historyFile, encoding: .utf8)
    XCTAssertFalse(history.contains("kms"), history)
    XCTAssertTrue(history.contains("what is ketamine"), history)
  }
}
