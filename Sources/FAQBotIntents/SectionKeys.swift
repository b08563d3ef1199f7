import FAQBotCore
import FAQBotKnowledge
import Foundation

/// The words and sentences most particular to each section of a document (TF-IDF over its
/// sections), from which ``PackDraft`` drafts example questions: a section's own vocabulary
/// is what tells its intent apart from its neighbours.
struct SectionKeys {
  private let sections: [KnowledgeDocument.Section]
  /// Per section: content stem → count.
  private let counts: [[String: Int]]
  /// Stem → how many sections hold it.
  private let sectionFrequency: [String: Int]
  /// Stem → the surface word seen most for it.
  private let surface: [String: String]

  private static let normalizer = TextNormalizer()
  private static let stemmer = EnglishStemmer()

  init(sections: [KnowledgeDocument.Section]) {
    self.sections = sections
    var counts: [[String: Int]] = []
    var frequency: [String: Int] = [:]
    var surfaceCounts: [String: [String: Int]] = [:]
    for section in sections {
      var sectionCounts: [String: Int] = [:]
      let text = ([section.title] + section.paragraphs.flatMap { $0.sentences.map(\.text) }).joined(
        separator: " ")
      for word in Self.normalizer.words(DraftText.plain(text)) {
        guard let stem = Self.contentStem(word) else { continue }
        sectionCounts[stem, default: 0] += 1
        surfaceCounts[stem, default: [:]][word, default: 0] += 1
      }
      for stem in sectionCounts.keys { frequency[stem, default: 0] += 1 }
      counts.append(sectionCounts)
    }
    self.counts = counts
    sectionFrequency = frequency
    surface = surfaceCounts.mapValues { words in
      words.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
    }
  }

  /// A stem worth counting: not a function word, not a number, at least three letters.
  static func contentStem(_ word: String) -> String? {
    guard word.count >= 3, word.contains(where: \.isLetter) else { return nil }
    let stem = stemmer.stem(word)
    return WordLists.stopStems.contains(stem) ? nil : stem
  }

  private func weight(_ stem: String, in index: Int) -> Double {
    let count = Double(counts[index][stem] ?? 0)
    let frequency = Double(sectionFrequency[stem] ?? 1)
    return (1 + log(count)) * log(1 + Double(sections.count) / frequency)
  }

  /// The `count` words that weigh most in section `index`, as written in the document.
  func keyWords(of index: Int, count: Int) -> [String] {
    counts[index].keys.map { ($0, weight($0, in: index)) }
      .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
      .prefix(count).compactMap { surface[$0.0] }
  }

  /// The `count` sentences of section `index` whose words weigh most (per word, so long
  /// sentences are not favoured), in document order; sentences of 4 to 40 words only.
  func keySentences(of index: Int, count: Int) -> [String] {
    let sentences = sections[index].paragraphs.flatMap(\.sentences).map { DraftText.plain($0.text) }
    let scored = sentences.enumerated().compactMap { position, text -> (Int, Double)? in
      let words = Self.normalizer.words(text)
      guard (4...40).contains(words.count) else { return nil }
      let stems = words.compactMap(Self.contentStem)
      guard !stems.isEmpty else { return nil }
      let total = Set(stems).reduce(0) { $0 + weight($1, in: index) }
      return (position, total / Double(words.count).squareRoot())
    }
    let best = scored.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(count).map(\.0).sorted()
    return best.map { sentences[$0] }
  }
}

/// Text helpers for the draft: Markdown marks removed, YAML and JSON quoting.
enum DraftText {
  /// `text` without Markdown's code, emphasis and link marks, with straight quotes.
  static func plain(_ text: String) -> String {
    var result = text
    // [label](target) → label
    if let links = try? NSRegularExpression(pattern: #"!?\[([^\]]*)\]\([^)]*\)"#) {
      result = links.stringByReplacingMatches(
        in: result, range: NSRange(result.startIndex..., in: result), withTemplate: "$1")
    }
    result = result.replacingOccurrences(of: "`", with: "")
    result = result.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
    for (curly, straight) in [("\u{2018}", "'"), ("\u{2019}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\"")] {
      result = result.replacingOccurrences(of: curly, with: straight)
    }
    return result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// A sentence cut to its first 20 words, without a final full stop.
  static func shortened(_ sentence: String) -> String {
    let words = sentence.split(separator: " ")
    var text = words.prefix(20).joined(separator: " ")
    while let last = text.last, ".:;,".contains(last) { text.removeLast() }
    return text
  }

  /// A YAML double-quoted scalar (the escapes YAML shares with JSON).
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 {
          result += String(format: "\\u%04X", scalar.value)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  static func evalLine(question: String, intent: String?) -> String {
    "{\"question\": \(quoted(question)), \"intent\": \(intent.map(quoted) ?? "null")}"
  }
}
