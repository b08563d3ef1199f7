// readline is a C library of process-wide state, used here from the main thread only; its
// variables are imported without concurrency annotations.
@preconcurrency import CReadline
import Foundation

extension REPL {
  /// GNU readline in its callback mode, driven by a `poll` loop over the terminal and the
  /// signal pipe.
  ///
  /// The callback mode lets Ctrl-C, Ctrl-Z and a resize be handled between two keys on this
  /// thread, where calling readline is safe, instead of inside a signal handler. readline keeps
  /// everything else: Emacs and vi keys, `~/.inputrc` (with `$if faqbot`), reverse search,
  /// bracketed paste, completion and history recall.
  struct LineEditor {
    /// What happened at the keyboard.
    enum Event: Equatable {
      /// A line was entered (several lines when a paste carried newlines).
      case line(String)
      /// Ctrl-D on an empty line, or the terminal went away.
      case endOfInput
      /// Ctrl-C: the line being typed was dropped.
      case interrupted
      /// SIGTERM, SIGHUP or SIGQUIT: leave now.
      case terminated(Int32)
    }

    private let signals: SignalPipe?
    /// Whether readline is waiting for a line (its handler installed, the terminal in its
    /// raw mode).
    private var reading = false

    /// Sets readline up once for the session; `topicNames` are completed after `/topics `.
    init(topicNames: [String]) {
      ReadlineBridge.shared.setTopicNames(topicNames)
      // For `$if faqbot` in ~/.inputrc.
      rl_readline_name = UnsafePointer(strdup("faqbot"))
      // The signal pipe handles these, between keys, instead of readline's own handlers.
      rl_catch_signals = 0
      rl_catch_sigwinch = 0
      rl_attempted_completion_function = { text, start, end in
        ReadlineBridge.complete(text, start: start, end: end)
      }
      Terminal.useUTF8Locale()
      rl_initialize()
      if !Terminal.isUTF8Locale {
        // The environment insists on a locale that is not UTF-8: still pass bytes through
        // unchanged rather than as Meta keys, for the answers are matched as UTF-8.
        _ = rl_variable_bind("input-meta", "on")
        _ = rl_variable_bind("convert-meta", "off")
        _ = rl_variable_bind("output-meta", "on")
      }
      signals = SignalPipe([SIGINT, SIGWINCH, SIGTSTP, SIGTERM, SIGHUP, SIGQUIT])
    }

    /// Waits for the next line or event, showing `prompt` if no line is being typed.
    mutating func next(prompt: String) -> Event {
      if !reading { install(prompt) }
      while true {
        if let delivery = ReadlineBridge.shared.take() {
          // The handler removed itself.
          reading = false
          fflush(nil)
          switch delivery {
          case .line(let text): return .line(text)
          case .endOfInput: return .endOfInput
          }
        }
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        if let signals { descriptors.append(pollfd(fd: signals.readEnd, events: Int16(POLLIN), revents: 0)) }
        if poll(&descriptors, nfds_t(descriptors.count), -1) < 0 {
          if errno == EINTR { continue }
          finish()
          return .endOfInput
        }
        if let signals, descriptors.count > 1, descriptors[1].revents != 0 {
          for number in signals.received() {
            switch number {
            case SIGINT:
              cancelLine()
              return .interrupted
            case SIGWINCH:
              rl_resize_terminal()
            case SIGTSTP:
              suspend(prompt: prompt)
            default:
              finish()
              return .terminated(number)
            }
          }
        }
        let input = descriptors[0].revents
        if input & Int16(POLLIN) != 0 {
          rl_callback_read_char()
        } else if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
          // The terminal is gone and there is nothing left to read from it.
          finish()
          return .endOfInput
        }
      }
    }

    private mutating func install(_ prompt: String) {
      fflush(nil)
      rl_callback_handler_install(prompt) { ReadlineBridge.receive($0) }
      reading = true
    }

    /// Ctrl-Z: gives the terminal back, stops until the shell continues the session, then
    /// shows the prompt again with the line as it was.
    private mutating func suspend(prompt: String) {
      let typed = rl_line_buffer.map { String(cString: $0) } ?? ""
      let point = rl_point
      rl_callback_sigcleanup()
      finish()
      StandardOutput.write(Array("\n".utf8))
      // SIGTSTP itself is ignored (the signal pipe hears it); SIGSTOP stops like it would.
      kill(getpid(), SIGSTOP)
      install(prompt)
      _ = rl_insert_text(typed)
      rl_point = min(point, rl_end)
      rl_redisplay()
    }

    /// Drops the line being typed (and any search or half-typed key sequence), shows `^C`
    /// after it as shells do, and leaves the cursor on a fresh line.
    private mutating func cancelLine() {
      rl_callback_sigcleanup()
      rl_free_line_state()
      rl_point = rl_end
      rl_redisplay()
      fflush(nil)
      StandardOutput.write(Array("^C".utf8))
      finish()
      StandardOutput.write(Array("\n".utf8))
    }

    /// Whether readline ends the line itself when Ctrl-D leaves: it does when it switched
    /// bracketed paste on, whose closing sequence returns the cursor to the line's start.
    var endsLineAtEndOfInput: Bool {
      guard let value = rl_variable_value("enable-bracketed-paste") else { return false }
      return String(cString: value) == "on"
    }

    /// Gives the terminal back in the state readline found it.
    mutating func finish() {
      guard reading else { return }
      rl_callback_handler_remove()
      reading = false
      fflush(nil)
    }
  }
}
