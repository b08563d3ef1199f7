// readline is a C library of global state, used here from the main thread only; its
// variables are imported without concurrency annotations.
@preconcurrency import CReadline
import Foundation

extension REPL {
  /// Readline's history list, and the file that keeps it between sessions.
  ///
  /// Each line is appended to the file as soon as it is entered, so a session that is killed
  /// keeps its history and two sessions at once both keep theirs. Any failure to read or write
  /// the file gives one warning and the session goes on with history in memory only.
  struct History {
    /// Entries kept, in memory and in the file.
    static let capacity: Int32 = 1_000
    /// Longer lines (a pasted document) are answered but not kept: recalling them is useless
    /// and they would bloat the file.
    static let longestEntryBytes = 4_096

    /// The file, while it is usable.
    private(set) var path: String?
    /// What `/help` says about history.
    private(set) var note: String
    private var warned = false

    /// History in memory only, as with `--no-history`.
    init() {
      path = nil
      note = "this session only (--no-history)"
      Self.setUpList()
    }

    /// History kept in the file `path`, read now; an unreadable file is never overwritten.
    init(path: String) {
      self.path = path
      note = path
      Self.setUpList()
      load()
    }

    /// History that cannot be kept because there is nowhere to keep it; warns once.
    init(unavailable reason: String) {
      path = nil
      note = "this session only (\(reason))"
      Self.setUpList()
      warn(reason)
    }

    /// `$XDG_STATE_HOME/faqbot/history`, defaulting to `~/.local/state/faqbot/history`, with
    /// its directory created (mode 0700, as the XDG spec asks); `.failure` says why not.
    static func standardPath(environment: [String: String]) -> Result<String, HistoryProblem> {
      let state: String
      // The XDG spec says a relative path is invalid and must be ignored.
      if let value = environment["XDG_STATE_HOME"], value.hasPrefix("/") {
        state = value
      } else if let home = environment["HOME"], home.hasPrefix("/") {
        state = home + "/.local/state"
      } else {
        return .failure(HistoryProblem("neither XDG_STATE_HOME nor HOME is set to an absolute path"))
      }
      let directory = state + "/faqbot"
      if let problem = makeDirectories(directory) { return .failure(problem) }
      return .success(directory + "/history")
    }

    /// Adds `entry` unless it repeats the previous one, and appends it to the file.
    mutating func record(_ entry: String) {
      guard !entry.isEmpty, entry.utf8.count <= Self.longestEntryBytes, entry != Self.lastEntry else {
        return
      }
      add_history(entry)
      guard let path else { return }
      let status: Int32
      if FileManager.default.fileExists(atPath: path) {
        status = append_history(1, path)
        if status == 0 { _ = history_truncate_file(path, Self.capacity) }
      } else {
        // append_history does not create the file; write_history does, with mode 0600.
        status = write_history(path)
      }
      if status != 0 { fail("cannot write \(path): \(Self.describe(status))") }
    }

    private static func setUpList() {
      using_history()
      stifle_history(capacity)
    }

    private mutating func load() {
      guard let path else { return }
      let status = read_history(path)
      if status != 0 && status != ENOENT { fail("cannot read \(path): \(Self.describe(status))") }
    }

    private static var lastEntry: String? {
      guard history_length > 0, let entry = history_get(history_base + history_length - 1),
        let line = entry.pointee.line
      else { return nil }
      return String(cString: line)
    }

    /// Stops using the file and says so, once.
    private mutating func fail(_ reason: String) {
      path = nil
      note = "this session only (\(reason))"
      warn(reason)
    }

    private mutating func warn(_ reason: String) {
      guard !warned else { return }
      warned = true
      StandardError.write("faqbot: history: \(reason); keeping history for this session only")
    }

    private static func describe(_ code: Int32) -> String {
      String(cString: strerror(code))
    }

    /// `mkdir -p` with mode 0700 for every directory it creates.
    private static func makeDirectories(_ path: String) -> HistoryProblem? {
      var prefix = ""
      for component in path.split(separator: "/") {
        prefix += "/" + component
        guard mkdir(prefix, 0o700) != 0 else { continue }
        let error = errno
        if error != EEXIST { return HistoryProblem("cannot create \(prefix): \(describe(error))") }
      }
      var status = stat()
      guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
        return HistoryProblem("\(path) is not a directory")
      }
      return nil
    }
  }

  /// Why history cannot be kept in a file.
  struct HistoryProblem: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
  }
}
