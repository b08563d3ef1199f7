import FAQBot
import Foundation

/// Figures only the library API can give, for `Benchmarks/run`:
///
///     faqbot-bench INTENTS_DIR MODEL QUESTIONS_FILE
///
/// trains the pack (timed), loads MODEL (timed), then answers every line of QUESTIONS_FILE
/// with `Engine.respond(to:)` (timed), on one thread and then on every core, times the crisis
/// detector alone on the same lines, and prints the figures as one JSON object.
let arguments = CommandLine.arguments
guard arguments.count == 4 else {
  FileHandle.standardError.write(Data("usage: faqbot-bench INTENTS_DIR MODEL QUESTIONS_FILE\n".utf8))
  exit(2)
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

do {
  let clock = ContinuousClock()
  let loader = PackLoader(intentsDirectory: arguments[1])
  let knowledge = KnowledgeBase(document: try loader.loadKnowledge())
  let pack = try loader.loadIntents(knowledge: knowledge)
  var trained: Engine?
  let training = clock.measure { trained = Engine(pack: pack, knowledge: knowledge) }
  let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: arguments[2])))
  var loaded: Engine?
  let loading = try clock.measure {
    let model = try TrainedModel.decode(bytes, packHash: loader.contentHash())
    loaded = Engine(pack: pack, knowledge: knowledge, classifier: model.classifier)
  }
  guard let engine = loaded, trained != nil else { exit(1) }
  let questions = try String(contentsOfFile: arguments[3], encoding: .utf8)
    .split(separator: "\n").map(String.init)
  var answered = 0
  let answering = clock.measure {
    for question in questions where engine.respond(to: question).confidence >= 0 { answered += 1 }
  }
  // The same questions on every core: the engine is a value that threads share, as the JSON
  // front shares it. Contiguous slices, one per core.
  let cores = ProcessInfo.processInfo.activeProcessorCount
  let answeringEverywhere = clock.measure {
    DispatchQueue.concurrentPerform(iterations: cores) { slice in
      let range = (questions.count * slice / cores)..<(questions.count * (slice + 1) / cores)
      for index in range where engine.respond(to: questions[index]).confidence < 0 { exit(1) }
    }
  }
  // The crisis detector alone, on one thread: the part of every answer that no pack changes.
  let detector = CrisisDetector()
  var flagged = 0
  let detecting = clock.measure {
    for question in questions where detector.detect(question) != nil { flagged += 1 }
  }
  let figures: [String: Double] = [
    "crisis_detector_microseconds_per_question": seconds(detecting) * 1e6 / Double(max(1, questions.count)),
    "crisis_detector_flagged": Double(flagged),
    "cores": Double(cores),
    "questions_per_second_all_cores": Double(questions.count) / seconds(answeringEverywhere),
    "train_seconds": seconds(training),
    "model_load_seconds": seconds(loading),
    "model_bytes": Double(bytes.count),
    "questions": Double(answered),
    "answer_seconds": seconds(answering),
    "questions_per_second": Double(answered) / seconds(answering),
  ]
  let json = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
  print(String(decoding: json, as: UTF8.self))
} catch {
  FileHandle.standardError.write(Data("faqbot-bench: \(error)\n".utf8))
  exit(1)
}
