import Foundation

extension PackLoader {
  /// The ``TrainedModel/packHash(intentFiles:knowledgeBytes:)`` of the files this loader
  /// reads; nil when one cannot be read (loading then reports why).
  public func contentHash() -> String? {
    guard let intentFiles = try? intentFiles() else { return nil }
    return contentHash(intentFiles: intentFiles)
  }

  /// The same, for intent files already read by ``intentFiles()``.
  public func contentHash(intentFiles: [(name: String, text: String)]) -> String? {
    let knowledgeBytes: [UInt8]
    if let knowledgePath {
      guard let data = FileManager.default.contents(atPath: knowledgePath) else { return nil }
      knowledgeBytes = Array(data)
    } else {
      knowledgeBytes = DefaultPack.knowledgeBytes
    }
    return TrainedModel.packHash(intentFiles: intentFiles, knowledgeBytes: knowledgeBytes)
  }
}
