import Foundation

extension REPL {
  /// What the session needs to know about the screen: whether to colour, and how wide it is.
  struct Terminal: Sendable {
    /// Colour only on a terminal, unless `NO_COLOR` (https://no-color.org) is set to anything
    /// non-empty or the terminal says it cannot show it.
    let colour: Bool

    init(environment: [String: String]) {
      let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
      let dumb = environment["TERM"] == "dumb"
      colour = isatty(STDOUT_FILENO) != 0 && !noColor && !dumb
    }

    /// Columns, asked of the terminal each time so that output after a resize fits the new
    /// width; 80 when neither stdout nor stdin is a terminal that knows its size.
    var width: Int {
      for descriptor in [STDOUT_FILENO, STDIN_FILENO] {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
      }
      return 80
    }

    /// Layout for output written now.
    var layout: Layout { Layout(width: width, colour: colour) }

    /// The prompt, with any colour escapes marked for readline (`\u{1}`…`\u{2}`) so that it
    /// does not count them as columns.
    var prompt: String {
      let text = "> "
      guard colour, let parameters = Tone.prompt.parameters else { return text }
      return "\u{1}\u{1B}[\(parameters)m\u{2}\(text)\u{1}\u{1B}[0m\u{2}"
    }

    /// Makes the C library (and so readline) read and show UTF-8: the locale the environment
    /// names if it is UTF-8, else C.UTF-8. Swift strings are UTF-8 whatever the locale, and in
    /// the plain C locale readline would turn é into a Meta key.
    static func useUTF8Locale() {
      setlocale(LC_CTYPE, "")
      if !isUTF8Locale { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    static var isUTF8Locale: Bool {
      guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
      let name = String(cString: codeset).lowercased()
      return name == "utf-8" || name == "utf8"
    }
  }
}
