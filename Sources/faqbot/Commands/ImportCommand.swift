import ArgumentParser
import FAQBot
import Foundation

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Make an intent file from a JSON or CSV list of [question, intent] pairs, or from Rasa's nlu.yml.",
    discussion: """
      FILE is JSON (a list of ["question", "intent"] pairs, or an object of such lists such as \
      CLINC150's data_full.json, with --split to pick one) or CSV with two columns, question and \
      intent (a header row is optional; quote fields that hold commas). Every intent gets a \
      placeholder answer ("Answer for <intent>.") to replace with the real one. Writes YAML to \
      -o (a file, or a directory to write FILE's name with .yaml into), or to standard output.

      A Rasa 3 NLU file (FILE ending in .yml or .yaml: `nlu:` with `- intent:` items and \
      `examples: |`) gives its intents and examples, entity annotations such as [Paris](city) \
      keeping their text. The answers come from the first text of each `utter_<intent>` response \
      of the domain file: --domain FILE, else a domain.yml beside FILE or in its parent directory \
      (Rasa's project layout, data/nlu.yml and domain.yml); intents without one get placeholders.
      """
  )

  @Argument(help: "The labelled questions (JSON or CSV).", completion: .file(extensions: ["json", "csv"]))
  var file: String

  @Option(name: .shortAndLong, help: "The intent file to write, or a directory to write it into.")
  var output: String?

  @Option(
    help: "For a Rasa nlu.yml: the domain.yml whose utter_<intent> responses become the answers.",
    completion: .file(extensions: ["yml", "yaml"]))
  var domain: String?

  @Option(help: "For a JSON object of lists: the one to import (e.g. train).")
  var split: String?

  @Flag(help: "Replace the output file if it exists (its edited answers are lost).")
  var force = false

  func run() throws {
    let bytes: [UInt8]
    do { bytes = try FileIO.read(file) } catch { throw CLIError("\(file): cannot read the file") }
    let result: ExampleImporter.Result
    do {
      if file.hasSuffix(".yml") || file.hasSuffix(".yaml") {
        result = try importRasa(bytes)
      } else {
        result = try ExampleImporter(split: split).importFile(bytes, fileName: file)
      }
    } catch let error as IntentPackError {
      throw CLIError(
        "\(file) cannot be imported (\(Plural.count(error.errors.count, "error"))):\n\(error.description)")
    }
    let summary =
      "\(Plural.count(result.intentCount, "intent")), \(Plural.count(result.exampleCount, "example"))"
      + (result.duplicateCount > 0
        ? " (\(Plural.count(result.duplicateCount, "repeated question")) kept once)" : "")
    guard let target = try outputPath() else {
      StandardOutput.write(Array(result.text.utf8))
      for rename in result.renamedIntents {
        StandardError.write("intent '\(rename.label)' is now '\(rename.id)'")
      }
      StandardError.write("imported \(summary); replace the placeholder answers before use")
      return
    }
    do {
      try FileIO.writeAtomically(Array(result.text.utf8), to: target)
    } catch {
      throw CLIError("\(target): cannot write the intent file")
    }
    for rename in result.renamedIntents { print("intent '\(rename.label)' is now '\(rename.id)'") }
    print("wrote \(target): \(summary); replace the placeholder answers before use")
  }

  /// A Rasa NLU file with the answers of its domain, saying on stderr what was used and skipped.
  private func importRasa(_ bytes: [UInt8]) throws -> ExampleImporter.Result {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw IntentPackError([.init(.init(file: file, line: 1), "the file is not valid UTF-8")])
    }
    let rasa = RasaImporter()
    let (examples, skipped) = try rasa.examples(nlu: text, fileName: file)
    var answers: [String: String] = [:]
    if let domainPath = domain ?? Self.domainFile(beside: file) {
      guard let data = FileManager.default.contents(atPath: domainPath),
        let domainText = String(validating: Array(data), as: UTF8.self)
      else {
        throw CLIError("\(domainPath): cannot read the domain file")
      }
      answers = try rasa.answers(domain: domainText, fileName: domainPath)
      StandardError.write("answers from the responses of \(domainPath)")
    } else {
      StandardError.write(
        "no domain.yml beside \(file) or in its parent (use --domain): the answers are placeholders")
    }
    for (kind, count) in skipped.counts.sorted(by: { $0.key < $1.key }) {
      StandardError.write(
        "skipped \(Plural.count(count, "\(kind) item")) (they describe entities, which faqbot does not extract)"
      )
    }
    return try ExampleImporter().intentFile(for: examples, source: file, answers: answers)
  }

  /// Rasa's domain.yml beside the NLU file or one directory up (data/nlu.yml, domain.yml).
  private static func domainFile(beside path: String) -> String? {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
    for candidate in [directory, directory.deletingLastPathComponent()] {
      for name in ["domain.yml", "domain.yaml"] {
        let url = candidate.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: url.path), url.path != URL(fileURLWithPath: path).path {
          return url.path
        }
      }
    }
    return nil
  }

  /// The file to write: -o itself, or FILE's name with `.yaml` inside the directory -o names.
  private func outputPath() throws -> String? {
    guard let output else { return nil }
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
    let target: String
    if output.hasSuffix("/") || (exists && isDirectory.boolValue) {
      if !exists {
        do {
          try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
          throw CLIError("\(output): cannot create the directory")
        }
      }
      let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
      target = URL(fileURLWithPath: output).appendingPathComponent(name + ".yaml").path
    } else {
      target = output
    }
    if !force, FileManager.default.fileExists(atPath: target) {
      throw CLIError("\(target) exists (its answers may have been edited); use --force to replace it")
    }
    return target
  }
}
