import FAQBot
import FAQBotTestSupport
import XCTest

@testable import FAQBotDialogue

/// The dialogue pipeline on the default pack: safety first, intents with sources, context,
/// "tell me more", declines and honest fallbacks.
final class DialogueTests: XCTestCase {
  let engine = DefaultEngine.shared

  func testAnIntentAnswerCarriesItsSectionSources() {
    let answer = engine.respond(to: "What are the side effects of ketamine therapy?")
    XCTAssertEqual(answer.kind, .intent)
    XCTAssertEqual(answer.intent, "side_effects")
    XCTAssertFalse(answer.sources.isEmpty)
    for source in answer.sources {
      XCTAssertTrue(engine.resources.knowledge.contains(source.id), source.id)
      XCTAssertEqual(source.section, "Potential Side Effects")
    }
  }

  func testEveryDocumentIntentAnswersWithASource() {
    for intent in engine.resources.pack.intents where intent.kind == .faq {
      let answer = engine.respond(to: intent.examples[0])
      XCTAssertEqual(answer.intent, intent.id, intent.examples[0])
      XCTAssertFalse(answer.sources.isEmpty, "\(intent.id) answered without a source")
    }
  }

  func testACrisisInsideAnotherQuestionGetsTheEmergencyAnswerFirst() {
    let messages = [
      "Does ketamine help depression? Honestly I want to kill myself",
      "my friend took too much ketamine and overdosed, what are the side effects",
      "I've been self-harming, is ketamine therapy right for me?",
      "i dont want to live anymore",
    ]
    for message in messages {
      let answer = engine.respond(to: message)
      XCTAssertEqual(answer.kind, .safety, message)
      XCTAssertTrue(answer.text.contains("988"), message)
      XCTAssertTrue(answer.text.lowercased().contains("emergency"), message)
    }
  }

  func testSafetyWinsOverContextAndFollowUps() {
    var context = ConversationContext()
    _ = engine.respond(to: "What are the side effects?", context: &context)
    let answer = engine.respond(to: "tell me more, I want to end my life", context: &context)
    XCTAssertEqual(answer.kind, .safety)
  }

  func testDosingRecreationalUseAndObtainingAreDeclined() {
    let cases = [
      ("How many mg of ketamine should I take?", "dosing"),
      ("is ketamine fun to take at a rave", "recreational_use"),
      ("where can I buy ketamine without a prescription", "obtaining"),
      // Injecting it oneself is declined; how the clinic gives it is the administration answer.
      ("how do i inject ketamine", "recreational_use"), ("how do you inject it", "recreational_use"),
    ]
    for (question, intent) in cases {
      let answer = engine.respond(to: question)
      XCTAssertEqual(answer.intent, intent, question)
      XCTAssertTrue(answer.text.lowercased().contains("professional"), question)
      XCTAssertNil(answer.text.range(of: #"\d+\s*(mg|milligram)"#, options: .regularExpression), question)
    }
    XCTAssertEqual(engine.respond(to: "how is ketamine injected").intent, "administration")
  }

  func testAFollowUpQuestionIsReadInTheContextOfThePreviousOne() {
    var context = ConversationContext()
    XCTAssertEqual(engine.respond(to: "What are the side effects?", context: &context).intent, "side_effects")
    XCTAssertEqual(
      engine.respond(to: "how long do they last?", context: &context).intent, "side_effect_duration")
    // Words the pack does not know do not become a follow-up by leaning on the context.
    XCTAssertEqual(engine.respond(to: "blah blah zzz", context: &context).kind, .fallback)
    // Without the context the same words are about something else.
    XCTAssertNotEqual(engine.respond(to: "how long do they last?").intent, "side_effect_duration")
  }

  func testTellMeMoreContinuesTheTopicUntilTheDocumentRunsOut() {
    var context = ConversationContext()
    let first = engine.respond(to: "What is ketamine?", context: &context)
    let more = engine.respond(to: "tell me more", context: &context)
    XCTAssertNotEqual(more.text, first.text)
    XCTAssertFalse(more.sources.isEmpty)
    XCTAssertTrue(more.sources.allSatisfy { $0.section == first.sources.first?.section })
    var replies: [Answer] = []
    for _ in 0..<10 { replies.append(engine.respond(to: "more", context: &context)) }
    // Each passage is given once, then the document honestly runs out, and stays out.
    let passages = replies.filter { $0.kind == .knowledge }.flatMap { $0.sources.map(\.id) }
    XCTAssertEqual(passages.count, Set(passages).count, "\(passages)")
    XCTAssertTrue(replies.last?.text.contains("That is all the document says") ?? false)
  }

  func testTellMeMoreWithoutATopicAsksWhatAbout() {
    let answer = engine.respond(to: "tell me more")
    XCTAssertEqual(answer.kind, .fallback)
    XCTAssertTrue(answer.text.contains("More about what"))
    XCTAssertTrue(answer.text.contains("Ask me a question first"), answer.text)
    // After a question the document did not answer, not "ask me a question first".
    var context = ConversationContext()
    _ = engine.respond(to: "what is the capital of peru", context: &context)
    let after = engine.respond(to: "tell me more", context: &context)
    XCTAssertTrue(after.text.contains("More about what"), after.text)
    XCTAssertFalse(after.text.contains("Ask me a question first"), after.text)
  }

  func testAnOffTopicQuestionFallsBackHonestlyWithAlternatives() {
    let answer = engine.respond(to: "What's the weather like in Paris tomorrow?")
    XCTAssertEqual(answer.kind, .fallback)
    XCTAssertNil(answer.intent)
    // The subject check names what is not covered.
    XCTAssertTrue(answer.text.contains("doesn't say anything about weather"), answer.text)
    XCTAssertTrue(answer.text.contains("qualified healthcare professional"))
    XCTAssertLessThanOrEqual(answer.suggestions.count, 3)
  }

  func testCandidatesAreTheTopThreeSortedForEveryKind() {
    let questions = ["What is ketamine?", "I want to die", "what is the capital of peru", "hello", ""]
    for question in questions {
      let answer = engine.respond(to: question)
      XCTAssertLessThanOrEqual(answer.candidates.count, 3, question)
      let confidences = answer.candidates.map(\.confidence)
      XCTAssertEqual(confidences, confidences.sorted(by: >), question)
      XCTAssertTrue(confidences.allSatisfy { (0...1).contains($0) }, question)
      XCTAssertTrue((0...1).contains(answer.confidence), question)
    }
  }

  func testNoAnswerEverServesARemovedPassage() {
    let removed = engine.resources.knowledge.document.removed.map(\.text).filter { $0.count > 10 }
    XCTAssertFalse(removed.isEmpty)
    var questions = engine.resources.pack.intents.flatMap { $0.examples.prefix(3) }
    questions += ["Delve even deeper", "read more in this source", "ketamine austin", "tell me more", "more"]
    var context = ConversationContext()
    for question in questions {
      let answer = engine.respond(to: question, context: &context)
      for text in removed { XCTAssertFalse(answer.text.contains(text), "\(question) served: \(text)") }
      XCTAssertFalse(answer.text.contains("http"), question)
    }
  }

  func testHostileInputAlwaysGetsAnAnswer() {
    let invalid = String(decoding: [0x77, 0x68, 0xED, 0xA0, 0x80, 0xFF, 0x61, 0x74], as: UTF8.self)
    let inputs = [
      "", "   ", "?!?!", "🙂🙂🙂", "\u{0000}\u{0007}\u{001B}[31m", invalid, "Что такое кетамин?", "ケタミンとは",
      "ما هو الكيتامين", String(repeating: "side effects ", count: 8_000),
      String(repeating: "x", count: 100_000),
    ]
    for input in inputs {
      let answer = engine.respond(to: input)
      XCTAssertFalse(answer.text.isEmpty)
      XCTAssertTrue((0...1).contains(answer.confidence))
    }
  }

  func testALongQuestionIsMatchedOnItsFirstPartAndSaysSo() {
    let question = "What are the side effects? " + String(repeating: "blah ", count: 1_000)
    let answer = engine.respond(to: question)
    XCTAssertTrue(answer.truncated)
    XCTAssertFalse(engine.respond(to: "What are the side effects?").truncated)
    // Cut between words, not inside one: "rea" of "really" was named as the question's subject.
    XCTAssertEqual(Engine.matchedText("side effects really really", limit: 21).text, "side effects really")
    XCTAssertEqual(Engine.matchedText("side effects really really", limit: 19).text, "side effects really")
    XCTAssertEqual(Engine.matchedText("side effects really", limit: 16).text, "side effects")
    XCTAssertEqual(Engine.matchedText("abcdefghij", limit: 4).text, "abcd", "no word end to cut at")
    XCTAssertFalse(Engine.matchedText("short", limit: 10).truncated)
  }

  func testAnswersAreDeterministicAcrossEngines() throws {
    let other = try DefaultEngine.make()
    for question in ["What is ketamine?", "is it addictive", "how do i find a clinic", "what about pizza"] {
      XCTAssertEqual(other.respond(to: question), engine.respond(to: question), question)
    }
  }

  func testRetrievalAnswersFromAPassageWhenNoIntentIsConfident() throws {
    let text = """
      Garden Guide

      Watering

      Tomatoes need deep watering twice a week. Seedlings prefer a light daily mist.

      Pests

      Aphids are small insects that gather under leaves. Ladybirds eat aphids and protect the plants.
      """
    let document = try KnowledgeBuilder().build(bytes: Array(text.utf8), fileName: "garden.txt")
    let knowledge = KnowledgeBase(document: document)
    let pack = IntentPack(intents: [
      Intent(
        id: "greeting", kind: .smalltalk, examples: ["hello", "hi there", "good morning"],
        answer: Reply(text: "Hi!")),
      Intent(
        id: "watering", examples: ["how often should I water", "watering schedule", "when do I water"],
        answer: Reply(text: nil, knowledge: ["watering.p1"])),
    ])
    let garden = Engine(pack: pack, knowledge: knowledge)
    let answer = garden.respond(to: "what do ladybirds eat?")
    XCTAssertEqual(answer.kind, .knowledge)
    XCTAssertEqual(answer.sources.first?.section, "Pests")
    XCTAssertTrue(answer.text.contains("Ladybirds eat aphids"))

    // `faqbot eval` counts a passage of the section an intent cites as that intent's answer,
    // as `check` does; a passage of another section is still a mistake.
    let seedlings = garden.respond(to: "do seedlings prefer a mist")
    XCTAssertEqual(seedlings.kind, .knowledge, seedlings.text)
    let report = Evaluation(items: [
      .init(question: "do seedlings prefer a mist", intent: "watering"),
      .init(question: "what do ladybirds eat?", intent: "watering"),
    ]).run(garden)
    XCTAssertEqual(report.correct, 1, "\(report.mistakes)")
    XCTAssertEqual(report.mistakes.first?.question, "what do ladybirds eat?")
  }

  /// A sentence that only announces what follows ("The library is open at these times:") is
  /// quoted with what it announces, not alone.
  func testRetrievalQuotesAnAnnouncementWithWhatItAnnounces() throws {
    let text = """
      # Library

      ## Opening Hours

      The library is open at these times:

      - Monday to Friday: 9:00 to 18:00
      - Saturday: 10:00 to 16:00

      ## Contact

      Write to the front desk.
      """
    let document = try KnowledgeBuilder().build(bytes: Array(text.utf8), fileName: "library.md")
    let knowledge = KnowledgeBase(document: document)
    let pack = IntentPack(intents: [
      Intent(id: "greeting", kind: .smalltalk, examples: ["hello", "hi there"], answer: Reply(text: "Hi!"))
    ])
    let answer = Engine(pack: pack, knowledge: knowledge).respond(to: "at what times is the library open")
    XCTAssertEqual(answer.kind, .knowledge, answer.text)
    XCTAssertTrue(answer.text.hasPrefix("The library is open at these times:"), answer.text)
    XCTAssertTrue(answer.text.contains("Saturday: 10:00 to 16:00"), answer.text)
  }
}
