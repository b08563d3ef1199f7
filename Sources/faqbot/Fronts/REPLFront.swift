import FAQBot
import Foundation

/// The interactive front for people, on GNU readline: a banner, a prompt, answers wrapped to
/// the terminal, `/commands`, history and completion (issue 4).
///
/// It only presents: every answer comes from the engine through ``REPL/Session``, and
/// ``REPL/LineEditor`` owns the terminal while a line is typed.
struct REPLFront {
  let engine: Engine
  let packName: String
  let useHistory: Bool
  /// `chat --watch`: rebuilt engines to switch to, or why a rebuild failed.
  var watcher: PackWatcher? = nil

  func run() {
    StandardOutput.ignoreBrokenPipes()
    let environment = ProcessInfo.processInfo.environment
    let terminal = REPL.Terminal(environment: environment)
    var history = makeHistory(environment: environment)
    var session = REPL.Session(engine: engine, historyNote: history.note)
    var editor = REPL.LineEditor(topicNames: session.topics.keys)
    write(
      REPL.Session.banner(packName: packName, disclaimer: engine.resources.pack.settings.shownDisclaimer),
      terminal)

    while true {
      switch editor.next(prompt: terminal.prompt) {
      case .line(let text):
        if let update = watcher?.take() {
          switch update {
          case .reloaded(let engine):
            session = REPL.Session(engine: engine, historyNote: history.note)
            let count = engine.resources.pack.intents.count
            write(
              [REPL.Paragraph(text: "pack reloaded (\(Plural.count(count, "intent")))", tone: .note)],
              terminal)
          case .failed(let errors):
            write(
              [
                REPL.Paragraph(
                  text: "pack not reloaded; still answering with the previous one:", tone: .warning)
              ] + errors.split(separator: "\n").map { REPL.Paragraph(text: String($0), tone: .warning) },
              terminal)
          }
        }
        let lines = REPL.lines(of: text)
        for line in lines {
          let reply = session.respond(to: line, echoing: lines.count > 1)
          if let entry = reply.historyEntry {
            history.record(entry)
            session.historyNote = history.note
          }
          if reply.quits { return }
          write(reply.paragraphs + [.blank], terminal)
        }
      case .interrupted:
        continue
      case .endOfInput:
        // Ctrl-D leaves the cursor after the prompt; end the line so the shell's prompt is clean.
        if !editor.endsLineAtEndOfInput { StandardOutput.write(Array("\n".utf8)) }
        return
      case .terminated(let signal):
        exit(128 + signal)
      }
    }
  }

  private func makeHistory(environment: [String: String]) -> REPL.History {
    guard useHistory else { return REPL.History() }
    switch REPL.History.standardPath(environment: environment) {
    case .success(let path): return REPL.History(path: path)
    case .failure(let problem): return REPL.History(unavailable: problem.reason)
    }
  }

  private func write(_ paragraphs: [REPL.Paragraph], _ terminal: REPL.Terminal) {
    StandardOutput.write(Array(terminal.layout.render(paragraphs).utf8))
  }
}
