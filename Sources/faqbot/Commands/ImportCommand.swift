import ArgumentParser
import FAQBot
import Foundation

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Make an intent file from a JSON or CSV list of [question, intent] pairs.",
    discussion: """
      FILE is JSON (a list of ["question", "intent"] pairs, or an object of such lists such as \
      CLINC150's data_full.json, with --split to pick one) or CSV with two columns, question and \
      intent (a header row is optional; quote fields that hold commas). Every intent gets a \
      placeholder answer ("Answer for <intent>.") to replace with the real one. Writes YAML to \
      -o (a file, or a directory to write FILE's name with .yaml into), or to standard output.
      """
  )

  @Argument(help: "The labelled questions (JSON or CSV).", completion: .file(extensions: ["json", "csv"]))
  var file: String

  @Option(name: .shortAndLong, help: "The intent file to write, or a directory to write it into.")
  var output: String?

  @Option(help: "For a JSON object of lists: the one to import (e.g. train).")
  var split: String?

  @Flag(help: "Replace the output file if it exists (its edited answers are lost).")
  var force = false

  func run() throws {
    let bytes: [UInt8]
    do { bytes = try FileIO.read(file) } catch { throw CLIError("\(file): cannot read the file") }
    let result: ExampleImporter.Result
    do {
      result = try ExampleImporter(split: split).importFile(bytes, fileName: file)
    } catch {
      throw CLIError(error.description)
    }
    let summary =
      "\(Plural.count(result.intentCount, "intent")), \(Plural.count(result.exampleCount, "example"))"
      + (result.duplicateCount > 0
        ? " (\(Plural.count(result.duplicateCount, "repeated question")) kept once)" : "")
    guard let target = try outputPath() else {
      StandardOutput.write(Array(result.text.utf8))
      StandardError.write("imported \(summary); the answers are placeholders to replace")
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
