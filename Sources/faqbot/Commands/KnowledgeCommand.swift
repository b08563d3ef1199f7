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
      discussion: "Writes JSON to FILE (atomically), or to standard output without -o."
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

    func run() throws {
      let fileName = URL(fileURLWithPath: document).lastPathComponent
      let bytes: [UInt8]
      do {
        bytes = try FileIO.read(document)
      } catch {
        throw CLIError(
          KnowledgeError(file: document, reason: .unreadable(error.localizedDescription)).description)
      }
      let built: KnowledgeDocument
      do {
        built = try KnowledgeBuilder().build(bytes: bytes, fileName: fileName, format: format)
      } catch {
        throw CLIError(KnowledgeError(file: document, reason: error.reason).description)
      }
      // Noticed but kept (a heading with nothing under it): the author should know.
      for warning in built.warnings ?? [] {
        StandardError.write("warning: \(document): \(warning)")
      }
      let encoded = KnowledgeFile.encode(built)
      if let output {
        do {
          try FileIO.writeAtomically(encoded, to: output)
        } catch {
          throw CLIError("\(output): cannot write the knowledge file: \(error.localizedDescription)")
        }
      } else {
        FileHandle.standardOutput.write(Data(encoded))
      }
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
          "  \(section.id)  \"\(section.title)\"  \(section.paragraphs.count) paragraphs, "
            + "\(sentences) sentences, \(bytes) bytes")
      }
      print("removed: \(document.removed.count) passages")
      for removal in document.removed {
        print("  [\(removal.range.start)..<\(removal.range.end)] \(removal.reason)")
      }
    }
  }
}

extension KnowledgeFormat: ExpressibleByArgument {}
