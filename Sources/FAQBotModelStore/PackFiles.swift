import FAQBotDefaultPack
import FAQBotIntents
import FAQBotKnowledge

/// A pack's files as read once: the intent files and the knowledge file's bytes.
///
/// The model cache files a model under the hash of the pack's content, so that hash must be
/// of the very bytes the model is trained on. Hashing one read and parsing another would let
/// files edited while faqbot starts (an editor saving, a `git pull`) file a model trained on
/// the new content under the old content's hash, and a later start with the old files would
/// load a model of the wrong pack. Everything here comes from the one read.
public struct PackFiles: Sendable {
  /// The loader whose files these are: it names the paths messages refer to.
  public let loader: PackLoader
  /// Paths (or embedded names) and texts, in the order the loader lists them.
  public let intentFiles: [(name: String, text: String)]
  /// The knowledge file's bytes: the embedded default's when the loader names no file.
  public let knowledgeBytes: [UInt8]
  /// ``TrainedModel/packHash(intentFiles:knowledgeBytes:)`` of these files.
  public let contentHash: String

  init(loader: PackLoader, intentFiles: [(name: String, text: String)], knowledgeBytes: [UInt8]) {
    self.loader = loader
    self.intentFiles = intentFiles
    self.knowledgeBytes = knowledgeBytes
    contentHash = TrainedModel.packHash(intentFiles: intentFiles, knowledgeBytes: knowledgeBytes)
  }

  /// Whether any file besides the settings (pack.yaml) is an intent file: a pack without one
  /// answers from the knowledge file alone, and runs in the encoder mode unless told
  /// otherwise (the fast mode's reading of meaning ranks the right section first for about
  /// half the questions it should: docs/performance.md, "Knowledge-only retrieval").
  public var hasIntentFiles: Bool {
    intentFiles.contains { !PackSettings.isSettingsFile($0.name) }
  }

  /// The knowledge file these bytes hold (the embedded default's when the loader names none).
  public func loadKnowledge() throws(KnowledgeError) -> KnowledgeDocument {
    guard let path = loader.knowledgePath else { return try DefaultPack.knowledge() }
    return try KnowledgeFile.decode(knowledgeBytes, fileName: path)
  }

  /// The intent pack these files hold; `knowledge` checks its references when given.
  public func loadIntents(knowledge: KnowledgeBase?) throws(IntentPackError) -> IntentPack {
    try IntentPackLoader().load(files: intentFiles, knowledge: knowledge)
  }
}
