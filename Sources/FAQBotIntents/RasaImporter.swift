import FAQBotCore
import Foundation
import Yams

/// Reads a Rasa 3 project's training data for `faqbot import`: the intents and examples of
/// `nlu.yml` and the answers of `domain.yml`'s responses, so a team moving from Rasa keeps
/// its examples and its answers.
///
/// - `nlu.yml`: `nlu:` items `- intent: NAME` with `examples: |` holding one `- example` a
///   line. Entity annotations keep their text: `[Paris](city)`, `[Paris]{"entity": "city"}`
///   and `[Paris]{"entity": "city", "value": "paris"}` all read "Paris". `synonym:`, `regex:`
///   and `lookup:` items have no counterpart in faqbot and are counted, not imported.
/// - `domain.yml`: `responses:` maps `utter_NAME` to a list of variations; the first `text` of
///   `utter_NAME` becomes intent NAME's answer (Rasa's convention for FAQ bots).
///
/// Every mistake is reported with its file and line, not only the first.
public struct RasaImporter: Sendable {
  /// What `nlu.yml` holds besides intents, by kind: skipped, and said so.
  public struct Skipped: Sendable, Equatable {
    /// How many items of each kind (`synonym`, `regex`, `lookup`) were skipped.
    public var counts: [String: Int] = [:]
  }

  /// An importer; it keeps no state between calls.
  public init() {}

  static let nluItemKinds: Set<String> = ["synonym", "regex", "lookup"]

  /// The labelled examples of an `nlu.yml`, in file order, and the items skipped.
  public func examples(nlu text: String, fileName: String) throws(IntentPackError) -> (
    examples: [ExampleImporter.Example], skipped: Skipped
  ) {
    var errors: [IntentFileError] = []
    func fail(_ node: Node?, _ message: String) {
      errors.append(
        .init(.init(file: fileName, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1), message))
    }
    let root = try compose(text, fileName: fileName)
    guard let mapping = root?.mapping else {
      throw IntentPackError([
        .init(.init(file: fileName, line: 1), "expected a Rasa NLU file with 'nlu:' at the top level")
      ])
    }
    guard let items = mapping["nlu"] else {
      throw IntentPackError([
        .init(.init(file: fileName, line: 1), "no 'nlu:' key: this is not a Rasa NLU training data file")
      ])
    }
    guard let list = items.sequence else {
      throw IntentPackError([
        .init(.init(file: fileName, line: items.mark?.line ?? 1), "'nlu' must be a list of '- intent:' items")
      ])
    }
    var examples: [ExampleImporter.Example] = []
    var skipped = Skipped()
    for item in list {
      guard let fields = item.mapping else {
        fail(item, "each 'nlu' item must be a mapping such as '- intent: greet' with 'examples: |'")
        continue
      }
      if let kind = fields.keys.compactMap(\.string).first(where: Self.nluItemKinds.contains) {
        skipped.counts[kind, default: 0] += 1
        continue
      }
      guard let intentNode = fields["intent"], let intent = intentNode.string, !intent.isEmpty else {
        let hint =
          fields.keys.compactMap(\.string).lazy.compactMap {
            EditDistance.suggestion(for: $0, among: ["intent", "examples"]) == "intent" ? $0 : nil
          }.first.map { " ('\($0)': did you mean 'intent'?)" } ?? ""
        fail(item, "an 'nlu' item without 'intent:' (or 'synonym:', 'regex:', 'lookup:')\(hint)")
        continue
      }
      for key in fields.keys {
        let name = key.string ?? "?"
        let known = ["intent", "examples", "metadata"]
        if !known.contains(name) {
          fail(
            key,
            "unknown key '\(name)' in intent '\(intent)' (known keys: intent, examples, metadata)"
              + EditDistance.didYouMean(name, among: known))
        }
      }
      guard let examplesNode = fields["examples"] else {
        fail(item, "intent '\(intent)' has no 'examples'")
        continue
      }
      guard let block = examplesNode.scalar?.string else {
        fail(
          examplesNode, "'examples' of intent '\(intent)' must be a block of '- example' lines (examples: |)")
        continue
      }
      // A literal block's content starts on the line after its `|`.
      let firstLine = (examplesNode.mark?.line ?? 1) + (examplesNode.scalar?.style == .literal ? 1 : 0)
      var count = 0
      for (offset, rawLine) in block.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = rawLine.trimmingCharacters(in: .whitespaces)
        if line.isEmpty { continue }
        let location = SourceLocation(file: fileName, line: firstLine + offset)
        guard line.hasPrefix("- ") || line == "-" else {
          errors.append(.init(location, "expected an example line starting with '- ' in intent '\(intent)'"))
          continue
        }
        let question = Self.plainText(String(line.dropFirst(1)).trimmingCharacters(in: .whitespaces))
        guard !question.isEmpty else {
          errors.append(.init(location, "empty example in intent '\(intent)'"))
          continue
        }
        examples.append(.init(question: question, intent: intent))
        count += 1
      }
      if count == 0 { fail(examplesNode, "intent '\(intent)' has no examples") }
    }
    if !errors.isEmpty {
      throw IntentPackError(IntentPackLoader.inFileOrder(errors, files: [fileName]))
    }
    return (examples, skipped)
  }

  /// The answers of a `domain.yml`: intent name → the first text of its `utter_` response.
  public func answers(domain text: String, fileName: String) throws(IntentPackError) -> [String: String] {
    var errors: [IntentFileError] = []
    let root = try compose(text, fileName: fileName)
    guard let responses = root?.mapping?["responses"] else { return [:] }
    guard let mapping = responses.mapping else {
      throw IntentPackError([
        .init(
          .init(file: fileName, line: responses.mark?.line ?? 1), "'responses' must map utter_ names to lists"
        )
      ])
    }
    var answers: [String: String] = [:]
    for (key, value) in mapping {
      guard let name = key.string, name.hasPrefix("utter_") else { continue }
      let location = SourceLocation(
        file: fileName, line: value.mark?.line ?? 1, column: value.mark?.column ?? 1)
      guard let variations = value.sequence else {
        errors.append(.init(location, "response '\(name)' must be a list of variations ('- text: ...')"))
        continue
      }
      let texts = variations.compactMap { $0.mapping?["text"]?.string }.filter { !$0.isEmpty }
      guard let first = texts.first else {
        // Buttons, images or custom payloads only: nothing faqbot can show; the intent keeps a placeholder.
        continue
      }
      answers[String(name.dropFirst("utter_".count))] = first
    }
    if !errors.isEmpty { throw IntentPackError(errors) }
    return answers
  }

  private func compose(_ text: String, fileName: String) throws(IntentPackError) -> Node? {
    do {
      return try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      throw IntentPackError([YAMLSyntax.error(error, file: fileName, text: text)])
    } catch {
      throw IntentPackError([.init(.init(file: fileName, line: 1), "\(error)")])
    }
  }

  /// An example with Rasa's entity annotations replaced by their text: "fly to [Paris](city)"
  /// → "fly to Paris".
  package static func plainText(_ example: String) -> String {
    var result = ""
    var rest = example[...]
    while let open = rest.firstIndex(of: "[") {
      let afterOpen = rest.index(after: open)
      guard let close = rest[afterOpen...].firstIndex(of: "]") else { break }
      result += rest[..<open]
      let next = rest.index(after: close)
      let annotation: Character? = next < rest.endIndex ? rest[next] : nil
      let closer: Character? = annotation == "(" ? ")" : annotation == "{" ? "}" : nil
      guard let closer, let end = rest[next...].firstIndex(of: closer) else {
        result += rest[open...close]
        rest = rest[next...]
        continue
      }
      result += rest[afterOpen..<close]
      rest = rest[rest.index(after: end)...]
    }
    result += rest
    return result
  }
}
