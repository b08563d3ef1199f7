/// A document turned into addressable passages: the knowledge file's content.
///
/// Every passage has a readable id (`side-effects`, `side-effects.p1`, `side-effects.p1.s2`)
/// and the UTF-8 byte range of its text in the source file, so an answer can always be
/// traced back to the exact words it quotes.
public struct KnowledgeDocument: Codable, Sendable, Equatable {
  /// The version of the knowledge file format; bumped only for incompatible changes.
  public static let currentFormat = 1

  /// The format version the file was written in (``currentFormat`` for files built now).
  public var format: Int
  /// The document's title, as answers name it ("the document (…) does not cover that").
  public var title: String
  /// The source file it was built from, with its hash, to tell when it is stale.
  public var source: SourceFile
  /// The sections in document order, each with its paragraphs and sentences.
  public var sections: [Section]
  /// What the cleaning rules dropped, with the reason, so a reviewer can audit it.
  public var removed: [Removal]
  /// What the builder noticed but kept (a Markdown heading with no text under it); absent
  /// when there is nothing to say, so plain-text knowledge files keep their bytes.
  public var warnings: [String]?

  /// A document of the current format.
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
    /// The SHA-256 of the source file's bytes, in hex.
    public var sha256: String
    /// The source file's size in bytes.
    public var bytes: Int
  }

  /// A half-open UTF-8 byte range `start..<end` in the source file.
  public struct ByteRange: Codable, Sendable, Equatable {
    /// The first byte, 0-based.
    public var start: Int
    /// One past the last byte.
    public var end: Int

    /// The bytes `start..<end`.
    public init(start: Int, end: Int) {
      self.start = start
      self.end = end
    }

    /// The bytes of `range`.
    public init(_ range: Range<Int>) {
      self.init(start: range.lowerBound, end: range.upperBound)
    }
  }

  /// A heading and the paragraphs under it (the text before the first heading is a
  /// section of its own, the introduction).
  public struct Section: Codable, Sendable, Equatable {
    /// The section id, a slug of its title, unique in the document (`potential-side-effects`).
    public var id: String
    /// The heading as served (Markdown marks stripped).
    public var title: String
    /// The heading's range; a section without a heading (text before the first one) has none.
    public var range: ByteRange?
    /// Its paragraphs, in document order.
    public var paragraphs: [Paragraph]
    /// The Markdown heading level (1–6); absent in plain text and for the introduction.
    public var level: Int? = nil
  }

  /// A paragraph: a block of text between blank lines (or a Markdown block).
  public struct Paragraph: Codable, Sendable, Equatable {
    /// `<section id>.p<n>`, numbered from 1 within its section.
    public var id: String
    /// Where the paragraph is in the source file.
    public var range: ByteRange
    /// Exactly the source bytes of `range`; kept sentences only are listed below.
    public var text: String
    /// Its kept sentences, in order.
    public var sentences: [Sentence]
  }

  /// One sentence of a paragraph, the smallest passage an answer quotes.
  public struct Sentence: Codable, Sendable, Equatable {
    /// `<paragraph id>.s<n>`, numbered from 1 within its paragraph.
    public var id: String
    /// Where the sentence is in the source file (for Markdown, from the source position of its
    /// first served character to that of its last).
    public var range: ByteRange
    /// The sentence as served: whitespace collapsed, Markdown marks stripped.
    public var text: String
    /// The Markdown links of the sentence (their text is part of `text`); absent when none.
    public var links: [Link]? = nil
  }

  /// A Markdown link: its text as served and its target exactly as written (relative
  /// targets stay relative), so a front can offer it as a source link.
  public struct Link: Codable, Sendable, Equatable {
    /// The link's text, part of its sentence.
    public var text: String
    /// The target as written in the document.
    public var url: String

    /// A link of `text` to `url`.
    public init(text: String, url: String) {
      self.text = text
      self.url = url
    }
  }

  /// One passage the cleaning rules dropped.
  public struct Removal: Codable, Sendable, Equatable {
    /// Where the removed text was in the source file.
    public var range: ByteRange
    /// Why it was removed (a page artefact, a promotional link, an image …).
    public var reason: String
    /// Exactly the removed source bytes.
    public var text: String
  }
}
