// faqbot-retrieval-sweep: a knowledge-only pack's thresholds tried on the tune questions of
// Benchmarks/documents, the engine built once per document (encoding its passages is the
// costly part), for docs/performance.md's "Knowledge-only retrieval".
//
//   faqbot-retrieval-sweep [--fast] KNOWLEDGE.json QUESTIONS.jsonl [KNOWLEDGE QUESTIONS …] -- KEY=V1,V2 …
//
// KEY is one of the EngineConfiguration settings below. Every combination is run; one line a
// setting: per document, in-scope answered right (first source in the expected section), not
// covered and off topic answered honestly (a fallback). Held-out questions are skipped: they
// are never read, so they cannot be tuned on.
import FAQBot
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let split = arguments.firstIndex(of: "--") ?? arguments.endIndex
let fast = arguments[..<split].contains("--fast")
let files = arguments[..<split].filter { $0 != "--fast" }
let grid: [(String, [Double])] = arguments[split...].dropFirst().compactMap { item in
  let parts = item.split(separator: "=", maxSplits: 1)
  guard parts.count == 2 else { return nil }
  return (String(parts[0]), parts[1].split(separator: ",").compactMap { Double($0) })
}
let settable: [String: WritableKeyPath<EngineConfiguration, Double>] = [
  "semanticCosine": \.semanticCosine, "semanticMarginWeight": \.semanticMarginWeight,
  "subjectCheckSemanticGiveWay": \.subjectCheckSemanticGiveWay, "sectionCoverage": \.sectionCoverage,
  "sectionTitleCoverage": \.sectionTitleCoverage, "semanticLexicalWeight": \.semanticLexicalWeight,
  "subjectCheckNeighbourCosine": \.subjectCheckNeighbourCosine, "sectionVectorCosine": \.sectionVectorCosine,
  "sectionVectorWeight": \.sectionVectorWeight, "subjectCheckVectorGiveWay": \.subjectCheckVectorGiveWay,
]
guard files.count >= 2, files.count % 2 == 0, grid.allSatisfy({ settable[$0.0] != nil && !$0.1.isEmpty })
else {
  FileHandle.standardError.write(
    Data(
      "usage: faqbot-retrieval-sweep [--fast] KNOWLEDGE QUESTIONS … -- KEY=V1,V2 … (keys: \(settable.keys.sorted()))\n"
        .utf8))
  exit(2)
}

struct Question {
  var text: String
  var expect: String
  var section: String?
}

struct Document {
  var name: String
  var resources: EngineResources
  var questions: [Question]
  var sentences: [[Float]]?
}

func load(_ knowledgePath: String, _ questionsPath: String) throws -> Document {
  let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: knowledgePath)))
  let knowledge = KnowledgeBase(document: try KnowledgeFile.decode(bytes, fileName: knowledgePath))
  var questions: [Question] = []
  for line in try String(contentsOfFile: questionsPath, encoding: .utf8).split(separator: "\n") {
    guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
      object["split"] as? String == "tune", let text = object["question"] as? String,
      let expect = object["expect"] as? String
    else { continue }
    questions.append(
      Question(
        text: text, expect: expect,
        section: (object["section"] as? String)?.replacingOccurrences(of: "`", with: "")))
  }
  var configuration = EngineConfiguration()
  configuration.mode = fast ? .fast : .encoder
  let resources = EngineResources(
    pack: IntentPack(intents: []), knowledge: knowledge, configuration: configuration)
  let engine = Engine(resources: resources)
  let name = URL(fileURLWithPath: questionsPath).deletingLastPathComponent().lastPathComponent
  return Document(
    name: name, resources: resources, questions: questions,
    sentences: engine.sentenceVectors(for: questions.map(\.text)))
}

var documents: [Document] = []
do {
  for index in stride(from: 0, to: files.count, by: 2) {
    documents.append(try load(files[index], files[index + 1]))
  }
} catch {
  FileHandle.standardError.write(Data("faqbot-retrieval-sweep: \(error)\n".utf8))
  exit(1)
}

var settings: [[(String, Double)]] = [[]]
for (key, values) in grid { settings = settings.flatMap { prefix in values.map { prefix + [(key, $0)] } } }
for setting in settings {
  var cells: [String] = []
  var total = 0
  for document in documents {
    var resources = document.resources
    for (key, value) in setting {
      if let path = settable[key] { resources.configuration[keyPath: path] = value }
    }
    let engine = Engine(resources: resources)
    var counts: [String: (right: Int, all: Int)] = [:]
    for (index, question) in document.questions.enumerated() {
      var context = ConversationContext()
      let answer = engine.respond(to: question.text, context: &context, sentence: document.sentences?[index])
      let right: Bool
      switch question.expect {
      case "answer":
        right =
          (answer.kind == .knowledge || answer.kind == .intent)
          && answer.sources.first?.section == question.section
      case "crisis": right = answer.kind == .safety
      default: right = answer.kind == .fallback
      }
      counts[question.expect, default: (0, 0)].all += 1
      if right { counts[question.expect, default: (0, 0)].right += 1 }
      if right && question.expect != "crisis" && question.expect != "off_topic" { total += 1 }
    }
    func cell(_ key: String) -> String { counts[key].map { "\($0.right)/\($0.all)" } ?? "-" }
    cells.append(
      "\(document.name) \(cell("answer")) nc \(cell("not_covered")) ot \(cell("off_topic")) cr \(cell("crisis"))"
    )
  }
  let label = setting.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
  print("\(label) | right+nc \(total) | " + cells.joined(separator: " | "))
}
