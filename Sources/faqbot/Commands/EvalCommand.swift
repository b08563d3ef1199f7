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

  /// Below this many questions the best threshold is printed with a warning: on a starter
  /// set of 7, every threshold from 0.05 to 0.95 ties.
  static let fewQuestions = 30

  @Flag(help: "List every question answered wrongly.")
  var showMistakes = false

  func run() throws {
    let lines = try Self.readItems(file)
    let items = lines.map(\.item)
    let engine = try pack.makeEngine()
    // A misspelt intent id would count as a mistake forever: refuse the set instead.
    let ids = engine.resources.pack.intents.map(\.id)
    let unknown = lines.filter { $0.item.intent.map { engine.resources.pack.intent($0) == nil } ?? false }
    guard unknown.isEmpty else {
      let located = unknown.map { line in
        let id = line.item.intent ?? ""
        return "\(file):\(line.number): unknown intent id '\(id)'\(EditDistance.didYouMean(id, among: ids))"
      }
      throw CLIError(
        "the evaluation set names \(Plural.count(unknown.count, "unknown intent id")):\n"
          + located.joined(separator: "\n"))
    }
    let evaluation = Evaluation(items: items)
    let report = evaluation.run(engine)
    let outOfScope = items.filter { $0.intent == nil }.count
    print("evaluation set: \(file) (\(Plural.count(items.count, "question")), \(outOfScope) out of scope)")
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
      // A threshold chosen on a handful of questions is chance: say so beside it.
      if items.count < Self.fewQuestions {
        print(
          "  (only \(Plural.count(items.count, "question")): too few to choose a threshold by; "
            + "write \(Self.fewQuestions) or more, out-of-scope ones among them)")
      }
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

  /// The items of the set with their line numbers. Every bad line is reported, each with its
  /// line, and a set without a single question is refused: scoring it would print a
  /// meaningless "accuracy 0.0% (0/0)".
  static func readItems(_ path: String) throws -> [(number: Int, item: Evaluation.Item)] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CLIError("\(path): cannot read the evaluation set")
    }
    var items: [(number: Int, item: Evaluation.Item)] = []
    var errors: [String] = []
    // Lines are split on the byte: as Characters, "\r\n" is one grapheme and no "\n", so a
    // file with Windows line endings read as a single line.
    for (index, bytes) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
      let line = String(decoding: bytes.last == 0x0D ? bytes.dropLast() : bytes[...], as: UTF8.self)
      if line.allSatisfy(\.isWhitespace) { continue }
      let number = index + 1
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let question = object["question"] as? String
      else {
        errors.append("\(path):\(number): expected {\"question\": \"...\", \"intent\": \"<id>\" or null}")
        continue
      }
      let intent = object["intent"] as? String
      if intent == nil, !(object["intent"] is NSNull) {
        errors.append("\(path):\(number): \"intent\" must be an intent id or null")
        continue
      }
      items.append((number, Evaluation.Item(question: question, intent: intent)))
    }
    if !errors.isEmpty {
      throw CLIError(
        "the evaluation set has \(Plural.count(errors.count, "bad line")):\n" + errors.joined(separator: "\n")
      )
    }
    if items.isEmpty {
      throw CLIError(
        "\(path): the evaluation set has no questions (write one JSON object a line: "
          + "{\"question\": \"...\", \"intent\": \"<id>\" or null})")
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
