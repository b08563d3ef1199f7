import FAQBotCore
import Foundation

/// Turns a plain-text or Markdown document into a ``KnowledgeDocument``.
///
/// The builder works on the raw UTF-8 bytes so every id keeps the exact byte range of its
/// text in the source; Windows line endings and a byte-order mark are tolerated. Sections
/// come from headings (Markdown `#` lines, or short title-like lines followed by text),
/// paragraphs from blank-line separated blocks, sentences from ``SentenceSplitter``.
/// Ids derive from each section's own heading and position within that section only, so an
/// edit in one section never renumbers another.
public struct KnowledgeBuilder: Sendable {
  private let rules = CleaningRules()
  private let splitter = SentenceSplitter()

  /// A builder; it has no settings, so one document always gives one knowledge file.
  public init() {}

  /// Builds knowledge from `bytes`, the content of a file called `fileName`, read as
  /// `format` (by default the one its extension implies, see ``KnowledgeFormat``).
  public func build(
    bytes: [UInt8], fileName: String, format: KnowledgeFormat? = nil
  ) throws(KnowledgeError) -> KnowledgeDocument {
    if Self.looksLikeUTF16(bytes) { throw KnowledgeError(file: fileName, reason: .utf16) }
    if bytes.contains(0) { throw KnowledgeError(file: fileName, reason: .binary) }
    if let offset = Self.firstInvalidUTF8Offset(in: bytes) {
      throw KnowledgeError(file: fileName, reason: .invalidUTF8(offset: offset))
    }
    if (format ?? KnowledgeFormat(fileName: fileName)) == .markdown {
      return try MarkdownReader().read(bytes: bytes, fileName: fileName)
    }
    let blocks = Self.blocks(of: bytes)
    if blocks.isEmpty { throw KnowledgeError(file: fileName, reason: .empty) }

    var removed: [KnowledgeDocument.Removal] = []
    func remove(_ range: Range<Int>, _ reason: String) {
      removed.append(.init(range: .init(range), reason: reason, text: Self.text(bytes, range)))
    }

    // The title: a leading heading-like block, else the file name.
    var rest = blocks[...]
    var title = Self.fileStem(fileName)
    if let first = rest.first,
      first.markdownLevel == 1
        || (first.markdownLevel == nil && first.isSingleLine
          && rules.looksLikeHeading(Self.text(bytes, first.range)))
    {
      title = Self.text(bytes, first.textRange)
      rest = rest.dropFirst()
    }

    // Classify blocks, dropping page artefacts first so they cannot separate a heading from its text.
    var kept: [Block] = []
    for block in rest {
      if block.isSingleLine, block.markdownLevel == nil,
        rules.isPageArtefact(Self.text(bytes, block.range), title: title)
      {
        remove(block.range, CleaningRules.Reason.pageArtefact)
      } else {
        kept.append(block)
      }
    }

    var sections: [KnowledgeDocument.Section] = []
    var usedIds: Set<String> = []
    var nextSuffix: [String: Int] = [:]
    var current = SectionDraft(id: "introduction", title: title, range: nil)
    func closeSection() {
      guard current.range != nil || !current.paragraphs.isEmpty else { return }
      usedIds.insert(current.id)
      sections.append(current.section)
    }
    let candidates = kept.map { isHeadingCandidate($0, bytes) }
    // A plain-text heading candidate with no text under it is a label, not a heading.
    let orphans = kept.indices.map { index in
      candidates[index] && kept[index].markdownLevel == nil
        && (index + 1 == kept.count || candidates[index + 1])
    }
    for (index, block) in kept.enumerated() {
      let text = Self.text(bytes, block.textRange)
      if orphans[index] {
        remove(block.range, CleaningRules.Reason.orphanLabel)
      } else if candidates[index] {
        closeSection()
        let id = Self.uniqueId(Self.slug(text), used: &usedIds, nextSuffix: &nextSuffix)
        current = SectionDraft(id: id, title: text, range: block.textRange)
      } else if text.hasSuffix(":"), index + 1 == kept.count || orphans[index + 1] {
        remove(block.range, CleaningRules.Reason.listLeadIn)
      } else {
        appendParagraphs(of: block.range, bytes: bytes, to: &current, removing: remove)
      }
    }
    closeSection()
    if sections.isEmpty { sections.append(current.section) }
    let source = KnowledgeDocument.SourceFile(
      name: fileName, sha256: SHA256.hexDigest(of: bytes), bytes: bytes.count)
    return KnowledgeDocument(
      title: title, source: source, sections: sections,
      removed: removed.sorted { $0.range.start < $1.range.start })
  }

  private func isHeadingCandidate(_ block: Block, _ bytes: [UInt8]) -> Bool {
    block.markdownLevel != nil
      || (block.isSingleLine && rules.looksLikeHeading(Self.text(bytes, block.textRange)))
  }

  /// Splits a block into sentences, drops promotional ones, and adds the rest as one
  /// paragraph per contiguous run (a dropped sentence in the middle splits the paragraph, so
  /// each paragraph's range still slices exactly its text).
  private func appendParagraphs(
    of range: Range<Int>, bytes: [UInt8], to section: inout SectionDraft,
    removing remove: (Range<Int>, String) -> Void
  ) {
    var run: [Range<Int>] = []
    func flush() {
      guard let first = run.first, let last = run.last else { return }
      section.addParagraph(range: first.lowerBound..<last.upperBound, sentences: run, bytes: bytes)
      run = []
    }
    for sentence in splitter.sentences(in: bytes, range: range) {
      if let reason = rules.promotionReason(forSentence: Self.text(bytes, sentence)) {
        remove(sentence, reason)
        flush()
      } else {
        run.append(sentence)
      }
    }
    flush()
  }

  // MARK: - Blocks

  /// A run of non-blank lines, or a Markdown heading line on its own.
  struct Block {
    var range: Range<Int>
    /// The text without Markdown heading marks.
    var textRange: Range<Int>
    var lineCount: Int
    var markdownLevel: Int?
    var isSingleLine: Bool { lineCount == 1 }
  }

  static func blocks(of bytes: [UInt8]) -> [Block] {
    var blocks: [Block] = []
    var current: Block?
    var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while lineStart <= bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
      let next = lineEnd + 1
      var lower = lineStart
      var upper = lineEnd
      while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 || bytes[lower] == 0x0D { lower += 1 }
      while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 || bytes[upper - 1] == 0x0D {
        upper -= 1
      }
      if lower == upper {
        if let block = current { blocks.append(block) }
        current = nil
      } else if let (level, textStart) = markdownHeading(bytes, lower..<upper) {
        if let block = current { blocks.append(block) }
        blocks.append(
          Block(range: lower..<upper, textRange: textStart..<upper, lineCount: 1, markdownLevel: level))
        current = nil
      } else if var block = current {
        block.range = block.range.lowerBound..<upper
        block.textRange = block.range
        block.lineCount += 1
        current = block
      } else {
        current = Block(range: lower..<upper, textRange: lower..<upper, lineCount: 1, markdownLevel: nil)
      }
      lineStart = next
    }
    if let block = current { blocks.append(block) }
    return blocks
  }

  private static func markdownHeading(_ bytes: [UInt8], _ line: Range<Int>) -> (Int, Int)? {
    var index = line.lowerBound
    while index < line.upperBound, bytes[index] == UInt8(ascii: "#") { index += 1 }
    let level = index - line.lowerBound
    guard (1...6).contains(level), index < line.upperBound, bytes[index] == 0x20 else { return nil }
    while index < line.upperBound, bytes[index] == 0x20 { index += 1 }
    return index < line.upperBound ? (level, index) : nil
  }

  // MARK: - Helpers

  static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// A readable id: lowercase ASCII letters and digits joined by single hyphens. Accents are
  /// dropped rather than turned into hyphens ("Crème Brûlée" → `creme-brulee`).
  static func slug(_ text: String) -> String {
    var slug = ""
    var pendingHyphen = false
    for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        if pendingHyphen, !slug.isEmpty { slug.append("-") }
        slug.unicodeScalars.append(scalar)
        pendingHyphen = false
      } else if scalar != "’", scalar != "'" {
        pendingHyphen = true
      }
    }
    return slug.isEmpty ? "section" : slug
  }

  /// `base`, or `base-2`, `base-3`… the first not yet used. `nextSuffix` remembers where each
  /// base's search stopped (ids are never released, so the suffixes below it stay taken);
  /// without it a document of n identical headings took O(n²) lookups.
  static func uniqueId(_ base: String, used: inout Set<String>, nextSuffix: inout [String: Int]) -> String {
    var candidate = base
    var counter = nextSuffix[base] ?? 2
    while used.contains(candidate) {
      candidate = "\(base)-\(counter)"
      counter += 1
    }
    nextSuffix[base] = counter
    used.insert(candidate)
    return candidate
  }

  static func fileStem(_ name: String) -> String {
    let base = name.split(separator: "/").last.map(String.init) ?? name
    guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
    return String(base[..<dot])
  }

  static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}

/// A section being assembled, numbering its own paragraphs and sentences.
private struct SectionDraft {
  var id: String
  var title: String
  var range: Range<Int>?
  var paragraphs: [KnowledgeDocument.Paragraph] = []

  mutating func addParagraph(range: Range<Int>, sentences: [Range<Int>], bytes: [UInt8]) {
    let paragraphId = "\(id).p\(paragraphs.count + 1)"
    let items = sentences.enumerated().map { index, sentence in
      KnowledgeDocument.Sentence(
        id: "\(paragraphId).s\(index + 1)", range: .init(sentence),
        text: KnowledgeBuilder.text(bytes, sentence))
    }
    paragraphs.append(
      .init(id: paragraphId, range: .init(range), text: KnowledgeBuilder.text(bytes, range), sentences: items)
    )
  }

  var section: KnowledgeDocument.Section {
    .init(id: id, title: title, range: range.map(KnowledgeDocument.ByteRange.init), paragraphs: paragraphs)
  }
}
