import FAQBot
import Foundation

/// `chat --watch`: polls the pack's files (the intents directory's *.yaml and the knowledge
/// file) for changes and rebuilds the engine on a background thread, so an author sees the
/// effect of an edit at the next question without restarting. No file-watching dependency:
/// a modification time, size and name listing read twice a second costs nothing.
///
/// The front takes what the watcher has ready with ``take()`` before each answer: a new
/// engine, or the errors of a pack that does not load (the old engine stays in use).
final class PackWatcher: @unchecked Sendable {
  // Unchecked: `pending` and `stopped` are only touched while holding `lock`.
  enum Update {
    case reloaded(Engine)
    case failed(String)
  }

  private let directory: String?
  private let knowledgeFile: String?
  private let build: @Sendable () throws -> Engine
  private let interval: TimeInterval
  private let lock = NSLock()
  private var pending: Update?
  private var stopped = false

  /// `build` makes an engine from the files as they are now (``EngineBuilder``).
  init(
    directory: String?, knowledgeFile: String?, interval: TimeInterval = 0.5,
    build: @escaping @Sendable () throws -> Engine
  ) {
    self.directory = directory
    self.knowledgeFile = knowledgeFile
    self.interval = interval
    self.build = build
  }

  func start() {
    let thread = Thread { [self] in run() }
    thread.name = "faqbot pack watcher"
    thread.start()
  }

  func stop() { lock.withLock { stopped = true } }

  /// The update ready since the last call, if any.
  func take() -> Update? {
    lock.withLock {
      defer { pending = nil }
      return pending
    }
  }

  private func run() {
    var seen = fingerprint()
    while !lock.withLock({ stopped }) {
      Thread.sleep(forTimeInterval: interval)
      let now = fingerprint()
      guard now != seen else { continue }
      // Let an editor finish writing (several files, or write-then-rename) before reading.
      Thread.sleep(forTimeInterval: interval)
      seen = fingerprint()
      let update: Update
      do {
        update = .reloaded(try build())
      } catch {
        update = .failed("\(error)")
      }
      lock.withLock { pending = update }
    }
  }

  /// Name, size and modification time of every file that makes the pack.
  private func fingerprint() -> [String] {
    var paths: [String] = []
    if let directory {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      paths += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
        URL(fileURLWithPath: directory).appendingPathComponent($0).path
      }
    }
    if let knowledgeFile { paths.append(knowledgeFile) }
    return paths.map { path in
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
      let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
      let time = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      return "\(path) \(size) \(time)"
    }
  }
}
