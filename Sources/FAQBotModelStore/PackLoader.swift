import FAQBotDefaultPack
import FAQBotIntents
import FAQBotKnowledge
import Foundation

/// Loads a knowledge file and an intent pack, from the embedded default or from files given
/// on the command line (`--knowledge FILE` and `--intents DIR` each replace their default).
public struct PackLoader: Sendable {
  /// A knowledge file that replaces the default one (`--knowledge`), or nil.
  public var knowledgePath: String?
  /// A directory of intent files that replaces the default intents (`--intents`), or nil.
  public var intentsDirectory: String?
  /// No intents at all (`--knowledge-only`): the bot answers from the document's passages,
  /// with the safety stage and honest "not covered" answers.
  public var knowledgeOnly: Bool

  /// A loader of the given files; nil for either means the embedded default.
  public init(knowledgePath: String? = nil, intentsDirectory: String? = nil, knowledgeOnly: Bool = false) {
    self.knowledgePath = knowledgePath
    self.intentsDirectory = intentsDirectory
    self.knowledgeOnly = knowledgeOnly
  }

  /// A human-readable name of the pack in use, for banners.
  public var description: String {
    if knowledgeOnly { return "\(knowledgePath ?? "the default knowledge"), knowledge only (no intents)" }
    return switch (knowledgePath, intentsDirectory) {
    case (nil, nil): "default pack (ketamine therapy)"
    case (let knowledge?, nil): "\(knowledge) with the default intents"
    case (nil, let intents?): "\(intents) on the default knowledge"
    case (let knowledge?, let intents?): "\(intents) on \(knowledge)"
    }
  }

  /// Reads and decodes the knowledge file (or the embedded default).
  public func loadKnowledge() throws(KnowledgeError) -> KnowledgeDocument {
    guard let path = knowledgePath else { return try DefaultPack.knowledge() }
    guard let data = FileManager.default.contents(atPath: path) else {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      let reason =
        !exists
        ? "no such file"
        : isDirectory.boolValue ? "it is a directory (give the knowledge file in it)" : "not readable"
      throw KnowledgeError(file: path, reason: .unreadable(reason))
    }
    return try KnowledgeFile.decode(Array(data), fileName: path)
  }

  /// Reads and parses the intent files; `knowledge` checks their references when given.
  public func loadIntents(knowledge: KnowledgeBase?) throws(IntentPackError) -> IntentPack {
    try IntentPackLoader().load(files: try intentFiles(), knowledge: knowledge)
  }

  /// The intent files this loader reads, with their paths (or embedded names) and text.
  public func intentFiles() throws(IntentPackError) -> [(name: String, text: String)] {
    if knowledgeOnly { return [] }
    return try intentsDirectory.map { directory throws(IntentPackError) in
      try IntentPackLoader.files(inDirectory: directory)
    } ?? DefaultPack.embeddedIntentFiles
  }
}
