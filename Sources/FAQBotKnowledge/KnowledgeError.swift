/// Why a document could not become a knowledge file; each message names the file.
public struct KnowledgeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, for tests and callers that act on it; `description` words it.
  public enum Reason: Sendable, Equatable {
    case unreadable(String)
    case empty
    case binary
    /// UTF-16 text (a byte-order mark, or a zero byte beside every ASCII letter): what some
    /// Windows editors save, which is text, not binary, and only needs saving as UTF-8.
    case utf16
    case invalidUTF8(offset: Int)
    case invalidKnowledgeFile(String)
  }

  /// The file the error is about, as the user named it.
  public var file: String
  /// What is wrong with it.
  public var reason: Reason

  /// An error about `file`.
  public init(file: String, reason: Reason) {
    self.file = file
    self.reason = reason
  }

  /// The message shown to the user: the file, then what is wrong and what to do.
  public var description: String {
    switch reason {
    case .unreadable(let detail): "\(file): cannot read the document: \(detail)"
    case .empty: "\(file): the document is empty (no text to build knowledge from)"
    case .binary:
      "\(file): the document looks binary (it contains NUL bytes); give a plain text or Markdown file"
    case .utf16:
      "\(file): the document is UTF-16 text; save it as UTF-8 (\"UTF-8\" in the editor's encoding menu, or "
        + "`iconv -f UTF-16 -t UTF-8`)"
    case .invalidUTF8(let offset):
      "\(file): the document is not valid UTF-8 (first bad byte at offset \(offset))"
    case .invalidKnowledgeFile(let detail): "\(file): not a valid knowledge file: \(detail)"
    }
  }
}
