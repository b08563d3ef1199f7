import FAQBotCore
import FAQBotKnowledge
import Foundation
import Yams

/// Reads intent files (YAML) into an ``IntentPack``, reporting every mistake with its file,
/// line and column.
///
/// It walks Yams' node tree rather than decoding into `Codable` types, because the nodes keep
/// their positions: "unknown key 'exmaples'" is only useful with a line number.
public struct IntentPackLoader: Sendable {
  /// Nesting deeper than this is refused before libyaml sees it, so a hostile file cannot
  /// exhaust the stack; real intent files nest four levels.
  public static let maximumNesting = 64

  static let intentKeys: Set<String> = [
    "id", "kind", "priority", "examples", "answer", "follow_up", "suggest", "triggers",
  ]
  static let replyKeys: Set<String> = ["text", "knowledge", "section"]

  /// A loader; it keeps no state between calls.
  public init() {}

  /// Every `*.yaml` and `*.yml` file of `directory`, in name order. A directory without any
  /// is a knowledge-only pack: the bot answers from the document's passages alone.
  public static func files(inDirectory directory: String) throws(IntentPackError) -> [(
    name: String, text: String
  )] {
    let url = URL(fileURLWithPath: directory)
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
      let reason =
        !exists
        ? "no such directory"
        : !isDirectory.boolValue
          ? "it is a file, not a directory of intent files"
          : "\((error as NSError).localizedDescription)"
      throw IntentPackError([
        .init(.init(file: directory, line: 0), "cannot read the intents directory: \(reason)")
      ])
    }
    let yamlNames = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    var files: [(name: String, text: String)] = []
    var errors: [IntentFileError] = []
    for name in yamlNames {
      let path = url.appendingPathComponent(name).path
      guard let data = FileManager.default.contents(atPath: path) else {
        errors.append(.init(.init(file: path, line: 0), "cannot read the file"))
        continue
      }
      guard let text = String(validating: Array(data), as: UTF8.self) else {
        errors.append(.init(.init(file: path, line: 1), "the file is not valid UTF-8"))
        continue
      }
      files.append((path, text))
    }
    if !errors.isEmpty { throw IntentPackError(errors) }
    return files
  }

  /// Only the settings of `files` (their pack.yaml; empty settings without one): cheap, for a
  /// start that takes the parsed intents from a cached model.
  public func settings(files: [(name: String, text: String)]) throws(IntentPackError) -> PackSettings {
    var settings = PackSettings()
    for file in files where PackSettings.isSettingsFile(file.name) {
      var reader = PackSettingsReader(file: file.name)
      settings = reader.read(file.text)
      if !reader.errors.isEmpty { throw IntentPackError(reader.errors) }
    }
    return settings
  }

  /// Parses and validates `files`; with `knowledge`, every reference must exist in it.
  public func load(
    files: [(name: String, text: String)], knowledge: KnowledgeBase? = nil
  ) throws(IntentPackError) -> IntentPack {
    var intents: [Intent] = []
    var synonyms: [String: [String]] = [:]
    var advice: String?
    var settings = PackSettings()
    var errors: [IntentFileError] = []
    var references: [(id: String, location: SourceLocation)] = []
    var sectionReferences: [(id: String, location: SourceLocation)] = []
    var firstDefinition: [String: SourceLocation] = [:]
    for file in files {
      if PackSettings.isSettingsFile(file.name) {
        var reader = PackSettingsReader(file: file.name)
        settings = reader.read(file.text)
        errors += reader.errors
        continue
      }
      var reader = FileReader(file: file.name, errors: [])
      if let (fileIntents, fileSynonyms, fileAdvice) = reader.read(file.text) {
        advice = fileAdvice ?? advice
        for intent in fileIntents {
          if let earlier = firstDefinition[intent.id] {
            reader.errors.append(
              .init(intent.location, "duplicate intent id '\(intent.id)' (first defined at \(earlier))"))
          } else {
            firstDefinition[intent.id] = intent.location
            intents.append(intent)
          }
        }
        synonyms.merge(fileSynonyms) { $0 + $1 }
      }
      references += reader.references
      sectionReferences += reader.sectionReferences
      errors += reader.errors
    }
    // No intent file besides pack.yaml is a knowledge-only pack with settings of its own (its
    // name, emergency text, mode), as an empty directory is one without.
    var pack = IntentPack(intents: intents, synonyms: synonyms, advice: settings.advice ?? advice)
    pack.settings = settings
    if let knowledge {
      let ids = knowledge.passageIds
      for reference in references where !knowledge.contains(reference.id) {
        let hint =
          EditDistance.suggestion(for: reference.id, among: ids).map { " (did you mean '\($0)'?)" }
          ?? " (`faqbot knowledge show` lists the section ids)"
        errors.append(
          .init(
            reference.location, "knowledge id '\(reference.id)' does not exist in the knowledge file\(hint)"))
      }
      let sectionIds = knowledge.document.sections.map(\.id)
      for reference in sectionReferences
      where knowledge.contains(reference.id) && !sectionIds.contains(reference.id) {
        let section = reference.id.split(separator: ".").first.map(String.init) ?? reference.id
        errors.append(
          .init(
            reference.location,
            "'section: \(reference.id)' names a paragraph or sentence; 'section' takes a section id "
              + "('\(section)'), or cite the passage itself with 'knowledge'"))
      }
    }
    if !errors.isEmpty { throw IntentPackError(Self.inFileOrder(errors, files: files.map(\.name))) }
    return pack
  }

  /// Errors by file (in the order the files are read), then line and column, so an author
  /// fixes them top to bottom.
  static func inFileOrder(_ errors: [IntentFileError], files: [String]) -> [IntentFileError] {
    var order: [String: Int] = [:]
    for (index, name) in files.enumerated() where order[name] == nil { order[name] = index }
    return errors.enumerated().sorted { lhs, rhs in
      let left = lhs.element.location
      let right = rhs.element.location
      let leftKey = (order[left.file] ?? Int.max, left.line, left.column, lhs.offset)
      let rightKey = (order[right.file] ?? Int.max, right.line, right.column, rhs.offset)
      return leftKey < rightKey
    }.map(\.element)
  }
}

/// One or more intent-file mistakes; the description lists them one per line.
public struct IntentPackError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Every mistake found; the loader lists them by file, then line and column.
  public var errors: [IntentFileError]

  /// An error listing `errors` in the order given.
  public init(_ errors: [IntentFileError]) { self.errors = errors }

  /// Each error's description, one a line.
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Reads one file, collecting errors instead of stopping at the first.
private struct FileReader {
  let file: String
  var errors: [IntentFileError]
  /// Every knowledge id an answer or follow-up cites, where it is written, for the loader
  /// to check against the knowledge file.
  var references: [(id: String, location: SourceLocation)] = []
  /// The ids `section:` answers name, which must be sections, not paragraphs or sentences.
  var sectionReferences: [(id: String, location: SourceLocation)] = []

  private func location(_ node: Node?) -> SourceLocation {
    SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
  }

  private mutating func fail(_ node: Node?, _ message: String) {
    errors.append(.init(location(node), message))
  }

  mutating func read(_ text: String) -> ([Intent], [String: [String]], String?)? {
    if let (line, column) = Self.excessiveNesting(in: text, limit: IntentPackLoader.maximumNesting) {
      errors.append(
        .init(
          .init(file: file, line: line, column: column),
          "nesting deeper than \(IntentPackLoader.maximumNesting) levels"))
      return nil
    }
    let root: Node?
    do {
      // Every value the loader reads is text or a list of text, read through accessors
      // that ignore tags, so plain scalars need no type resolution: the basic resolver skips
      // the regular expressions Yams runs on each scalar (a third of a pack's load time).
      root = try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      errors.append(YAMLSyntax.error(error, file: file, text: text))
      return nil
    } catch {
      errors.append(.init(.init(file: file, line: 1), "\(error)"))
      return nil
    }
    guard let root else { return ([], [:], nil) }  // an empty file adds nothing
    guard let mapping = root.mapping else {
      fail(root, "expected a mapping with 'intents:', 'synonyms:' and/or 'advice:' at the top level")
      return nil
    }
    var intents: [Intent] = []
    var synonyms: [String: [String]] = [:]
    var advice: String?
    for (key, value) in mapping {
      switch key.string {
      case "intents":
        guard let list = value.sequence else {
          fail(value, "'intents' must be a list of intents")
          continue
        }
        for item in list {
          if let intent = readIntent(item) { intents.append(intent) }
        }
      case "synonyms":
        guard let map = value.mapping else {
          fail(value, "'synonyms' must map a word to a list of words or phrases that mean it")
          continue
        }
        for (word, variants) in map {
          guard let canonical = word.string,
            let list = strings(variants, field: "synonyms.\(word.string ?? "")")
          else {
            continue
          }
          synonyms[canonical, default: []] += list
        }
      case "advice":
        if let scalar = value.scalar, YAMLText.isText(scalar) {
          advice = scalar.string
        } else {
          fail(value, "'advice' must be text, e.g. \"please ask a qualified professional\"")
        }
      default:
        fail(key, "unknown top-level key '\(key.string ?? "?")' (expected 'intents', 'synonyms' or 'advice')")
      }
    }
    return (intents, synonyms, advice)
  }

  private mutating func readIntent(_ node: Node) -> Intent? {
    guard let mapping = node.mapping else {
      fail(node, "an intent must be a mapping with at least 'id', 'examples' and 'answer'")
      return nil
    }
    var fields: [String: Node] = [:]
    for (key, value) in mapping {
      guard let name = key.string, IntentPackLoader.intentKeys.contains(name) else {
        let known = IntentPackLoader.intentKeys.sorted().joined(separator: ", ")
        fail(
          key,
          "unknown key '\(key.string ?? "?")' in intent (known keys: \(known))"
            + EditDistance.didYouMean(key.string ?? "", among: IntentPackLoader.intentKeys.sorted()))
        continue
      }
      fields[name] = value
    }
    guard let idNode = fields["id"], let id = idNode.scalar?.string, !id.isEmpty else {
      fail(node, "intent without an 'id'")
      return nil
    }
    guard id.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }) else {
      fail(idNode, "intent id '\(id)' may hold only letters, digits, '_', '-' and '.'")
      return nil
    }
    var kind = Intent.Kind.faq
    if let kindNode = fields["kind"] {
      if let value = kindNode.string, let parsed = Intent.Kind(rawValue: value) {
        kind = parsed
      } else {
        let kinds = Intent.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        fail(kindNode, "intent '\(id)': unknown kind '\(kindNode.string ?? "?")' (one of \(kinds))")
      }
    }
    var priority = kind == .safety ? 100 : 0
    if let priorityNode = fields["priority"] {
      if let value = priorityNode.int {
        priority = value
      } else {
        fail(priorityNode, "intent '\(id)': 'priority' must be an integer")
      }
    }
    let exampleNodes = fields["examples"].flatMap { stringNodes($0, field: "examples") } ?? []
    let examples = exampleNodes.map(\.text)
    // A non-list was reported by `strings` already; only a missing or empty list is "no examples".
    if fields["examples"] == nil || fields["examples"]?.sequence?.isEmpty == true {
      fail(
        fields["examples"] ?? node,
        "intent '\(id)' has no examples (give at least one question under 'examples')")
    }
    guard let answerNode = fields["answer"] else {
      fail(node, "intent '\(id)' has no 'answer'")
      return nil
    }
    let answer = reply(answerNode, field: "answer", intent: id)
    let followUp = fields["follow_up"].flatMap { reply($0, field: "follow_up", intent: id) }
    let suggest = fields["suggest"].flatMap { strings($0, field: "suggest") } ?? []
    let triggers = fields["triggers"].flatMap { strings($0, field: "triggers") } ?? []
    guard let answer, !examples.isEmpty else { return nil }
    return Intent(
      id: id, kind: kind, priority: priority, examples: examples, answer: answer, followUp: followUp,
      suggest: suggest, triggers: triggers, location: location(node),
      exampleLocations: exampleNodes.map { location($0.node) })
  }

  /// A reply is a string, or a mapping with `knowledge` ids and/or `text`.
  private mutating func reply(_ node: Node, field: String, intent: String) -> Reply? {
    if let scalar = node.scalar {
      guard !scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        fail(node, "intent '\(intent)': '\(field)' is empty")
        return nil
      }
      return Reply(text: scalar.string)
    }
    guard let mapping = node.mapping else {
      fail(node, "intent '\(intent)': '\(field)' must be text or a mapping with 'knowledge' and/or 'text'")
      return nil
    }
    var text: String?
    var knowledge: [String] = []
    var section: (id: String, node: Node)?
    for (key, value) in mapping {
      switch key.string {
      case "text":
        if let string = value.scalar?.string, string.allSatisfy(\.isWhitespace) {
          // An empty text would be an empty answer, which the protocol says never happens.
          fail(
            value, "intent '\(intent)': '\(field).text' is empty; write the answer, or cite 'knowledge' ids")
        } else if let string = value.scalar?.string {
          text = string
        } else {
          fail(value, "'\(field).text' must be text")
        }
      case "knowledge":
        let nodes: [(text: String, node: Node)]
        if let scalar = value.scalar {
          nodes = [(scalar.string, value)]
        } else {
          nodes = stringNodes(value, field: "\(field).knowledge") ?? []
        }
        knowledge = nodes.map(\.text)
        references += nodes.map { ($0.text, location($0.node)) }
      case "section":
        guard let id = value.scalar?.string, !id.trimmingCharacters(in: .whitespaces).isEmpty else {
          fail(value, "'\(field).section' must be a section id (`faqbot knowledge show` lists them)")
          continue
        }
        section = (id, value)
      default:
        fail(key, "unknown key '\(key.string ?? "?")' in '\(field)' (known keys: knowledge, section, text)")
      }
    }
    if let section {
      guard text == nil, knowledge.isEmpty else {
        fail(
          section.node,
          "intent '\(intent)': '\(field).section' quotes the section's best paragraph by itself; "
            + "it cannot be combined with 'knowledge' or 'text'")
        return nil
      }
      references.append((section.id, location(section.node)))
      sectionReferences.append((section.id, location(section.node)))
      return Reply(text: nil, knowledge: [section.id], bestParagraph: true)
    }
    if text == nil, knowledge.isEmpty {
      fail(node, "intent '\(intent)': '\(field)' needs 'knowledge' ids or 'text'")
      return nil
    }
    return Reply(text: text, knowledge: knowledge)
  }

  private mutating func strings(_ node: Node, field: String) -> [String]? {
    stringNodes(node, field: field)?.map(\.text)
  }

  /// The entries of a list of text with their nodes (for their positions).
  private mutating func stringNodes(_ node: Node, field: String) -> [(text: String, node: Node)]? {
    guard let sequence = node.sequence else {
      fail(node, "'\(field)' must be a list")
      return nil
    }
    var result: [(text: String, node: Node)] = []
    for item in sequence {
      // Blank text ("   ") is as empty as "": an example or trigger of nothing.
      if let scalar = item.scalar, !scalar.string.allSatisfy(\.isWhitespace), !YAMLText.isNull(scalar) {
        result.append((scalar.string, item))
      } else {
        fail(item, "each entry of '\(field)' must be non-empty text")
      }
    }
    return result
  }

  /// The position where flow brackets or block indentation nest deeper than `limit`, if any.
  static func excessiveNesting(in text: String, limit: Int) -> (Int, Int)? {
    var depth = 0
    var line = 1
    var column = 0
    var lineStart = true
    var indent = 0
    for byte in text.utf8 {
      column += 1
      switch byte {
      case UInt8(ascii: "\n"):
        line += 1
        column = 0
        lineStart = true
        indent = 0
      case UInt8(ascii: " ") where lineStart:
        indent += 1
        if indent > limit * 4 { return (line, column) }
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        lineStart = false
        depth += 1
        if depth > limit { return (line, column) }
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        lineStart = false
        depth = max(0, depth - 1)
      default:
        lineStart = false
      }
    }
    return nil
  }
}
