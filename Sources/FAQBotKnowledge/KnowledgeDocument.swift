/// A document turned into addressable passages: the knowledge file's content.
///
/// Every passage has a readable id (`side-effects`, `side-effects.p1`, `side-effects.p1.s2`)
/// and the UTF-8 byte range of its text in the source file, so an answer can always be
/// traced back to the exact words it quotes.
public struct KnowledgeDocument: Codable, Sendable, Equatable {
  /// The version of the knowledge file format; bumped only for incompatible changes.
  public static let currentFormat = 1

  public var format: Int
  public var title: String
  public var source: SourceFile
  public var sections: [Section]
  /// What the cleaning rules dropped, with the reason, so a reviewer can audit it.
  public var removed: [Removal]
  /// What the builder noticed but kept (a Markdown heading with no text under it); absent
  /// when there is nothing to say, so plain-text knowledge files keep their bytes.
  public var warnings: [String]?

  public init(
    title: String, source: SourceFile, sections: [Section], removed: [Removal], warnings: [String]? = nil
  ) {
    self.format = Self.currentFormat
    self.title = title
    self.source = source
    self.sections = sections
    self.removed = removed
    self.warnings = warnings
  }

  /// Where the document came from.
  public struct SourceFile: Codable, Sendable, Equatable {
    /// The file name only (no directory), so rebuilding elsewhere gives the same bytes.
    public var name: String
    public var sha256: String
    public var bytes: Int
  }

  /// A half-open UTF-8 byte range `start..<end` in the source file.
  public struct ByteRange: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
      self.start = start
      self.end = end
    }

    public init(_ range: Range<Int>) {
      self.init(start: range.lowerBound, end: range.upperBound)
    }
  }

  public struct Section: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    /// The heading's range; a section without a heading (text before the first one) has none.
    public var range: ByteRange?
    public var paragraphs: [Paragraph]
    /// The Markdown heading level (1–6); absent in plain text and for the introduction.
    public var level: Int? = nil
  }

  public struct Paragraph: Codable, Sendable, Equatable {
    public var id: String
    public var range: ByteRange
    /// Exactly the source bytes of `range`; kept sentences only are listed below.
    public var text: String
    public var sentences: [Sentence]
  }

  public struct Sentence: Codable, Sendable, Equatable {
    public var id: String
    public var range: ByteRange
    public var text: String
    /// The Markdown links of the sentence (their text is part of `text`); absent when none.
    public var links: [Link]? = nil
  }

  /// A Markdown link: its text as served and its target exactly as written (relative
  /// targets stay relative), so a front can offer it as a source link.
  public struct Link: Codable, Sendable, Equatable {
    public var text: String
    public var url: String

    public init(text: String, url: String) {
      self.text = text
      self.url = url
    }
  }

  /// One passage the cleaning rules dropped.
  public struct Removal: Codable, Sendable, Equatable {
    public var range: ByteRange
    public var reason: String
    public var text: String
  }
}
