import FAQBotCore
import FAQBotMatching
import Foundation
import SystemPackage

/// Trained models on disk, one file per pack content and engine, so a pack is trained at
/// its first start and loaded at the next ones.
///
/// The cache never makes a start fail: a missing, unreadable, truncated, corrupt or stale
/// file means training (and replacing the file); a directory that cannot be created or
/// written means training every time. Files are written to a temporary name in the same
/// directory and renamed into place, and a rename is atomic, so a process that starts while
/// another writes sees the old file, no file, or the whole new one, never half of one.
///
/// Every rebuilt faqbot and every edit of a pack keys a new file (CLINC150's is 37 MB), so a
/// store deletes the files nobody has used for ``retention``; a hit marks its file as used.
public struct ModelCache: Sendable {
  /// What ``model(packHash:train:)`` did.
  public enum Outcome: Sendable, Equatable {
    /// Loaded from the cache.
    case hit
    /// No usable file: trained, and stored if `stored`.
    case trained(stored: Bool)
    /// A file was there but refused (why): trained, and replaced if `stored`.
    case retrained(TrainedModelError, stored: Bool)
  }

  /// The directory the cache files live in (created when the first model is stored).
  public let directory: String
  /// Mixed into every key besides the engine and pack: what else decides a model, such as
  /// the build of the program (so a rebuilt matcher never reads its predecessor's models).
  public var salt: String

  /// How long a model file may go unused before a later store deletes it.
  public var retention: Duration = .seconds(30 * 24 * 3600)

  /// A cache in `directory`; `salt` (the build's fingerprint) is mixed into every key, so a
  /// rebuilt faqbot never loads a model its predecessor cached.
  public init(directory: String, salt: String = "") {
    self.directory = directory
    self.salt = salt
  }

  /// `$XDG_CACHE_HOME/faqbot`, else `$HOME/.cache/faqbot`; nil without either.
  public static func defaultDirectory(environment: [String: String]) -> String? {
    if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/faqbot" }
    if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/faqbot" }
    return nil
  }

  /// The file name of a pack's model: one hash of everything a model depends on, so a
  /// change of any of them is a miss rather than a file to overwrite in place.
  public func fileName(packHash: String, options: SoftmaxRegression.Options = .init()) -> String {
    var hasher = SHA256()
    hasher.update(
      [
        "format \(TrainedModel.formatVersion)", TrainedModel.currentEngine, packHash,
        options.summary, salt,
      ].joined(separator: "\n"))
    return String(hasher.finalizeHex().prefix(32)) + ".model"
  }

  /// Where the model of the pack with `packHash` is (or would be) filed.
  public func path(packHash: String) -> String { directory + "/" + fileName(packHash: packHash) }

  /// The cached model of `packHash`: nil when there is none, an error when there is one
  /// that must not be used.
  public func load(packHash: String) -> Result<TrainedModel, TrainedModelError>? {
    let path = path(packHash: packHash)
    // Mapped, so the weights are read in place: the cache replaces its files by rename, never
    // in place, so the mapping cannot shrink under us.
    if let file = MappedFile(path: path) {
      return Result { () throws(TrainedModelError) -> TrainedModel in
        try TrainedModel.decode(file, packHash: packHash, engine: TrainedModel.currentEngine)
      }
    }
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    // Decoded straight from the file's bytes: copying a large model into an array first
    // cost as much as decoding it.
    return data.withUnsafeBytes { buffer in
      Result { () throws(TrainedModelError) -> TrainedModel in
        try TrainedModel.decode(buffer, packHash: packHash, engine: TrainedModel.currentEngine)
      }
    }
  }

  /// Stores `model` under its pack hash; false when the directory cannot be written.
  @discardableResult
  public func store(_ model: TrainedModel) -> Bool {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      return false
    }
    let path = path(packHash: model.packHash)
    guard Self.writeAtomically(model.encoded(), to: path) else { return false }
    deleteUnused(except: path)
    return true
  }

  /// Deletes the directory's model files, and temporary files a crashed writer left, whose
  /// last use is older than ``retention``. Another process may still have one mapped: the
  /// mapping outlives the name.
  func deleteUnused(except kept: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
    let limit = Int(retention.components.seconds)
    for name in names where name.hasSuffix(".model") || (name.hasPrefix(".") && name.hasSuffix(".tmp")) {
      let path = directory + "/" + name
      guard path != kept, let age = Self.secondsSinceModified(path), age > limit else { continue }
      unlink(path)
    }
  }

  /// Sets the file's modification time to now, at most once a day, so a model in use is
  /// never old enough to be deleted. Best effort: a read-only cache keeps its times.
  private func markUsed(_ path: String) {
    guard let age = Self.secondsSinceModified(path), age > 24 * 3600 else { return }
    utimensat(AT_FDCWD, path, nil, 0)
  }

  /// How long ago the file at `path` was last written (or marked used); nil when it is gone.
  private static func secondsSinceModified(_ path: String) -> Int? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return Int(time(nil)) - Int(status.st_mtim.tv_sec)
  }

  /// The cached model of the pack, or the one `train` makes (then cached). `train` may throw
  /// (a pack that does not load), which only a miss can see.
  public func model(packHash: String, train: () throws -> TrainedModel) rethrows -> (TrainedModel, Outcome) {
    var refusal: TrainedModelError?
    switch load(packHash: packHash) {
    case .success(let model)?:
      markUsed(path(packHash: packHash))
      return (model, .hit)
    case .failure(let error)?: refusal = error
    case nil: break
    }
    let model = try train()
    let stored = store(model)
    return (model, refusal.map { .retrained($0, stored: stored) } ?? .trained(stored: stored))
  }

  /// Writes `bytes` to a fresh temporary file beside `path`, then renames it over `path`.
  /// Public for `faqbot train -o`, which wants the same guarantee.
  ///
  /// There is no fsync: after a power cut the renamed file may be short or hold zeros, which
  /// the checksum catches (a retraining), and syncing 70 MB would slow every first start.
  public static func writeAtomically(_ bytes: [UInt8], to path: String) -> Bool {
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary =
      (directory.isEmpty ? "" : directory + "/")
      + ".\(name).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
    let descriptor: FileDescriptor
    do {
      descriptor = try FileDescriptor.open(
        FilePath(temporary), .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
        permissions: [.ownerReadWrite, .groupRead, .otherRead])
    } catch {
      return false
    }
    do {
      // writeAll repeats short and interrupted writes; closeAfter closes on failure too.
      try descriptor.closeAfter { _ = try bytes.withUnsafeBytes { try descriptor.writeAll($0) } }
    } catch {
      unlink(temporary)
      return false
    }
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      return false
    }
    return true
  }
}
