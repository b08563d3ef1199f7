import FAQBot
import Foundation
import XCTest

/// The engine on the embedded default pack, trained once for all tests that need it.
package enum DefaultEngine {
  package static let shared: Engine = {
    do { return try make() } catch { fatalError("the embedded default pack does not load: \(error)") }
  }()

  /// A freshly loaded and trained engine on the default pack.
  package static func make() throws -> Engine {
    let knowledge = KnowledgeBase(document: try PackLoader().loadKnowledge())
    return Engine(pack: try PackLoader().loadIntents(knowledge: knowledge), knowledge: knowledge)
  }

  /// The fixture directory, found from this file so tests run from any working directory.
  package static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// Reads an evaluation set: one `{"question": ..., "intent": id or null}` per line.
  package static func evaluationItems(_ name: String) throws -> [Evaluation.Item] {
    let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    return try text.split(separator: "\n").map { line in
      let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      return Evaluation.Item(
        question: try XCTUnwrap(object["question"] as? String), intent: object["intent"] as? String)
    }
  }
}
