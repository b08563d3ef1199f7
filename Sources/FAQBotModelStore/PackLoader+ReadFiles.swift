import FAQBotDefaultPack
import Foundation

extension PackLoader {
  /// Reads the pack's files once (see ``PackFiles``); nil when one cannot be read (loading
  /// then reports which, and why).
  public func readFiles() -> PackFiles? {
    guard let intentFiles = try? intentFiles() else { return nil }
    let knowledgeBytes: [UInt8]
    if let knowledgePath {
      guard let data = FileManager.default.contents(atPath: knowledgePath) else { return nil }
      knowledgeBytes = Array(data)
    } else {
      knowledgeBytes = DefaultPack.knowledgeBytes
    }
    return PackFiles(loader: self, intentFiles: intentFiles, knowledgeBytes: knowledgeBytes)
  }

  /// The ``TrainedModel/packHash(intentFiles:knowledgeBytes:)`` of the files this loader
  /// reads; nil when one cannot be read.
  public func contentHash() -> String? { readFiles()?.contentHash }
}
