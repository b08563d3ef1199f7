import FAQBotCore
import FAQBotJSON
import Yams

/// Turns a list of labelled questions (`[question, intent]` pairs) into an intent file, so
/// people who already have such a list (CLINC150, an export of a chat log, a spreadsheet) get
/// a pack without writing YAML by hand.
///
/// Two inputs are understood, told apart by their first byte:
/// - JSON: a list of `[question, intent]` pairs, or an object of such lists (CLINC150's
///   `data_full.json` holds `train`, `val`, `test`, …), one of which `split` picks;
/// - CSV (RFC 4180): two columns, question then intent, quoted fields allowed, with an
///   optional header row such as `question,intent`.
///
/// Every intent gets a placeholder answer ("Answer for translate.") that the author replaces;
/// the file says so in a comment. Bad rows are all reported, each with its line, rather than
/// the first one only: a 15,000-row file is fixed in one pass.
public struct ExampleImporter: Sendable {
  /// One labelled question.
  public struct Example: Sendable, Equatable {
    /// The question as written in the input.
    public var question: String
    /// The label as written in the input; the file may use another id for it
    /// (``Result/renamedIntents``).
    public var intent: String

    /// A labelled question as given; nothing is checked until
    /// ``intentFile(for:source:answers:)``.
    public init(question: String, intent: String) {
      self.question = question
      self.intent = intent
    }
  }

  /// The intent file made from an input, and what went into it.
  public struct Result: Sendable, Equatable {
    /// The YAML text of the intent file.
    public var text: String
    /// How many intents the file defines.
    public var intentCount: Int
    /// How many examples the file holds, duplicates not counted.
    public var exampleCount: Int
    /// Identical questions of the same intent, kept once.
    public var duplicateCount: Int
    /// Labels that are not valid intent ids, with the id each became.
    public var renamedIntents: [(label: String, id: String)]

    /// Written out because tuples are not `Equatable`: ``renamedIntents`` is compared pair by
    /// pair.
    public static func == (lhs: Result, rhs: Result) -> Bool {
      lhs.text == rhs.text && lhs.intentCount == rhs.intentCount && lhs.exampleCount == rhs.exampleCount
        && lhs.duplicateCount == rhs.duplicateCount
        && lhs.renamedIntents.elementsEqual(rhs.renamedIntents) { $0.label == $1.label && $0.id == $1.id }
    }
  }

  /// For a JSON object of lists: the member to import (CLINC150: `train`).
  public var split: String?
  /// At most this many row errors are listed; the count of the rest is given.
  public var maximumErrors = 20

  /// An importer reading `split` of a JSON object (nil for a plain list or CSV).
  public init(split: String? = nil) {
    self.split = split
  }

  /// Reads `bytes` (named `fileName` in messages) and writes the intent file.
  public func importFile(_ bytes: [UInt8], fileName: String) throws(IntentPackError) -> Result {
    let examples = try self.examples(from: bytes, fileName: fileName)
    return try intentFile(for: examples, source: fileName)
  }

  /// The labelled questions of `bytes`, in file order.
  public func examples(from bytes: [UInt8], fileName: String) throws(IntentPackError) -> [Example] {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    guard let text = String(validating: body, as: UTF8.self) else {
      throw IntentPackError([.init(.init(file: fileName, line: 1), "the file is not valid UTF-8")])
    }
    let first = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    let rows: [Row]
    if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
      rows = try jsonRows(Array(body), fileName: fileName)
    } else {
      rows = CSVRecords(text: text).records().map { Row(line: $0.line, content: .csv($0.fields)) }
    }
    var examples: [Example] = []
    var errors: [IntentFileError] = []
    var skippedHeader = false
    for row in rows {
      let location = SourceLocation(file: fileName, line: row.line)
      if case .csv(let fields) = row.content, !skippedHeader, examples.isEmpty, errors.isEmpty,
        Self.isHeader(fields)
      {
        skippedHeader = true
        continue
      }
      switch row.content {
      case .csv(let fields) where fields.count != 2:
        // The last record of a file whose quotes from its line on are odd in number opened a
        // quote it never closed: it swallowed every line below, whatever its count says.
        let unclosed =
          row.line == rows.last?.line && Self.quotesFrom(line: row.line, in: body).isMultiple(of: 2) == false
          ? ": a double quote opened on this line is never closed, so the field runs on to the end of the file"
          : ""
        errors.append(
          .init(location, "expected 2 columns (question,intent), found \(fields.count)\(unclosed)"))
      case .csv(let fields):
        append(question: fields[0], intent: fields[1], at: location, to: &examples, errors: &errors)
      case .json(let entry, let index):
        guard case .array(let pair) = entry, pair.count == 2, case .string(let question) = pair[0],
          case .string(let intent) = pair[1]
        else {
          errors.append(.init(location, "entry \(index + 1): expected [\"question\", \"intent\"]"))
          continue
        }
        append(question: question, intent: intent, at: location, to: &examples, errors: &errors)
      }
    }
    if examples.isEmpty, errors.isEmpty {
      errors.append(.init(.init(file: fileName, line: 1), "no [question, intent] pairs in the file"))
    }
    guard errors.isEmpty else { throw IntentPackError(limited(errors, fileName: fileName)) }
    return examples
  }

  /// The intent file (YAML) for `examples`: intents in order of first appearance, exact
  /// duplicate questions of an intent kept once.
  /// `answers` (label → text, e.g. a Rasa domain's responses) replace the placeholders.
  public func intentFile(for examples: [Example], source: String, answers: [String: String] = [:])
    throws(IntentPackError) -> Result
  {
    var order: [String] = []
    var questions: [String: [String]] = [:]
    var seen: [String: Set<String>] = [:]
    var duplicates = 0
    for example in examples {
      if questions[example.intent] == nil {
        order.append(example.intent)
        questions[example.intent] = []
      }
      if seen[example.intent, default: []].insert(example.question).inserted {
        questions[example.intent, default: []].append(example.question)
      } else {
        duplicates += 1
      }
    }
    let (ids, renamed) = try Self.intentIds(for: order, source: source)
    var intents: [Node] = []
    for (label, id) in zip(order, ids) {
      // "null" and "~" as questions are written quoted: plain, they are YAML nulls, which
      // the loader refuses as empty entries.
      let exampleNodes = (questions[label] ?? []).map { question in
        YAMLText.readsAsNull(question) ? Node(question, .implicit, .doubleQuoted) : Node(question)
      }
      intents.append(
        Node.mapping(
          Node.Mapping([
            (Node("id"), Node(id)),
            (Node("examples"), Node.sequence(Node.Sequence(exampleNodes))),
            (Node("answer"), Node(answers[label] ?? Self.placeholderAnswer(for: id))),
          ])))
    }
    let root = Node.mapping(Node.Mapping([(Node("intents"), Node.sequence(Node.Sequence(intents)))]))
    let body: String
    do {
      body = try Yams.serialize(node: root, indent: 2, width: -1, allowUnicode: true)
    } catch {
      throw IntentPackError([.init(.init(file: source, line: 0), "cannot write the intent file: \(error)")])
    }
    let exampleCount = order.reduce(0) { $0 + (questions[$1]?.count ?? 0) }
    let answered = order.filter { answers[$0] != nil }.count
    let which =
      answered == 0
      ? "Every answer is a placeholder"
      : answered == order.count
        ? ""
        : "\(Plural.count(order.count - answered, "answer")) \(order.count - answered == 1 ? "is a placeholder" : "are placeholders")"
    let header =
      "# Imported by `faqbot import` from \(Self.fileName(source))\(split.map { " (\"\($0)\")" } ?? ""): "
      + "\(Plural.count(order.count, "intent")), \(Plural.count(exampleCount, "example")).\n"
      + (which.isEmpty
        ? "# The answers come from the responses; check them, or cite the document with `knowledge:` ids.\n\n"
        : "# \(which) (\"\(Self.placeholderAnswer(for: "<intent>"))\"): replace each with the\n"
          + "# real answer (text, or `knowledge:` ids of the document) before people use this pack.\n\n")
    return Result(
      text: header + body, intentCount: order.count, exampleCount: exampleCount, duplicateCount: duplicates,
      renamedIntents: renamed)
  }

  /// The answer an imported intent starts with.
  public static func placeholderAnswer(for id: String) -> String { "Answer for \(id)." }

  // MARK: - Rows

  private struct Row {
    enum Content {
      case csv([String])
      case json(JSONValue, index: Int)
    }
    var line: Int
    var content: Content
  }

  private func append(
    question: String, intent: String, at location: SourceLocation, to examples: inout [Example],
    errors: inout [IntentFileError]
  ) {
    let question = question.trimmingWhitespace()
    let intent = intent.trimmingWhitespace()
    if question.isEmpty {
      errors.append(.init(location, "empty question"))
    } else if intent.isEmpty {
      errors.append(.init(location, "empty intent for \"\(question.prefix(60))\""))
    } else {
      examples.append(Example(question: question, intent: intent))
    }
  }

  private func limited(_ errors: [IntentFileError], fileName: String) -> [IntentFileError] {
    guard errors.count > maximumErrors else { return errors }
    let rest = IntentFileError(
      errors[maximumErrors].location, "… and \(errors.count - maximumErrors) more bad rows")
    return Array(errors.prefix(maximumErrors)) + [rest]
  }

  /// How many double quotes `bytes` holds from the start of 1-based `line` to the end.
  static func quotesFrom(line: Int, in bytes: ArraySlice<UInt8>) -> Int {
    var current = 1
    var count = 0
    for byte in bytes {
      if byte == 0x0A {
        current += 1
      } else if byte == UInt8(ascii: "\""), current >= line {
        count += 1
      }
    }
    return count
  }

  /// A first row that names its columns rather than giving an example.
  static func isHeader(_ fields: [String]) -> Bool {
    let questionNames: Set<String> = [
      "question", "questions", "text", "utterance", "example", "query", "sentence",
    ]
    let intentNames: Set<String> = ["intent", "intents", "label", "class", "category", "intent_id", "id"]
    guard fields.count == 2 else { return false }
    let names = fields.map { $0.trimmingWhitespace().lowercased() }
    return questionNames.contains(names[0]) && intentNames.contains(names[1])
  }

  private func jsonRows(_ bytes: [UInt8], fileName: String) throws(IntentPackError) -> [Row] {
    let value: JSONValue
    do {
      value = try JSONParser().parse(bytes)
    } catch {
      let (line, column) = error.location(in: bytes)
      throw IntentPackError([
        .init(.init(file: fileName, line: line, column: column), "invalid JSON: \(error.reason)")
      ])
    }
    let starts = JSONElementStarts(bytes)
    let entries: [JSONValue]
    let entryStarts: [Int]
    switch value {
    case .array(let list):
      entries = list
      entryStarts = starts.elements(ofContainerAt: starts.firstValue)
    case .object(let members):
      let names = members.map(\.0)
      guard let split else {
        throw IntentPackError([
          .init(
            .init(file: fileName, line: 1),
            "the file holds several lists (\(names.joined(separator: ", "))): choose one with --split")
        ])
      }
      guard let index = members.lastIndex(where: { $0.0 == split }), case .array(let list) = members[index].1
      else {
        throw IntentPackError([
          .init(
            .init(file: fileName, line: 1),
            "no list named '\(split)' in the file (it has: \(names.joined(separator: ", ")))")
        ])
      }
      entries = list
      let memberStarts = starts.elements(ofContainerAt: starts.firstValue)
      entryStarts = index < memberStarts.count ? starts.elements(ofContainerAt: memberStarts[index]) : []
    default:
      throw IntentPackError([
        .init(.init(file: fileName, line: 1), "expected a list of [question, intent] pairs")
      ])
    }
    // Entries start in increasing order, so one walk through the bytes numbers their lines.
    var line = 1
    var scanned = 0
    return entries.enumerated().map { index, entry in
      if index < entryStarts.count {
        while scanned < entryStarts[index] {
          if bytes[scanned] == 0x0A { line += 1 }
          scanned += 1
        }
      }
      return Row(line: line, content: .json(entry, index: index))
    }
  }

  // MARK: - Intent ids

  /// Valid labels are kept as they are; others become ids of letters, digits and `_`
  /// ("Order Status" → "Order_Status"). Two labels that would share an id are an error.
  static func intentIds(for labels: [String], source: String) throws(IntentPackError) -> (
    [String], [(label: String, id: String)]
  ) {
    var ids: [String] = []
    var renamed: [(label: String, id: String)] = []
    var owner: [String: String] = [:]
    var errors: [IntentFileError] = []
    for label in labels {
      let id = isValidId(label) ? label : slug(label)
      if id.isEmpty {
        errors.append(
          .init(.init(file: source, line: 0), "intent '\(label)' has no letter or digit to make an id from"))
        continue
      }
      if let other = owner[id] {
        errors.append(
          .init(.init(file: source, line: 0), "intents '\(other)' and '\(label)' would both get id '\(id)'"))
        continue
      }
      owner[id] = label
      ids.append(id)
      if id != label { renamed.append((label, id)) }
    }
    if !errors.isEmpty { throw IntentPackError(errors) }
    return (ids, renamed)
  }

  /// What ``IntentPackLoader`` accepts as an id.
  static func isValidId(_ label: String) -> Bool {
    !label.isEmpty && label.allSatisfy { $0.isLetter || $0.isNumber || "_-.".contains($0) }
  }

  static func slug(_ label: String) -> String {
    var id = ""
    var pendingSeparator = false
    for character in label {
      if character.isLetter || character.isNumber || "-.".contains(character) {
        if pendingSeparator, !id.isEmpty { id.append("_") }
        id.append(character)
        pendingSeparator = false
      } else {
        pendingSeparator = true
      }
    }
    return id
  }

  private static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}

extension String {
  fileprivate func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[start...end])
  }
}
