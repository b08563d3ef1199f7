import CCMark
import FAQBotCore
import Foundation

/// Reads a Markdown document through cmark-gfm (the CommonMark reference parser with GitHub's
/// table, strikethrough and autolink extensions) into a ``KnowledgeDocument``.
///
/// Hand-written Markdown rules were what failed: a sentence holding an inline link was
/// dropped as "a bare URL", images became passages, list markers and emphasis were served.
/// Here the parser decides what is text. Every heading starts a section (its level is
/// recorded); paragraphs, list items, table rows and code blocks become sentences; link text
/// stays in its sentence with the target recorded under `links`; images, raw HTML, front
/// matter and kramdown attribute lines are removed and listed with their reason; emphasis and
/// code marks are not part of the served text. A heading with nothing under it (and no
/// subsection) is kept and reported under `warnings`.
///
/// Served text is not a slice of the source (the marks are gone), so each range is the span
/// of source bytes the text came from: from its first character to its last, marks inside
/// included.
struct MarkdownReader: Sendable {
  private let splitter = SentenceSplitter()

  func read(bytes: [UInt8], fileName: String) throws(KnowledgeError) -> KnowledgeDocument {
    var walker = MarkdownWalker(source: bytes, splitter: splitter)
    let parseable = walker.blankPreamble()
    guard let root = Self.parse(parseable) else {
      throw KnowledgeError(file: fileName, reason: .unreadable("the Markdown parser failed"))
    }
    defer { cmark_node_free(root) }
    walker.walk(root)
    let title = walker.title ?? KnowledgeBuilder.fileStem(fileName)
    let sections = walker.finish(title: title)
    if sections.allSatisfy({ $0.paragraphs.isEmpty && $0.range == nil }) {
      throw KnowledgeError(file: fileName, reason: .empty)
    }
    let source = KnowledgeDocument.SourceFile(
      name: fileName, sha256: SHA256.hexDigest(of: bytes), bytes: bytes.count)
    return KnowledgeDocument(
      title: title, source: source, sections: sections,
      removed: walker.removed.sorted { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) },
      warnings: walker.warnings.isEmpty ? nil : walker.warnings)
  }

  /// The cmark-gfm tree of `bytes` with the GitHub extensions that change what is text.
  private static func parse(_ bytes: [UInt8]) -> OpaquePointer? {
    cmark_gfm_core_extensions_ensure_registered()
    guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
    defer { cmark_parser_free(parser) }
    for name in ["table", "strikethrough", "autolink"] {
      if let extensionPointer = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, extensionPointer)
      }
    }
    bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { characters in
        if let base = characters.baseAddress { cmark_parser_feed(parser, base, characters.count) }
      }
    }
    return cmark_parser_finish(parser)
  }
}

/// Reasons recorded under `removed` for what a Markdown document holds that is not text.
enum MarkdownReason {
  static let frontMatter = "front matter: YAML metadata between --- lines at the top, not text"
  static let image = "image: a picture has no text to answer with (its alt text is not served)"
  static let htmlBlock =
    "HTML block: raw HTML (an image, an anchor, a pull quote in <aside>) is markup, not text of the document"
  static let comment = "HTML comment: a note for the document's authors, not text for readers"
  static let inlineHTML = "HTML tag: raw inline HTML is markup, not text"
  static let attributeList = "kramdown attribute list: a {: …} line styles the text, it is not text"
  static let tableOfContents = "navigation: a kramdown table-of-contents placeholder ({:toc})"
  static let strikethrough = "strikethrough: text the author struck out"
}

/// Text gathered from inline nodes, each byte tied to the source offset it came from.
private struct InlineText {
  var bytes: [UInt8] = []
  var offsets: [Int] = []
  var links: [(range: Range<Int>, url: String)] = []

  mutating func append(_ literal: [UInt8], at sourceStart: Int?) {
    for (index, byte) in literal.enumerated() {
      bytes.append(byte)
      offsets.append(sourceStart.map { $0 + index } ?? (offsets.last.map { $0 + 1 } ?? 0))
    }
  }

  mutating func append(_ other: InlineText) {
    let shift = bytes.count
    bytes += other.bytes
    offsets += other.offsets
    links += other.links.map { ((shift + $0.range.lowerBound)..<(shift + $0.range.upperBound), $0.url) }
  }

  func sourceRange(_ range: Range<Int>) -> Range<Int> {
    guard !range.isEmpty else { return 0..<0 }
    let lower = offsets[range.lowerBound]
    return lower..<max(lower, offsets[range.upperBound - 1]) + 1
  }

  func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}

/// One sentence ready for a paragraph: served text, source range, links.
private struct DraftSentence {
  var text: String
  var range: Range<Int>
  var links: [KnowledgeDocument.Link]
}

/// Walks the cmark tree in document order, keeping a cursor into the source so every piece of
/// text is tied to the bytes it came from.
private struct MarkdownWalker {
  let source: [UInt8]
  let splitter: SentenceSplitter
  private var lineStarts: [Int] = [0]
  private var cursor = 0
  private(set) var removed: [KnowledgeDocument.Removal] = []
  private(set) var warnings: [String] = []
  private(set) var documentTitle: String?
  private var frontMatterTitle: String?
  /// A leading `# ` heading, else the front matter's `title:`.
  var title: String? { documentTitle ?? frontMatterTitle }
  private var drafts:
    [(id: String, title: String, range: Range<Int>?, level: Int?, paragraphs: [[DraftSentence]])] =
      []
  private var sawContent = false
  /// Whether the last paragraph added ends in a colon and may take the code block after it.
  private var lastParagraphLeadsIn = false

  init(source: [UInt8], splitter: SentenceSplitter) {
    self.source = source
    self.splitter = splitter
    for (index, byte) in source.enumerated() where byte == 0x0A { lineStarts.append(index + 1) }
    drafts.append(("introduction", "", nil, nil, []))
  }

  // MARK: Front matter

  /// The source with a byte-order mark and YAML front matter blanked out (newlines kept), so
  /// cmark sees neither and every line and column still matches the file.
  mutating func blankPreamble() -> [UInt8] {
    var bytes = source
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      for index in 0..<3 { bytes[index] = 0x20 }
      start = 3
    }
    guard let firstEnd = lineEnd(from: start), trimmedLine(start..<firstEnd) == "---" else { return bytes }
    var lineStart = firstEnd + 1
    while lineStart < source.count, let end = lineEnd(from: lineStart) {
      let line = trimmedLine(lineStart..<end)
      if line == "---" || line == "..." {
        let range = start..<end
        removed.append(.init(range: .init(range), reason: MarkdownReason.frontMatter, text: text(range)))
        for index in range where bytes[index] != 0x0A && bytes[index] != 0x0D { bytes[index] = 0x20 }
        return bytes
      }
      if line.hasPrefix("title:") {
        let value = line.dropFirst("title:".count).trimmingCharacters(
          in: CharacterSet(charactersIn: " \t\"'"))
        if !value.isEmpty { frontMatterTitle = value }
      }
      lineStart = end + 1
    }
    frontMatterTitle = nil
    return bytes  // no closing line: not front matter
  }

  private func lineEnd(from start: Int) -> Int? {
    guard start <= source.count else { return nil }
    var end = start
    while end < source.count, source[end] != 0x0A { end += 1 }
    return end
  }

  private func trimmedLine(_ range: Range<Int>) -> String {
    text(range).trimmingCharacters(in: CharacterSet(charactersIn: " \t\r"))
  }

  private func text(_ range: Range<Int>) -> String { String(decoding: source[range], as: UTF8.self) }

  // MARK: Positions

  /// The byte offset of cmark's 1-based line and column (columns count bytes).
  private func offset(line: Int32, column: Int32) -> Int {
    let lineIndex = min(max(Int(line) - 1, 0), lineStarts.count - 1)
    return min(lineStarts[lineIndex] + max(Int(column) - 1, 0), source.count)
  }

  /// The source range of a block node from its start and end positions.
  private func blockRange(_ node: OpaquePointer) -> Range<Int> {
    let start = offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node))
    var end = offset(line: cmark_node_get_end_line(node), column: cmark_node_get_end_column(node)) + 1
    end = min(max(end, start), source.count)
    var upper = end
    while upper > start, [0x0A, 0x0D, 0x20, 0x09].contains(source[upper - 1]) { upper -= 1 }
    return start..<upper
  }

  /// Where `literal` next occurs at or after the cursor (before `limit`), advancing the
  /// cursor past it; nil when the source spells it differently (an entity, an escape).
  private mutating func locate(_ literal: [UInt8], limit: Int) -> Int? {
    guard let first = literal.first else { return nil }
    var index = cursor
    let last = min(limit, source.count) - literal.count
    while index <= last {
      if source[index] == first, source[index..<(index + literal.count)].elementsEqual(literal) {
        cursor = index + literal.count
        return index
      }
      index += 1
    }
    return nil
  }

  // MARK: Blocks

  mutating func walk(_ root: OpaquePointer) {
    for child in Self.children(root) { block(child) }
  }

  private static func children(_ node: OpaquePointer) -> [OpaquePointer] {
    var result: [OpaquePointer] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      result.append(current)
      child = cmark_node_next(current)
    }
    return result
  }

  private static func type(_ node: OpaquePointer) -> String {
    cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
  }

  private static func literal(_ node: OpaquePointer) -> [UInt8] {
    guard let pointer = cmark_node_get_literal(node) else { return [] }
    return Array(String(cString: pointer).utf8)
  }

  private mutating func block(_ node: OpaquePointer) {
    let range = blockRange(node)
    cursor = max(cursor, range.lowerBound)
    switch Self.type(node) {
    case "heading":
      heading(node, range: range)
    case "paragraph":
      var text = inlines(node, limit: range.upperBound)
      if removeAttributeLines(&text, itemRange: nil) { break }
      addProse(text)
    case "list":
      var sentences: [DraftSentence] = []
      listItems(node, into: &sentences)
      addParagraph(sentences, leadsIn: false)
    case "code_block":
      code(node, range: range)
    case "html_block":
      // cmark's end position of a one-line HTML block can fall before its start: the literal,
      // found in the source, gives the exact range.
      var literal = Self.literal(node)
      while let last = literal.last, [0x0A, 0x0D, 0x20, 0x09].contains(last) { literal.removeLast() }
      let range = locate(literal, limit: source.count).map { $0..<($0 + literal.count) } ?? range
      let isComment = literal.starts(with: Array("<!--".utf8))
      removed.append(
        .init(
          range: .init(range), reason: isComment ? MarkdownReason.comment : MarkdownReason.htmlBlock,
          text: text(range)))
    case "table":
      table(node)
    case "thematic_break":
      break
    default:  // block quotes, footnote definitions: their blocks are text of the document
      for child in Self.children(node) { block(child) }
    }
    cursor = max(cursor, range.upperBound)
  }

  private mutating func heading(_ node: OpaquePointer, range: Range<Int>) {
    let text = inlines(node, limit: range.upperBound)
    let trimmed = trimmedRange(text)
    let title = text.text(trimmed)
    let level = Int(cmark_node_get_heading_level(node))
    if level == 1, documentTitle == nil, !sawContent, drafts.count == 1 {
      documentTitle = title
      return
    }
    sawContent = true
    drafts.append(("", title, trimmed.isEmpty ? range : text.sourceRange(trimmed), level, []))
    lastParagraphLeadsIn = false
  }

  private mutating func listItems(_ list: OpaquePointer, into sentences: inout [DraftSentence]) {
    for item in Self.children(list) {
      let itemRange = blockRange(item)
      cursor = max(cursor, itemRange.lowerBound)
      for child in Self.children(item) {
        let range = blockRange(child)
        cursor = max(cursor, range.lowerBound)
        switch Self.type(child) {
        case "paragraph":
          var text = inlines(child, limit: range.upperBound)
          if removeAttributeLines(&text, itemRange: itemRange) {
            cursor = max(cursor, itemRange.upperBound)
            break
          }
          sentences += split(text)
        case "list":
          listItems(child, into: &sentences)
        case "code_block":
          if let sentence = codeSentence(child, range: range) { sentences.append(sentence) }
        default:  // a block quote or a table inside an item: its sentences join the list
          let section = drafts.count - 1
          let before = drafts[section].paragraphs.count
          block(child)
          if drafts.count - 1 == section {
            sentences += drafts[section].paragraphs[before...].flatMap { $0 }
            drafts[section].paragraphs.removeSubrange(before...)
          }
        }
        cursor = max(cursor, range.upperBound)
      }
    }
  }

  private mutating func code(_ node: OpaquePointer, range: Range<Int>) {
    guard let sentence = codeSentence(node, range: range) else { return }
    // "Upgrade everything with:" and the command under it answer together.
    if lastParagraphLeadsIn, var paragraphs = drafts.last?.paragraphs, var last = paragraphs.popLast() {
      last.append(sentence)
      paragraphs.append(last)
      drafts[drafts.count - 1].paragraphs = paragraphs
      lastParagraphLeadsIn = false
    } else {
      addParagraph([sentence], leadsIn: false)
    }
  }

  private func codeSentence(_ node: OpaquePointer, range: Range<Int>) -> DraftSentence? {
    let code = String(decoding: Self.literal(node), as: UTF8.self).trimmingCharacters(
      in: CharacterSet(charactersIn: "\n\r "))
    guard !code.isEmpty, !range.isEmpty else { return nil }
    return DraftSentence(text: code, range: range, links: [])
  }

  private mutating func table(_ node: OpaquePointer) {
    var header: [String] = []
    var sentences: [DraftSentence] = []
    for row in Self.children(node) {
      let rowRange = blockRange(row)
      cursor = max(cursor, rowRange.lowerBound)
      var cells: [InlineText] = []
      for cell in Self.children(row) {
        cells.append(inlines(cell, limit: rowRange.upperBound))
      }
      let texts = cells.map { $0.text(trimmedRange($0)) }
      if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
        header = texts
        continue
      }
      // A row reads as "Header: value; Header: value", so each cell keeps its meaning.
      let parts = texts.enumerated().compactMap { index, cell -> String? in
        guard !cell.isEmpty else { return nil }
        let name = index < header.count ? header[index] : ""
        return name.isEmpty ? cell : "\(name): \(cell)"
      }
      guard !parts.isEmpty, !rowRange.isEmpty else { continue }
      let links = cells.flatMap { cell in
        cell.links.map { KnowledgeDocument.Link(text: cell.text($0.range), url: $0.url) }
      }
      sentences.append(DraftSentence(text: parts.joined(separator: "; "), range: rowRange, links: links))
      cursor = max(cursor, rowRange.upperBound)
    }
    addParagraph(sentences, leadsIn: false)
  }

  // MARK: Inlines

  private mutating func inlines(_ node: OpaquePointer, limit: Int) -> InlineText {
    var text = InlineText()
    collect(node, into: &text, limit: limit)
    return text
  }

  private mutating func collect(_ node: OpaquePointer, into text: inout InlineText, limit: Int) {
    for child in Self.children(node) {
      switch Self.type(child) {
      case "text", "code":
        let literal = Self.literal(child)
        text.append(literal, at: locate(literal, limit: limit))
      case "softbreak", "linebreak":
        text.append([0x0A], at: nil)
      case "link":
        let start = text.bytes.count
        collect(child, into: &text, limit: limit)
        let url = cmark_node_get_url(child).map { String(cString: $0) } ?? ""
        if !url.isEmpty {
          // Step past the target, so text after the link is not found inside the URL.
          _ = locate(Array(url.utf8), limit: limit)
          if start < text.bytes.count { text.links.append((start..<text.bytes.count, url)) }
        }
      case "image":
        let start = cursor
        var alt = InlineText()
        collect(child, into: &alt, limit: limit)
        let url = cmark_node_get_url(child).map { String(cString: $0) } ?? ""
        let lower = alt.offsets.first.map { max(start, $0 - 2) } ?? start
        if !url.isEmpty { _ = locate(Array(url.utf8), limit: limit) }
        if cursor < limit, source[cursor] == UInt8(ascii: ")") { cursor += 1 }
        if lower < cursor {
          removed.append(
            .init(range: .init(lower..<cursor), reason: MarkdownReason.image, text: self.text(lower..<cursor))
          )
        }
      case "html_inline":
        let literal = Self.literal(child)
        if let start = locate(literal, limit: limit) {
          let range = start..<(start + literal.count)
          let reason =
            literal.starts(with: Array("<!--".utf8)) ? MarkdownReason.comment : MarkdownReason.inlineHTML
          removed.append(.init(range: .init(range), reason: reason, text: self.text(range)))
        }
      case "strikethrough":
        var struck = InlineText()
        collect(child, into: &struck, limit: limit)
        if !struck.bytes.isEmpty {
          let range = struck.sourceRange(0..<struck.bytes.count)
          removed.append(
            .init(range: .init(range), reason: MarkdownReason.strikethrough, text: self.text(range)))
        }
      default:  // emphasis, strong, footnote references: their text, without the marks
        collect(child, into: &text, limit: limit)
      }
    }
  }

  /// Removes kramdown attribute lines (`{:toc}`, `{: .class}`) from `text`, listing each.
  /// Returns true when a `{:toc}` marks `text` (a list item) as a table-of-contents
  /// placeholder, which is then removed whole.
  private mutating func removeAttributeLines(_ text: inout InlineText, itemRange: Range<Int>?) -> Bool {
    var lines: [Range<Int>] = []
    var start = 0
    for (index, byte) in text.bytes.enumerated() where byte == 0x0A {
      lines.append(start..<index)
      start = index + 1
    }
    lines.append(start..<text.bytes.count)
    var kept = InlineText()
    var changed = false
    for line in lines {
      let content = text.text(line).trimmingCharacters(in: CharacterSet(charactersIn: " \t\r"))
      guard content.hasPrefix("{:"), content.hasSuffix("}") else {
        if !kept.bytes.isEmpty { kept.append([0x0A], at: nil) }
        var piece = InlineText()
        piece.bytes = Array(text.bytes[line])
        piece.offsets = Array(text.offsets[line])
        piece.links = text.links.filter { line.contains($0.range.lowerBound) }.map {
          (
            ($0.range.lowerBound - line.lowerBound)..<(min($0.range.upperBound, line.upperBound)
              - line.lowerBound), $0.url
          )
        }
        kept.append(piece)
        continue
      }
      changed = true
      if content.replacingOccurrences(of: " ", with: "") == "{:toc}", let itemRange {
        removed.append(
          .init(range: .init(itemRange), reason: MarkdownReason.tableOfContents, text: self.text(itemRange)))
        return true
      }
      let range = text.sourceRange(line)
      removed.append(.init(range: .init(range), reason: MarkdownReason.attributeList, text: self.text(range)))
    }
    if changed { text = kept }
    return text.bytes.allSatisfy { [0x0A, 0x20, 0x09, 0x0D].contains($0) }
  }

  private func trimmedRange(_ text: InlineText) -> Range<Int> {
    var lower = 0
    var upper = text.bytes.count
    while lower < upper, [0x0A, 0x20, 0x09, 0x0D].contains(text.bytes[lower]) { lower += 1 }
    while upper > lower, [0x0A, 0x20, 0x09, 0x0D].contains(text.bytes[upper - 1]) { upper -= 1 }
    return lower..<upper
  }

  // MARK: Sentences and paragraphs

  private func split(_ text: InlineText) -> [DraftSentence] {
    splitter.sentences(in: text.bytes, range: 0..<text.bytes.count).map { range in
      let links = text.links.filter { $0.range.overlaps(range) }.map {
        KnowledgeDocument.Link(text: text.text($0.range), url: $0.url)
      }
      return DraftSentence(text: text.text(range), range: text.sourceRange(range), links: links)
    }
  }

  /// A paragraph of prose. The plain-text promotion rules do not apply: they guess at links
  /// that a web page lost, while in Markdown a link is explicit, kept and recorded, and a
  /// sentence without one sends the reader nowhere (the rules misread "tabs, links, caveats").
  private mutating func addProse(_ text: InlineText) {
    let sentences = split(text)
    addParagraph(sentences, leadsIn: sentences.last?.text.hasSuffix(":") ?? false)
  }

  private mutating func addParagraph(_ sentences: [DraftSentence], leadsIn: Bool) {
    lastParagraphLeadsIn = leadsIn
    guard !sentences.isEmpty else { return }
    sawContent = true
    drafts[drafts.count - 1].paragraphs.append(sentences)
  }

  // MARK: Sections

  mutating func finish(title: String) -> [KnowledgeDocument.Section] {
    var usedIds: Set<String> = []
    var nextSuffix: [String: Int] = [:]
    var sections: [KnowledgeDocument.Section] = []
    for (index, draft) in drafts.enumerated() {
      if index == 0, draft.paragraphs.isEmpty { continue }
      let id =
        index == 0
        ? "introduction"
        : KnowledgeBuilder.uniqueId(
          KnowledgeBuilder.slug(draft.title), used: &usedIds, nextSuffix: &nextSuffix)
      if index == 0 { usedIds.insert(id) }
      let hasSubsection =
        index + 1 < drafts.count && (drafts[index + 1].level ?? 0) > (draft.level ?? 0)
      if index > 0, draft.paragraphs.isEmpty, !hasSubsection {
        let line = (lineStarts.lastIndex { $0 <= (draft.range?.lowerBound ?? 0) } ?? 0) + 1
        warnings.append("line \(line): the heading \"\(draft.title)\" (section \(id)) has no text under it")
      }
      let paragraphs = draft.paragraphs.enumerated().map { number, sentences in
        paragraph(sentences, id: "\(id).p\(number + 1)")
      }
      sections.append(
        .init(
          id: id, title: index == 0 ? title : draft.title,
          range: draft.range.map(KnowledgeDocument.ByteRange.init),
          paragraphs: paragraphs, level: draft.level))
    }
    if sections.isEmpty {
      sections.append(.init(id: "introduction", title: title, range: nil, paragraphs: []))
    }
    return sections
  }

  /// A paragraph's text joins its sentences: prose with a space or its line break, list items
  /// and table rows with "; " when they carry no closing punctuation, so they read apart.
  private func paragraph(_ sentences: [DraftSentence], id: String) -> KnowledgeDocument.Paragraph {
    var text = ""
    for (index, sentence) in sentences.enumerated() {
      if index > 0 {
        let previous = sentences[index - 1]
        let gap = source[
          previous.range.upperBound..<max(previous.range.upperBound, sentence.range.lowerBound)]
        let ends = previous.text.last.map { ".!?:;".contains($0) } ?? true
        text += ends ? (gap.contains(0x0A) ? "\n" : " ") : "; "
      }
      text += sentence.text
    }
    let lower = sentences.map(\.range.lowerBound).min() ?? 0
    let upper = sentences.map(\.range.upperBound).max() ?? lower
    let items = sentences.enumerated().map { index, sentence in
      KnowledgeDocument.Sentence(
        id: "\(id).s\(index + 1)", range: .init(sentence.range), text: sentence.text,
        links: sentence.links.isEmpty ? nil : sentence.links)
    }
    return .init(id: id, range: .init(lower..<upper), text: text, sentences: items)
  }
}
