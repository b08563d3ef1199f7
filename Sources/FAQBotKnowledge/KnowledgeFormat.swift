/// How a document is read: as plain text (blank-line blocks and heading-like lines) or as
/// Markdown (parsed by cmark-gfm, the CommonMark reference parser with GitHub's extensions).
public enum KnowledgeFormat: String, Sendable, CaseIterable {
  case text
  case markdown

  /// The format a file name implies: `.md` and `.markdown` are Markdown, anything else is
  /// plain text (the rules that read the default pack's `.txt` article).
  public init(fileName: String) {
    let lower = fileName.lowercased()
    self = lower.hasSuffix(".md") || lower.hasSuffix(".markdown") ? .markdown : .text
  }
}
