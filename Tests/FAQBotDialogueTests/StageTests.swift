import FAQBot
import FAQBotTestSupport
import XCTest

@testable import FAQBotDialogue

/// Each stage of the pipeline alone, on a turn made by hand: what it answers, and that it
/// passes (nil) on what is not its business, so stages stay replaceable one by one.
final class StageTests: XCTestCase {
  private let resources = DefaultEngine.shared.resources

  /// A turn as `Engine.makeTurn` makes it for `text`, in `context`.
  private func turn(_ text: String, context: ConversationContext = ConversationContext()) -> Turn {
    let analysis = resources.analyzer.analyze(text)
    let reading = Reading(analysis: analysis, prediction: resources.classifier.predict(analysis))
    return Turn(
      question: text, truncated: false, crisis: resources.crisisDetector.detect(text), reading: reading,
      contextualReading: nil, leansBack: false, triggers: resources.triggers.matches(in: analysis.stems),
      context: context)
  }

  /// The context after the engine answered `question`.
  private func context(after question: String) -> ConversationContext {
    var context = ConversationContext()
    _ = DefaultEngine.shared.respond(to: question, context: &context)
    return context
  }

  func testSafetyAnswersACrisisAndPassesOnAQuestion() throws {
    let answer = try XCTUnwrap(SafetyStage().respond(to: turn("i want to kill myself"), resources: resources))
    XCTAssertEqual(answer.answer.kind, .safety)
    XCTAssertNil(answer.answer.intent)
    XCTAssertTrue(answer.answer.text.contains("988"), answer.answer.text)
    XCTAssertNil(SafetyStage().respond(to: turn("What are the side effects?"), resources: resources))
  }

  func testShortRepliesAreRepliesNotQuestions() throws {
    let no = try XCTUnwrap(ShortReplyStage().respond(to: turn("no"), resources: resources))
    XCTAssertNotEqual(no.answer.kind, .safety)
    XCTAssertFalse(no.answer.text.isEmpty)
    XCTAssertNil(ShortReplyStage().respond(to: turn("is ketamine addictive?"), resources: resources))
    // Thanks with a goodbye ends the conversation; thanks alone and goodbye alone are the
    // pack's small talk.
    for leaving in ["no thanks, bye", "Thank you, goodbye!", "bye, thanks", "ok thanks bye"] {
      let reply = try XCTUnwrap(ShortReplyStage().respond(to: turn(leaving), resources: resources), leaving)
      XCTAssertTrue(reply.answer.text.contains("Goodbye"), "\(leaving): \(reply.answer.text)")
      XCTAssertNil(reply.answer.intent)
      XCTAssertEqual(reply.answer.category, .smallTalk)
    }
    XCTAssertNil(ShortReplyStage().respond(to: turn("thanks"), resources: resources))
    XCTAssertNil(ShortReplyStage().respond(to: turn("bye"), resources: resources))
  }

  func testFollowUpContinuesTheTopicAndAsksWhichWithoutOne() throws {
    let fresh = try XCTUnwrap(FollowUpStage().respond(to: turn("tell me more"), resources: resources))
    XCTAssertEqual(fresh.answer.kind, .fallback)
    XCTAssertNil(fresh.answer.intent)
    let after = context(after: "What are the side effects?")
    let more = try XCTUnwrap(
      FollowUpStage().respond(to: turn("tell me more", context: after), resources: resources))
    XCTAssertTrue(more.continuesTopic)
    XCTAssertFalse(more.passages.isEmpty)
    XCTAssertTrue(more.passages.allSatisfy { !after.givenPassages.contains($0) }, "\(more.passages)")
    XCTAssertNil(FollowUpStage().respond(to: turn("What is ketamine?", context: after), resources: resources))
  }

  func testTriggersDeclineDosingAndPassOtherwise() throws {
    let dose = try XCTUnwrap(
      TriggerStage().respond(to: turn("what dose should I take"), resources: resources))
    XCTAssertEqual(dose.answer.intent, "dosing")
    XCTAssertNil(
      TriggerStage().respond(to: turn("How does ketamine work on the brain?"), resources: resources))
  }

  func testSubjectCheckNamesWhatTheDocumentDoesNotCover() throws {
    let prozac = try XCTUnwrap(
      SubjectStage().respond(to: turn("what are the side effects of Prozac?"), resources: resources))
    XCTAssertEqual(prozac.answer.kind, .fallback)
    XCTAssertNil(prozac.answer.intent)
    XCTAssertTrue(prozac.answer.text.contains("Prozac"), prozac.answer.text)
    XCTAssertNil(SubjectStage().respond(to: turn("What are the side effects?"), resources: resources))
  }

  func testAModifiedThingIsNamedWholeAndAVerbIsNoThing() throws {
    func subject(_ question: String) -> String? {
      resources.subjects.foreignSubject(
        of: resources.analyzer.analyze(question), analyzer: resources.analyzer)
    }
    // A document word before the new one, after a copula or preposition, modifies it.
    XCTAssertEqual(subject("are hearing aids covered by medicare"), "hearing aids")
    XCTAssertEqual(subject("is medical marijuana covered by insurance"), "medical marijuana")
    // A common word is not taken for a misspelling of the document's ("medication").
    XCTAssertEqual(subject("does meditation help depression"), "meditation")
    // A rare name is not a typo of a common word that drops its ending ("creatine" is not
    // "creating"), while a typo of the document's own name keeps the ending it aims at.
    XCTAssertEqual(subject("does creatine help with depression"), "creatine")
    XCTAssertNil(subject("is ketamien safe"))
    XCTAssertNil(subject("how does ketamin work"))
    // Compared with the document's subject, another thing is still what is asked about; a
    // comparative of a document word ("safer") names nothing.
    XCTAssertEqual(subject("is laughing gas an anesthetic like ketamine"), "laughing gas")
    XCTAssertEqual(subject("is psilocybin safer than ketamine"), "psilocybin")
    XCTAssertNil(subject("what is ketamine like"))
    XCTAssertNil(subject("is ketamine better than prozac"))
    // After a modal the word before is the subject, and this one its verb.
    XCTAssertNil(subject("where can my doctor hang out"))
    XCTAssertNil(subject("is the treatment working"))
    // A word with an object after it, where a verb goes, is a verb too; a thing in the same
    // place is still named.
    XCTAssertNil(subject("can i tweak the infusion schedule"))
    XCTAssertNil(subject("tweak the infusion schedule"))
    XCTAssertNil(subject("is it ok to reschedule my infusion"))
    XCTAssertEqual(subject("can i take prozac the day before"), "prozac")
    XCTAssertEqual(subject("is prozac the same as zoloft"), "prozac")
    XCTAssertEqual(subject("can i tweak my dose of prozac"), "prozac")
    // After "how to" or "safe to" the word is a verb; after "switch to" a thing.
    XCTAssertEqual(subject("how to taper off zoloft"), "zoloft")
    XCTAssertNil(subject("how to put it into words"))
    XCTAssertEqual(subject("can i switch to prozac"), "prozac")
    // After a copula with its own subject before it, an English word is a predicate; a
    // copula that opens the question, or a preposition after it, still has a thing after it.
    XCTAssertNil(subject("my infusions are stale"))
    XCTAssertNil(subject("the clinic was chilly"))
    XCTAssertEqual(subject("is lithium safe"), "lithium")
    XCTAssertEqual(subject("what is lithium"), "lithium")
    XCTAssertEqual(subject("she is on lithium"), "lithium")
  }

  func testSmallTalkMustBeSureToOutweighTheSubjectCheck() throws {
    // A question about another subject that shares one word with a goodbye ("night") reaches
    // the threshold with small talk; the subject check names the subject instead.
    let engine = Engine(resources: resources)
    let dayquil = engine.respond(to: "is dayquil ok to take at night")
    XCTAssertEqual(dayquil.category, .notCovered, dayquil.text)
    XCTAssertTrue(dayquil.text.contains("dayquil"), dayquil.text)
    // Real small talk is sure of itself, and a way of addressing someone is no subject.
    XCTAssertEqual(engine.respond(to: "good night").intent, "goodbye")
    // A greeting that names a place keeps the lower bar; a question must be surer.
    XCTAssertEqual(engine.respond(to: "good morning from toronto").intent, "greeting")
    XCTAssertEqual(engine.respond(to: "who are you").intent, "who_are_you")
    let phil = engine.respond(to: "is dr phil a real doctor")
    XCTAssertEqual(phil.category, .notCovered, phil.text)
    let buddy = engine.respond(to: "cheers buddy")
    XCTAssertEqual(buddy.intent, "thanks", buddy.text)
    XCTAssertNil(
      resources.subjects.foreignSubject(
        of: resources.analyzer.analyze("hello there mate"), analyzer: resources.analyzer))
  }

  func testSubjectCheckNeedsASubject() throws {
    // A pack of intents about many things shares no main word: "antebellum" is the open
    // slot of a template there ("define …"), not another subject.
    let pack = IntentPack(intents: [
      Intent(
        id: "definition",
        examples: ["define serendipity", "define ubiquitous", "what does quixotic mean"],
        answer: Reply(text: "A definition.")),
      Intent(
        id: "balance", examples: ["what is my balance", "how much money do I have", "show my savings"],
        answer: Reply(text: "Your balance.")),
      Intent(
        id: "weather", examples: ["will it rain today", "what is the weather like", "is it sunny outside"],
        answer: Reply(text: "The weather.")),
      Intent(
        id: "alarm", examples: ["wake me up at seven", "set an alarm", "remind me at noon"],
        answer: Reply(text: "An alarm.")),
      Intent(
        id: "music", examples: ["play some jazz", "put on a song", "turn the music up"],
        answer: Reply(text: "Music.")),
    ])
    let knowledge = KnowledgeBase(document: try KnowledgeTestSupport.build("Help\n\nAsk away.\n"))
    let many = EngineResources(pack: pack, knowledge: knowledge)
    XCTAssertTrue(many.subjects.anchors.isEmpty)
    XCTAssertFalse(SubjectStage.applies(to: many))
    let analysis = many.analyzer.analyze("define antebellum")
    XCTAssertNotNil(
      many.subjects.foreignSubject(of: analysis, analyzer: many.analyzer), "the word is foreign")
    var context = ConversationContext()
    let answer = Engine(resources: many).respond(to: "define antebellum", context: &context)
    XCTAssertEqual(answer.intent, "definition", "\(answer)")
    // The default pack has one ("ketamine"), and a knowledge-only pack's subject is its document.
    XCTAssertTrue(SubjectStage.applies(to: resources))
    XCTAssertTrue(
      SubjectStage.applies(to: EngineResources(pack: IntentPack(intents: []), knowledge: knowledge)))
  }

  func testTheClassifierAnswersWhenConfidentAndPassesBelowTheThreshold() throws {
    let answer = try XCTUnwrap(
      ClassifierStage().respond(to: turn("Is ketamine addictive?"), resources: resources))
    XCTAssertEqual(answer.answer.intent, "addiction_risk")
    XCTAssertGreaterThanOrEqual(answer.answer.confidence, resources.configuration.threshold)
    XCTAssertNil(ClassifierStage().respond(to: turn("zzz qqq xyzzy"), resources: resources))
  }

  func testAKnowledgeOnlyAnswerReportsTheCalibratedProbabilityNotItsRawScore() throws {
    // Every word of the question is in the "Watering" section: the raw coverage is 1.0, which
    // said "certain" for answers right three times in four on the documents' tune questions.
    let knowledge = KnowledgeBase(
      document: try KnowledgeTestSupport.build(
        "Garden\n\nWatering\n\nWater the roses deeply twice a week.\n\nPruning\n\nPrune the roses in March.\n"
      ))
    var configuration = EngineConfiguration()
    configuration.mode = .fast
    let resources = EngineResources(
      pack: IntentPack(intents: []), knowledge: knowledge, configuration: configuration)
    let analysis = resources.analyzer.analyze("water the roses twice a week")
    let reading = Reading(analysis: analysis, prediction: resources.classifier.predict(analysis))
    let turn = Turn(
      question: "water the roses twice a week", truncated: false, crisis: nil, reading: reading,
      contextualReading: nil, leansBack: false, triggers: [], context: ConversationContext())
    let result = try XCTUnwrap(RetrievalStage().respond(to: turn, resources: resources))
    XCTAssertEqual(result.answer.kind, .knowledge)
    XCTAssertEqual(result.answer.sources.first?.section, "Watering")
    XCTAssertEqual(
      result.answer.confidence, configuration.sectionFastWordsCalibration.probability(1.0), accuracy: 1e-9)
    XCTAssertLessThan(result.answer.confidence, 0.9)
    // Each basis's map is a probability that never falls as its raw score rises.
    for map in [
      configuration.sectionWordsCalibration, configuration.sectionMeaningCalibration,
      configuration.sectionFastWordsCalibration, configuration.sectionVectorCalibration,
    ] {
      let probabilities = stride(from: 0.0, through: 2.0, by: 0.05).map(map.probability)
      XCTAssertTrue(zip(probabilities, probabilities.dropFirst()).allSatisfy { $0 <= $1 })
      XCTAssertTrue(probabilities.allSatisfy { (0...1).contains($0) })
    }
  }

  func testRetrievalQuotesAPassageWithItsSourceOrPasses() {
    // A sentence of the document itself is covered by its own passage.
    let sentence = resources.knowledge.sentences.first { $0.text.split(separator: " ").count >= 8 }
    if let sentence, let result = RetrievalStage().respond(to: turn(sentence.text), resources: resources) {
      XCTAssertEqual(result.answer.kind, .knowledge)
      XCTAssertFalse(result.answer.sources.isEmpty)
      XCTAssertLessThanOrEqual(result.answer.confidence, 1)
    } else {
      XCTFail("no passage answered a sentence of the document: \(sentence?.text ?? "none")")
    }
    XCTAssertNil(RetrievalStage().respond(to: turn("zzz qqq xyzzy"), resources: resources))
  }

  func testTheFallbackAlwaysAnswersHonestly() throws {
    let answer = try XCTUnwrap(FallbackStage().respond(to: turn("zzz qqq xyzzy"), resources: resources))
    XCTAssertEqual(answer.answer.kind, .fallback)
    XCTAssertNil(answer.answer.intent)
    XCTAssertTrue(answer.answer.text.contains("does not cover"), answer.answer.text)
    let empty = try XCTUnwrap(FallbackStage().respond(to: turn(""), resources: resources))
    XCTAssertFalse(empty.answer.text.isEmpty)
  }
}
