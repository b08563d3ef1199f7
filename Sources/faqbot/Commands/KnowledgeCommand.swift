import ArgumentParser
import FAQBot
import Foundation

struct KnowledgeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "knowledge",
    abstract: "Build and inspect knowledge files.",
    subcommands: [Build.self, Show.self]
  )

  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build a knowledge file from a plain-text or Markdown document.",
      discussion:
        "Writes JSON to FILE (atomically; an existing FILE only with --force), or to standard output without -o."
    )

    @Argument(help: "The document to build from.", completion: .file())
    var document: String

    @Option(
      name: .shortAndLong, help: "Where to write the knowledge file.", completion: .file(extensions: ["json"])
    )
    var output: String?

    @Option(
      help: ArgumentHelp(
        "How to read the document: markdown (CommonMark, by cmark-gfm) or text.",
        discussion: "Default: markdown for .md and .markdown files, text otherwise."))
    var format: KnowledgeFormat?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
      if let output, FileIO.kind(of: output) == .directory {
        throw CLIError(
          "\(output) is a directory; give -o the knowledge file's path, e.g. \(output)/knowledge.json")
      }
      if let output, !force, FileManager.default.fileExists(atPath: output) {
        throw CLIError("\(output) exists; use --force to replace it")
      }
      let built = try KnowledgeCommand.build(document, format: format)
      // Noticed but kept (a heading with nothing under it): the author should know.
      for warning in built.warnings ?? [] {
        StandardError.write("warning: \(document): \(warning)")
      }
      let encoded = KnowledgeFile.encode(built)
      if let output {
        do {
          try FileIO.writeAtomically(encoded, to: output)
        } catch {
          throw CLIError("\(output): cannot write the knowledge file: \(FileIO.reason(error))")
        }
      } else {
        FileHandle.standardOutput.write(Data(encoded))
      }
    }
  }

  /// Builds the knowledge of the document at `path`: what `knowledge build` and `init` share.
  /// Builds the knowledge file of the document at `path` (`format` as the file name says when
  /// nil), with the errors worded for the command line.
  static func build(_ path: String, format: KnowledgeFormat? = nil) throws -> KnowledgeDocument {
    let fileName = URL(fileURLWithPath: path).lastPathComponent
    let bytes: [UInt8]
    do {
      bytes = try FileIO.read(path)
    } catch {
      throw CLIError(KnowledgeError(file: path, reason: .unreadable(error.localizedDescription)).description)
    }
    do {
      return try KnowledgeBuilder().build(bytes: bytes, fileName: fileName, format: format)
    } catch {
      throw CLIError(KnowledgeError(file: path, reason: error.reason).description)
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the sections of a knowledge file (the default pack's without FILE)."
    )

    @Argument(help: "A knowledge file.", completion: .file(extensions: ["json"]))
    var file: String?

    func run() throws {
      let document = try PackLoading.knowledgeDocument(path: file)
      print("\(document.title)  (source \(document.source.name), \(document.source.bytes) bytes)")
      for section in document.sections {
        let sentences = section.paragraphs.reduce(0) { $0 + $1.sentences.count }
        let bytes = section.paragraphs.reduce(0) { $0 + $1.text.utf8.count }
        print(
          "  \(section.id)  \"\(section.title)\"  \(Plural.count(section.paragraphs.count, "paragraph")), "
            + "\(Plural.count(sentences, "sentence")), \(Plural.count(bytes, "byte"))")
      }
      print("removed: \(Plural.count(document.removed.count, "passage"))")
      for removal in document.removed {
        print("  [\(removal.range.start)..<\(removal.range.end)] \(removal.reason)")
      }
    }
  }
}

extension KnowledgeFormat: ExpressibleByArgument {}
