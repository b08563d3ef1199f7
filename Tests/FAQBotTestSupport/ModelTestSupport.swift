import FAQBot
import Foundation
import XCTest

/// Packs, classifiers and directories for the trained-model tests.
package enum ModelTestSupport {
  package static func pack(extra: String? = nil) -> IntentPack {
    var intents = [
      Intent(
        id: "balance",
        examples: ["what is my balance", "how much money do I have", "show my account balance"],
        answer: Reply(text: "Your balance.")),
      Intent(
        id: "translate",
        examples: ["how do I say hello in French", "translate thanks to German", "say yes in Spanish"],
        answer: Reply(text: "A translation.")),
      Intent(
        id: "weather", examples: ["will it rain today", "what is the weather like", "is it sunny outside"],
        answer: Reply(text: "The weather.")),
    ]
    if let extra { intents.append(Intent(id: "extra", examples: [extra], answer: Reply(text: "Extra."))) }
    return IntentPack(intents: intents)
  }

  package static func analyzer(for pack: IntentPack) -> TextAnalyzer {
    TextAnalyzer(vocabulary: pack.intents.flatMap(\.examples), synonyms: pack.synonyms)
  }

  package static func classifier(for pack: IntentPack) -> IntentClassifier {
    IntentClassifier(pack: pack, analyzer: analyzer(for: pack))
  }

  /// A classifier of `features` × `classes` made-up weights: big enough (megabytes) that a
  /// torn write would be seen, built in milliseconds even in a debug build.
  package static func largeClassifier(features: Int = 2_000, classes: Int = 150, seed: UInt64)
    -> IntentClassifier
  {
    let wordCount = features / 4
    let keys = (0..<features).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 &+ seed }
    func value(_ index: Int) -> Float { Float((UInt64(index) &* 2_654_435_761 &+ seed) % 2_001) / 1_000 - 1 }
    let space = FeatureSpace(
      wordKeys: Array(keys[..<wordCount]), characterKeys: Array(keys[wordCount...]),
      idf: (0..<features).map { 1 + value($0) * value($0) }, characterWeight: 0.8)
    let model = SoftmaxRegression(
      classCount: classes, featureCount: features, weights: (0..<features * classes).map(value),
      bias: (0..<classes).map(value))
    return IntentClassifier(
      intentIds: (0..<classes).map { "intent_\($0)" }, space: space, model: model,
      knownStems: ["balanc", "weather", "seed\(seed)"])
  }

  /// A fresh directory under the temporary directory, removed when the test ends.
  package static func temporaryDirectory(_ test: XCTestCase) throws -> String {
    let path = NSTemporaryDirectory() + "faqbot-model-tests-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
  }
}
