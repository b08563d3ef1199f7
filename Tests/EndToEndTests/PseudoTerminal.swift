import Foundation
import XCTest

/// A program run on a pseudo-terminal, driven as a person at a keyboard would drive it:
/// keys in, screen bytes out, exit status at the end.
///
/// The program gets the terminal as its controlling terminal (it is spawned into a session of
/// its own), so Ctrl-C typed here reaches it as SIGINT and a resize as SIGWINCH, exactly as
/// from a terminal emulator. Every wait has a deadline, so a program that hangs fails the test
/// instead of blocking the suite; on the way out the program is killed if still running.
final class PseudoTerminal {
  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  /// Keys as a terminal sends them.
  enum Key {
    static let enter = "\r"
    static let tab = "\t"
    static let interrupt = "\u{03}"
    static let endOfFile = "\u{04}"
    static let up = "\u{1B}[A"
    /// What a terminal in bracketed-paste mode puts around pasted text.
    static let pasteStart = "\u{1B}[200~"
    static let pasteEnd = "\u{1B}[201~"
  }

  /// How long any one wait may take before the test fails (generous: CI machines are slow).
  static let patience: TimeInterval = 30

  let processIdentifier: pid_t
  private let controller: Int32
  /// Everything the program has written to the terminal so far.
  private(set) var screen: [UInt8] = []
  /// Where the next ``waitFor(_:timeout:)`` starts looking.
  private var consumed = 0
  private var closed = false
  private var exitStatus: Int32?

  init(
    executable: URL, arguments: [String], environment: [String: String], columns: UInt16 = 80,
    rows: UInt16 = 24
  ) throws {
    let pseudoTerminals = try PseudoTerminalFunctions()
    controller = pseudoTerminals.open(O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard controller >= 0 else { throw Failure("posix_openpt failed: \(String(cString: strerror(errno)))") }
    guard pseudoTerminals.grant(controller) == 0, pseudoTerminals.unlock(controller) == 0,
      let name = pseudoTerminals.name(controller)
    else {
      close(controller)
      throw Failure("cannot set up the pseudo-terminal: \(String(cString: strerror(errno)))")
    }
    let deviceName = String(cString: name)
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(controller, UInt(TIOCSWINSZ), &size)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Opened after setsid (POSIX_SPAWN_SETSID runs first), the terminal becomes the child's
    // controlling terminal; stdout and stderr share it, as in a terminal emulator.
    posix_spawn_file_actions_addopen(&actions, 0, deviceName, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(
      &attributes,
      Int16(PseudoTerminalFunctions.spawnNewSession | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid = pid_t()
    let status = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
    guard status == 0 else {
      close(controller)
      throw Failure("cannot start \(executable.path): \(String(cString: strerror(status)))")
    }
    processIdentifier = pid
    _ = fcntl(controller, F_SETFL, fcntl(controller, F_GETFL) | O_NONBLOCK)
  }

  deinit {
    if exitStatus == nil {
      kill(processIdentifier, SIGKILL)
      var status: Int32 = 0
      waitpid(processIdentifier, &status, 0)
    }
    close(controller)
  }

  /// The screen as text, invalid UTF-8 repaired.
  var text: String { String(decoding: screen, as: UTF8.self) }

  /// Types `text` (keys included), reading the screen meanwhile so that a program echoing a
  /// long paste never blocks on a full terminal.
  func type(_ text: String, timeout: TimeInterval = patience) throws {
    try send(Array(text.utf8), timeout: timeout)
  }

  func send(_ bytes: [UInt8], timeout: TimeInterval = patience) throws {
    let deadline = Date() + timeout
    var offset = 0
    while offset < bytes.count {
      var descriptor = pollfd(fd: controller, events: Int16(POLLIN | POLLOUT), revents: 0)
      _ = poll(&descriptor, 1, Self.milliseconds(until: deadline))
      if descriptor.revents & Int16(POLLIN) != 0 { readAvailable() }
      if descriptor.revents & Int16(POLLOUT) != 0 {
        let written = bytes[offset...].prefix(4096).withUnsafeBytes {
          write(controller, $0.baseAddress, $0.count)
        }
        if written > 0 {
          offset += written
        } else if errno != EAGAIN && errno != EINTR {
          throw failure("cannot type: \(String(cString: strerror(errno)))")
        }
      }
      if closed {
        throw failure("the program closed the terminal while \(bytes.count - offset) bytes were untyped")
      }
      if Date() >= deadline { throw failure("typing \(bytes.count) bytes took longer than \(timeout) s") }
    }
  }

  /// Waits until the program writes `text` after what earlier waits consumed, and returns the
  /// screen output up to and including it.
  @discardableResult
  func waitFor(_ text: String, timeout: TimeInterval = patience) throws -> String {
    let needle = Array(text.utf8)
    let deadline = Date() + timeout
    while true {
      if let end = Self.end(of: needle, in: screen, from: consumed) {
        let seen = String(decoding: screen[consumed..<end], as: UTF8.self)
        consumed = end
        return seen
      }
      if closed { throw failure("the program ended without writing \(text.debugDescription)") }
      if Date() >= deadline { throw failure("\(text.debugDescription) did not appear within \(timeout) s") }
      pump(until: deadline)
    }
  }

  /// Reads the screen for `duration` seconds and returns what appeared (for asserting that
  /// something does not happen, such as a second warning).
  func collect(for duration: TimeInterval) -> String {
    let deadline = Date() + duration
    while Date() < deadline && !closed { pump(until: deadline) }
    let seen = String(decoding: screen[consumed...], as: UTF8.self)
    consumed = screen.count
    return seen
  }

  /// Changes the terminal's size; the kernel sends the program SIGWINCH.
  func resize(columns: UInt16, rows: UInt16 = 24) {
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(controller, UInt(TIOCSWINSZ), &size)
  }

  /// Waits for the program to exit, reading what it writes meanwhile; returns its exit status
  /// (128 + the signal number when a signal ended it).
  func waitForExit(timeout: TimeInterval = patience) throws -> Int32 {
    if let exitStatus { return exitStatus }
    let deadline = Date() + timeout
    while true {
      var status: Int32 = 0
      if waitpid(processIdentifier, &status, WNOHANG) == processIdentifier {
        let signal = status & 0x7F
        let result = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        exitStatus = result
        readAvailable()
        return result
      }
      if Date() >= deadline { throw failure("the program did not exit within \(timeout) s") }
      pump(until: min(deadline, Date() + 0.05))
    }
  }

  /// Waits until the program has stopped itself (as on Ctrl-Z), reading meanwhile.
  func waitForStop(timeout: TimeInterval = patience) throws {
    let deadline = Date() + timeout
    while true {
      var status: Int32 = 0
      let result = waitpid(processIdentifier, &status, WNOHANG | WUNTRACED)
      if result == processIdentifier && status & 0xFF == 0x7F { return }
      if result == processIdentifier {
        throw failure("the program ended (status \(status)) instead of stopping")
      }
      if Date() >= deadline { throw failure("the program did not stop within \(timeout) s") }
      pump(until: min(deadline, Date() + 0.05))
    }
  }

  /// Sends the program `signal` (SIGCONT to continue it after a stop, SIGTERM to end it).
  func send(signal: Int32) {
    kill(processIdentifier, signal)
  }

  // MARK: - Reading

  private func pump(until deadline: Date) {
    if closed {
      usleep(20_000)
      return
    }
    var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
    if poll(&descriptor, 1, Self.milliseconds(until: deadline)) > 0 { readAvailable() }
  }

  private func readAvailable() {
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while !closed {
      let count = read(controller, &buffer, buffer.count)
      if count > 0 {
        screen += buffer[0..<count]
      } else if count < 0 && errno == EINTR {
        continue
      } else if count < 0 && errno == EAGAIN {
        return
      } else {
        // EIO: every holder of the terminal's other side has closed it.
        closed = true
      }
    }
  }

  private func failure(_ message: String) -> Failure {
    let tail = String(decoding: screen.suffix(600), as: UTF8.self)
    return Failure("\(message); the screen ended with:\n\(tail.debugDescription)")
  }

  private static func milliseconds(until deadline: Date) -> Int32 {
    Int32(max(0, min(deadline.timeIntervalSinceNow * 1000, 60_000)).rounded(.up))
  }

  private static func end(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, haystack.count - start >= needle.count else { return needle.isEmpty ? start : nil }
    var index = start
    while index + needle.count <= haystack.count {
      if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) {
        return index + needle.count
      }
      index += 1
    }
    return nil
  }
}
