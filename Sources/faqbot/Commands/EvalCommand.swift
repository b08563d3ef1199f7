import ArgumentParser
import FAQBot
import Foundation

struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score the pack on an evaluation set.",
    discussion: """
      FILE holds one JSON object per line: {"question": "...", "intent": "<id>"}, or "intent": null \
      for a question the bot should not answer. Prints accuracy, out-of-scope precision and recall at \
      the current threshold, the best threshold for this data, and the most confused pairs.
      """
  )

  @OptionGroup var pack: PackOptions

  @Argument(help: "The evaluation set (JSON Lines).", completion: .file(extensions: ["jsonl"]))
  var file: String

  @Flag(inversion: .prefixedNo, help: "Search for the best threshold (runs the set once per threshold).")
  var sweep = true

  @Flag(help: "List every question answered wrongly.")
  var showMistakes = false

  func run() throws {
    let items = try Self.readItems(file)
    let engine = try pack.makeEngine()
    // A misspelt intent id would count as a mistake forever: refuse the set instead.
    let unknown = Set(items.compactMap(\.intent)).filter { engine.resources.pack.intent($0) == nil }
    guard unknown.isEmpty else {
      throw CLIError("\(file): unknown intent ids: \(unknown.sorted().joined(separator: ", "))")
    }
    let evaluation = Evaluation(items: items)
    let report = evaluation.run(engine)
    let outOfScope = items.filter { $0.intent == nil }.count
    print("evaluation set: \(file) (\(items.count) questions, \(outOfScope) out of scope)")
    print("threshold \(format(report.threshold)):")
    print("  accuracy                 \(percent(report.accuracy))  (\(report.correct)/\(report.total))")
    print("  out-of-scope precision   \(percent(report.outOfScopePrecision))")
    print("  out-of-scope recall      \(percent(report.outOfScopeRecall))")
    let thresholds = stride(from: 0.05, through: 0.951, by: 0.05).map { ($0 * 100).rounded() / 100 }
    if self.sweep, let sweep = evaluation.sweep(engine, thresholds: thresholds) {
      print(
        "best threshold for this data: \(format(sweep.best)) (accuracy \(percent(sweep.bestAccuracy)); "
          + "equally good from \(format(sweep.tied.first ?? sweep.best)) to \(format(sweep.tied.last ?? sweep.best)))"
      )
    }
    if !report.confusions.isEmpty {
      print("most confused (expected → got):")
      for pair in report.confusions.prefix(10) {
        print("  \(pair.count)× \(pair.expected) → \(pair.got)")
      }
    }
    if showMistakes {
      print("mistakes:")
      for mistake in report.mistakes { print("  [\(mistake.expected) → \(mistake.got)] \(mistake.question)") }
    }
  }

  static func readItems(_ path: String) throws -> [Evaluation.Item] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CLIError("\(path): cannot read the evaluation set")
    }
    var items: [Evaluation.Item] = []
    for (number, line) in String(decoding: data, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .enumerated() {
      if line.allSatisfy(\.isWhitespace) { continue }
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let question = object["question"] as? String
      else {
        throw CLIError(
          "\(path):\(number + 1): expected {\"question\": \"...\", \"intent\": \"<id>\" or null}")
      }
      let intent = object["intent"] as? String
      if intent == nil, !(object["intent"] is NSNull) {
        throw CLIError("\(path):\(number + 1): \"intent\" must be an intent id or null")
      }
      items.append(Evaluation.Item(question: question, intent: intent))
    }
    return items
  }

  /// A share as a percentage, right-aligned in six columns so that the figures line up.
  private func percent(_ value: Double) -> String {
    let text = Percent(value).description
    return String(repeating: " ", count: max(0, 6 - text.count)) + text
  }
  private func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
