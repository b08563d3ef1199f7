import Foundation
import XCTest

/// A faqbot chat on a pseudo-terminal, in a temporary home so that history and settings of
/// the machine running the tests are neither read nor touched.
final class ChatTerminal {
  let terminal: PseudoTerminal
  /// What the prompt looks like on the screen, escapes included, so waits can find it.
  let prompt: String

  /// `faqbot arguments…` (on the small pack unless `arguments` say otherwise) with TERM=`term`,
  /// INPUTRC=/dev/null, and colour only when `colour` is true (NO_COLOR=1 otherwise).
  init(
    _ arguments: [String]? = nil, home: TemporaryHome, term: String = "xterm", colour: Bool = false,
    columns: UInt16 = 80, environment extra: [String: String] = [:]
  ) throws {
    var environment = [
      "PATH": "/usr/bin:/bin", "HOME": home.directory.path, "XDG_STATE_HOME": home.stateDirectory.path,
      "TERM": term, "INPUTRC": "/dev/null",
    ]
    if !colour { environment["NO_COLOR"] = "1" }
    environment.merge(extra) { $1 }
    terminal = try PseudoTerminal(
      executable: BinaryRunner.binary, arguments: arguments ?? ["--intents", home.smallPack.path],
      environment: environment, columns: columns)
    let bracketedPaste = term == "dumb" ? "" : "\u{1B}[?2004h"
    prompt = bracketedPaste + (colour && term != "dumb" ? "\u{1B}[1;36m> \u{1B}[0m" : "> ")
  }

  /// Waits for the banner and the first prompt; returns the banner.
  @discardableResult
  func waitForStart() throws -> String {
    try waitForPrompt()
  }

  /// Waits for the next prompt and returns what was written before it (the answer).
  @discardableResult
  func waitForPrompt() throws -> String {
    String(try terminal.waitFor(prompt).dropLast(prompt.count))
  }

  /// Types `line` and Enter, and returns everything up to the next prompt.
  @discardableResult
  func ask(_ line: String) throws -> String {
    try terminal.type(line + PseudoTerminal.Key.enter)
    return try waitForPrompt()
  }

  /// Ctrl-D on the empty line; returns the exit status.
  func leave() throws -> Int32 {
    try terminal.type(PseudoTerminal.Key.endOfFile)
    return try terminal.waitForExit()
  }
}

/// A temporary directory standing for HOME, with XDG_STATE_HOME inside it and a small intent
/// pack (three intents on the default knowledge) that trains in a fraction of a second, so
/// the terminal tests stay fast; the default pack is used where its answers matter.
final class TemporaryHome {
  let directory: URL
  var stateDirectory: URL { directory.appendingPathComponent("state") }
  var historyFile: URL { stateDirectory.appendingPathComponent("faqbot/history") }
  var smallPack: URL { directory.appendingPathComponent("pack") }

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "faqbot-repl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: smallPack, withIntermediateDirectories: true)
    try Data(Self.smallPackText.utf8).write(to: smallPack.appendingPathComponent("small.yaml"))
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  static let smallPackText = """
    intents:
      - id: what_is_ketamine
        kind: faq
        examples:
          - What is ketamine?
          - what kind of drug is ketamine
          - tell me about ketamine
        answer:
          knowledge: [understanding-ketamine.p1.s1]
        suggest:
          - What are the side effects?
          - hello
      - id: side_effects
        kind: faq
        examples:
          - What are the side effects?
          - does it have side effects
          - is it safe
        answer:
          knowledge: [potential-side-effects.p1.s2, potential-side-effects.p1.s3]
        suggest:
          - What is ketamine?
      - id: greeting
        kind: smalltalk
        examples:
          - hello
          - hi there
          - good morning
        answer:
          text: Hello! Ask me about ketamine therapy.

    """

  /// The start of the answer to "what is ketamine" (from the document).
  static let ketamineAnswer = "Ketamine is a dissociative anesthetic drug"
  /// The start of the answer to "what are the side effects".
  static let sideEffectsAnswer = "However, the drug can cause some side effects"
}
