import Foundation

extension PackLoader {
  /// The ``TrainedModel/packHash(intentFiles:knowledgeBytes:)`` of the files this loader
  /// reads; nil when one cannot be read (loading then reports why).
  public func contentHash() -> String? {
    let intentFiles: [(name: String, text: String)]
    if let intentsDirectory {
      guard let files = try? IntentPackLoader.files(inDirectory: intentsDirectory) else { return nil }
      intentFiles = files
    } else {
      intentFiles = DefaultPack.embeddedIntentFiles
    }
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
