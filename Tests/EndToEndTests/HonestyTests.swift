import Foundation
import XCTest

/// Issue 16 through the built binary, on the default pack: other subjects are named as not
/// covered, the conversation only fills what a question lacks, "tell me more" is honest,
/// and the JSON answers keep protocol v1's promises.
final class HonestyTests: XCTestCase {
  /// Sends `requests` ({"question", "session"?}) to `faqbot --json` and returns the answers.
  private func ask(_ requests: [[String: String]], arguments: [String] = []) throws -> [[String: Any]] {
    let lines = try requests.map {
      String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self)
    }
    let outcome = try BinaryRunner.run(["--json"] + arguments, lines: lines)
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    let answers = try outcome.output.split(separator: "\n").map {
      try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    XCTAssertEqual(answers.count, requests.count, outcome.output)
    return answers
  }

  private func conversation(_ questions: [String]) throws -> [[String: Any]] {
    try ask(questions.map { ["question": $0, "session": "s"] })
  }

  func testOtherSubjectsAreNamedAsNotCovered() throws {
    let cases = [
      ("what are the side effects of Prozac?", "Prozac"), ("how does lithium work on the brain", "lithium"),
      ("is xanax addictive?", "xanax"), ("side effects of ibuprofen", "ibuprofen"),
      // A common word is no misspelling of the document's ("meditation" is not "medication"),
      // and a document word before the thing only modifies it ("hearing" aids).
      ("does meditation help depression", "meditation"),
      // Nor is a rare name a misspelling of a common word without its ending ("creating").
      ("does creatine help with depression", "creatine"),
      ("are hearing aids covered by medicare", "hearing aids"),
      // A question that reaches a small-talk intent through one word ("doctor") is about its
      // subject; small talk's own questions ("who are you") are surer than that.
      ("is dr phil a real doctor", "dr phil"),
      // Named beside the document's subject only as the standard of a comparison.
      ("is laughing gas an anesthetic like ketamine", "laughing gas"),
      ("is psilocybin safer than ketamine", "psilocybin"),
    ]
    let answers = try ask(cases.map { ["question": $0.0] })
    for ((question, subject), answer) in zip(cases, answers) {
      XCTAssertEqual(answer["kind"] as? String, "fallback", question)
      XCTAssertEqual(answer["category"] as? String, "not_covered", question)
      XCTAssertTrue(answer["intent"] is NSNull, question)
      let text = try XCTUnwrap(answer["answer"] as? String)
      XCTAssertTrue(
        text.contains("only covers ketamine therapy; it doesn't say anything about \(subject)."), text)
      XCTAssertTrue(text.contains("qualified healthcare professional"), text)
    }
  }

  func testRepliesAndContractionsAreNeverNamedAsSubjects() throws {
    // "nope" and "shouldnt" stand where a subject could: they are chat and a contraction.
    var answers = try conversation(["thank you so much", "nope thats all"])
    XCTAssertEqual(answers[1]["category"] as? String, "small_talk", "\(answers[1])")
    for (question, word) in [
      ("nope thats all", "nope"), ("so who shouldnt take it then", "shouldnt"), ("quit now", "quit"),
    ] {
      answers = try conversation(["is ketamine addictive", question])
      let text = try XCTUnwrap(answers[1]["answer"] as? String)
      XCTAssertFalse(text.contains("anything about \(word)"), text)
    }
    answers = try conversation(["thanks", "no"])
    XCTAssertEqual(answers[1]["kind"] as? String, "fallback")
    XCTAssertTrue(answers[1]["intent"] is NSNull)
    XCTAssertEqual(answers[1]["category"] as? String, "small_talk", "a polite close is not an I-don't-know")
  }

  func testPartialAnswersNowSayWhatTheQuestionAsks() throws {
    let story =
      "I have been reading a lot about different treatments for my depression over the past few months, "
      + "and my psychiatrist mentioned that ketamine might be an option since the usual antidepressants "
      + "have not helped me much. I am a bit nervous about trying something new, and I would like to "
      + "understand what I am getting into before I agree to it. Could you explain how it actually works "
      + "on the brain?"
    let answers = try ask([
      ["question": "is ketamine only an anesthetic?"], ["question": "any risks with ketamine treatment?"],
      ["question": story],
    ])
    func sources(_ answer: [String: Any]) -> [String] {
      (answer["sources"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
    // The definition with the mental-health use; safety with the side effects.
    XCTAssertTrue(sources(answers[0]).contains("understanding-ketamine.p1.s3"), "\(answers[0])")
    XCTAssertTrue(sources(answers[1]).contains("potential-side-effects.p1.s2"), "\(answers[1])")
    // A long message is answered by the question at its end.
    XCTAssertEqual(answers[2]["intent"] as? String, "how_it_works_brain", "\(answers[2])")
  }

  func testTheSubjectCheckCanBeTurnedOffToMeasureIt() throws {
    let answers = try ask(
      [["question": "how does lithium work on the brain"]], arguments: ["--no-subject-check"])
    XCTAssertEqual(answers[0]["intent"] as? String, "how_it_works_brain")
  }

  func testAQuestionAboutTheDocumentIsStillAnswered() throws {
    let answers = try ask([
      ["question": "Is ketamine better than Prozac?"], ["question": "What are the side effects?"],
    ])
    XCTAssertEqual(answers[0]["intent"] as? String, "traditional_antidepressants")
    XCTAssertEqual(answers[1]["intent"] as? String, "side_effects")
    XCTAssertEqual(answers[1]["category"] as? String, "answer")
  }

  func testContextFillsButDoesNotOverrideACompleteQuestion() throws {
    var answers = try conversation(["How does ketamine work on the brain?", "how quickly does it work?"])
    XCTAssertEqual(answers[1]["intent"] as? String, "how_fast_it_works")
    answers = try conversation(["what are the side effects", "and is it addictive?"])
    XCTAssertEqual(answers[1]["intent"] as? String, "addiction_risk")
    answers = try conversation(["What are the side effects?", "how long do they last?"])
    XCTAssertEqual(answers[1]["intent"] as? String, "side_effect_duration")
  }

  /// A pointer with one word of its own takes its topic from the previous question, even
  /// where its own reading is confident about another ("are they permanent?" alone is about
  /// the benefits), but only among what it could mean: "is that temporary?" after the heart
  /// rate is about how long, not the side effects again.
  func testAPointerTakesItsTopicFromThePreviousQuestion() throws {
    let alone = try ask([["question": "are they permanent?"]])
    XCTAssertEqual(alone[0]["intent"] as? String, "benefit_duration")
    var answers = try conversation(["what are the side effects of ketamine therapy?", "are they permanent?"])
    XCTAssertEqual(answers[1]["intent"] as? String, "side_effect_duration", "\(answers[1])")
    answers = try conversation(["can ketamine raise your heart rate", "is that temporary"])
    XCTAssertEqual(answers[0]["intent"] as? String, "side_effects")
    XCTAssertEqual(answers[1]["intent"] as? String, "side_effect_duration", "\(answers[1])")
  }

  func testTellMeMoreShowsWhatWasNotShownAndEndsHonestly() throws {
    let answers = try conversation([
      "What are the side effects?", "tell me more", "tell me more", "tell me more",
    ])
    let shown = answers.flatMap {
      ($0["sources"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
    XCTAssertTrue(shown.contains("potential-side-effects.p1.s4"), "\(shown)")
    // The intent quotes s2 and s3 with s1 before them ("However, …"); more never repeats s1.
    XCTAssertEqual(shown.count, Set(shown).count, "a sentence given twice: \(shown)")
    XCTAssertEqual(answers[2]["kind"] as? String, "fallback", "\(answers[2])")
    let last = try XCTUnwrap(answers.last)
    XCTAssertEqual(last["kind"] as? String, "fallback")
    XCTAssertTrue(last["intent"] is NSNull, "a fallback names no intent")
    XCTAssertTrue((last["answer"] as? String ?? "").hasPrefix("That is all the document says about"))
  }

  /// "is it safe?" right after "the document doesn't say anything about Prozac" is about
  /// Prozac: ketamine's safety would be read as Prozac's. Naming ketamine moves on.
  func testAPointerAfterAnotherSubjectStaysWithIt() throws {
    let answers = try conversation([
      "what is prozac", "is it safe?", "is it addictive?", "is ketamine safe?", "is it safe?",
    ])
    for index in 0...2 {
      XCTAssertEqual(answers[index]["category"] as? String, "not_covered", "\(index): \(answers[index])")
      XCTAssertTrue(
        (answers[index]["answer"] as? String ?? "").contains("anything about prozac"), "\(answers[index])")
    }
    XCTAssertEqual(answers[3]["intent"] as? String, "is_it_safe", "\(answers[3])")
    XCTAssertEqual(answers[4]["intent"] as? String, "is_it_safe", "\(answers[4])")
  }

  func testTellMeMoreTwiceAfterIsItSafeKeepsTheProtocol() throws {
    let answers = try conversation(["is it safe", "tell me more", "tell me more", "tell me more"])
    for answer in answers where answer["kind"] as? String == "fallback" {
      XCTAssertTrue(answer["intent"] is NSNull, "\(answer)")
    }
  }

  func testJSONAnswersHaveNoREPLWordsAndQuotesStandAlone() throws {
    let answers = try ask([["question": "tell me more"], ["question": "What are the side effects?"]])
    for answer in answers {
      let text = try XCTUnwrap(answer["answer"] as? String)
      XCTAssertFalse(text.contains("/topics"), text)
      XCTAssertFalse(text.isEmpty)
    }
    let sideEffects = try XCTUnwrap(answers[1]["answer"] as? String)
    XCTAssertFalse(sideEffects.hasPrefix("However"), sideEffects)
  }

  func testPipeModeDoesNotNumberSuggestions() throws {
    let outcome = try BinaryRunner.run([], lines: ["What are the side effects?"])
    XCTAssertEqual(outcome.status, 0, outcome.errors)
    XCTAssertTrue(outcome.output.contains("  - "), outcome.output)
    XCTAssertFalse(outcome.output.contains("  1. "), outcome.output)
  }

  func testCheckRefusesAnEmptyAnswerText() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("faqbot-empty-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let yaml = """
      intents:
        - id: hello
          examples: [hi, hello there, good morning]
          answer:
            text: ""
      """
    try yaml.write(to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
    let outcome = try BinaryRunner.run(["check", "--intents", directory.path], lines: [])
    XCTAssertNotEqual(outcome.status, 0, outcome.output)
    XCTAssertTrue(outcome.errors.contains("a.yaml:5"), outcome.errors)
    XCTAssertTrue(outcome.errors.contains("is empty"), outcome.errors)
  }
}
