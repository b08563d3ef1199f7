import FAQBot
import FuzzerDriver

/// The engine on the embedded default pack, trained once per fuzzing process (a `static let`
/// is initialised lazily and exactly once).
enum DefaultEngine {
  static let shared: Engine = {
    do {
      let knowledge = KnowledgeBase(document: try PackLoader().loadKnowledge())
      let pack = try PackLoader().loadIntents(knowledge: knowledge)
      return Engine(pack: pack, knowledge: knowledge)
    } catch {
      fatalError("the embedded default pack does not load: \(error)")
    }
  }()
}

/// libFuzzer entry point: arbitrary bytes as a question, through the whole answer path.
///
/// Asks twice in one conversation (so the follow-up stage sees a previous turn), then checks
/// the answer's invariants: confidence in 0...1, candidates sorted best first, and an
/// explanation available for the last turn.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswerPath(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let question = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let engine = DefaultEngine.shared
  var context = ConversationContext()
  for text in [question, "tell me more"] {
    let answer = engine.respond(to: text, context: &context)
    guard (0...1).contains(answer.confidence) else {
      fatalError("confidence \(answer.confidence) out of 0...1")
    }
    let confidences = answer.candidates.map(\.confidence)
    guard zip(confidences, confidences.dropFirst()).allSatisfy({ $0 >= $1 }) else {
      fatalError("candidates not sorted: \(confidences)")
    }
  }
  guard engine.explanation(of: context) != nil else {
    fatalError("no explanation after an answered turn")
  }
  return 0
}

/// The executable's entry point under SwiftPM's name for it (see `FuzzerDriver.h`): hands the
/// command line to libFuzzer.
@_cdecl("FuzzAnswerPath_main")
public func runFuzzer(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var argc = argc
  var argv = argv
  return LLVMFuzzerRunDriver(&argc, &argv, fuzzAnswerPath)
}
