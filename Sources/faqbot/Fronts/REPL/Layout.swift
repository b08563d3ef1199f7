extension REPL {
  /// Turns paragraphs into terminal lines no wider than the terminal, so answers stay
  /// readable at any size and never rely on the terminal's own mid-word wrapping.
  struct Layout: Sendable {
    /// Columns to fill; at least ``minimumWidth``.
    var width: Int
    var colour: Bool

    static let minimumWidth = 20

    init(width: Int, colour: Bool) {
      self.width = max(Self.minimumWidth, width)
      self.colour = colour
    }

    /// No wrapping and no colour: for text that goes to a file or another program.
    static let unwrapped = Layout(width: .max, colour: false)

    /// The text to write: every line ends with a newline.
    func render(_ paragraphs: [Paragraph]) -> String {
      var output = ""
      for paragraph in paragraphs {
        for line in lines(of: paragraph) { output += line + "\n" }
      }
      return output
    }

    /// `text` in `tone`, or as is without colour. Also used for the prompt, which wraps the
    /// escapes itself for readline.
    func paint(_ text: String, _ tone: Tone) -> String {
      guard colour, let parameters = tone.parameters, !text.isEmpty else { return text }
      return "\u{1B}[\(parameters)m\(text)\u{1B}[0m"
    }

    func lines(of paragraph: Paragraph) -> [String] {
      var prefix = Self.visible(paragraph.prefix)
      var continuation =
        paragraph.continuation.map { Self.visible($0) }
        ?? String(repeating: " ", count: Self.width(of: prefix))
      let prefixTone = paragraph.prefixTone ?? paragraph.tone
      var result: [String] = []
      // On a narrow terminal a label ("Words that weighed most: ") goes on a line of its own
      // and the text starts under it, rather than squeezing the text into a sliver.
      let text = Self.visible(paragraph.text, keepingNewlines: true)
      // A word no wider than the screen is never broken for want of room beside the prefix.
      let longestWord = text.split(whereSeparator: \.isWhitespace).map { Self.width(of: $0) }.max() ?? 0
      let needed = max(Self.narrowestText, min(longestWord, width))
      if !prefix.isEmpty, Self.width(of: prefix) + needed > width {
        let label = prefix.hasSuffix(" ") ? String(prefix.dropLast()) : prefix
        result += Self.wrap(label, first: width, rest: width).map { paint($0, prefixTone) }
        prefix = ""
      }
      if Self.width(of: continuation) + needed > width { continuation = "" }
      let hardLines = text.split(
        separator: "\n", omittingEmptySubsequences: false)
      for (index, hardLine) in hardLines.enumerated() {
        let lead = index == 0 ? prefix : continuation
        let firstRoom = max(1, width - Self.width(of: lead))
        let restRoom = max(1, width - Self.width(of: continuation))
        let wrapped = Self.wrap(String(hardLine), first: firstRoom, rest: restRoom)
        for (lineIndex, text) in wrapped.enumerated() {
          let start = index == 0 && lineIndex == 0 ? prefix : continuation
          result.append(paint(start, prefixTone) + paint(text, paragraph.tone))
        }
      }
      return result
    }

    /// Columns of text a line keeps after its prefix; a wider prefix goes on a line of its own.
    static let narrowestText = 12

    /// Greedy word wrap: `first` columns on the first line, `rest` on the others; a word
    /// longer than a whole line (a URL, a pasted token, any word at width 20) is broken hard.
    static func wrap(_ text: String, first: Int, rest: Int) -> [String] {
      var lines: [String] = []
      var current = ""
      var currentWidth = 0
      var room = first
      func finishLine() {
        lines.append(current)
        current = ""
        currentWidth = 0
        room = rest
      }
      for word in text.split(separator: " ") {
        let wordWidth = width(of: word)
        if currentWidth > 0, currentWidth + 1 + wordWidth <= room {
          current += " " + word
          currentWidth += 1 + wordWidth
          continue
        }
        if currentWidth > 0 { finishLine() }
        if wordWidth <= room {
          current = String(word)
          currentWidth = wordWidth
          continue
        }
        for character in word {
          let characterWidth = width(of: character)
          if currentWidth > 0, currentWidth + characterWidth > room { finishLine() }
          current.append(character)
          currentWidth += characterWidth
        }
      }
      if currentWidth > 0 || lines.isEmpty { lines.append(current) }
      return lines
    }

    /// Columns `text` takes on a terminal.
    static func width(of text: some StringProtocol) -> Int {
      text.reduce(0) { $0 + width(of: $1) }
    }

    /// Columns one character takes: an approximation of `wcwidth` that does not depend on the
    /// C locale (zero for combining and format characters, two for East Asian wide ones).
    static func width(of character: Character) -> Int {
      guard let scalar = character.unicodeScalars.first else { return 0 }
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .enclosingMark, .format: return 0
      default: break
      }
      if scalar.properties.isEmojiPresentation { return 2 }
      switch scalar.value {
      case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x20000...0x3FFFD:
        return 2
      default:
        return 1
      }
    }

    /// `text` safe to print: tabs become spaces and other control characters (an escape
    /// sequence pasted into a question, a stray carriage return) become U+FFFD, so echoing
    /// what someone typed can never drive the terminal.
    static func visible(_ text: String, keepingNewlines: Bool = false) -> String {
      guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
        return text
      }
      var result = ""
      result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\n" where keepingNewlines: result.unicodeScalars.append(scalar)
        case "\t": result.unicodeScalars.append(" ")
        case _ where scalar.properties.generalCategory == .control: result.unicodeScalars.append("\u{FFFD}")
        default: result.unicodeScalars.append(scalar)
        }
      }
      return result
    }
  }
}
