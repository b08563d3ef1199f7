import FAQBotCore
import FAQBotKnowledge

/// Quoted sentences that stand on their own: a sentence that opens with a connective or a
/// pointer ("However, the drug can cause…", "These effects usually subside…") or leans on
/// the one before in its first clause ("Ketamine therapy, on the other hand, …") means little
/// without the sentence it depends on, so it is quoted with it.
struct StandaloneQuote: Sendable {
  /// Sentence id → the id of the sentence before it in the same paragraph.
  private let previous: [String: String]

  /// First words that make a sentence depend on the one before.
  static let dependentOpenings: Set<String> = [
    "however", "moreover", "furthermore", "additionally", "also", "therefore", "thus", "hence",
    "consequently",
    "nevertheless", "nonetheless", "instead", "still", "yet", "but", "and", "similarly", "likewise",
    "meanwhile", "otherwise", "this", "these", "those", "such", "it", "they", "its", "their",
  ]
  /// Connectives that, inside a sentence's first clause, point back at the sentence before.
  static let dependentPhrases: [[String]] = [
    ["on", "the", "other", "hand"], ["however"], ["in", "contrast"], ["by", "contrast"],
    ["as", "a", "result"],
    ["in", "addition"], ["for", "example"], ["for", "instance"],
  ]

  init(knowledge: KnowledgeBase) {
    var previous: [String: String] = [:]
    for section in knowledge.document.sections {
      for paragraph in section.paragraphs {
        for (before, sentence) in zip(paragraph.sentences, paragraph.sentences.dropFirst()) {
          previous[sentence.id] = before.id
        }
      }
    }
    self.previous = previous
  }

  /// `ids` with, before each dependent sentence, the sentences it depends on (at most two
  /// back), unless they are quoted already.
  func expand(_ ids: [String], knowledge: KnowledgeBase) -> [String] {
    var result: [String] = []
    for id in ids {
      var chain: [String] = []
      var current = id
      while chain.count < 2, let text = knowledge.passage(current)?.text, Self.isDependent(text),
        let before = previous[current], !result.contains(before), !ids.contains(before)
      {
        chain.insert(before, at: 0)
        current = before
      }
      result += chain
      if !result.contains(id) { result.append(id) }
    }
    return result
  }

  /// Adjectives of an "it" that points forward to its own clause ("It's *important* to speak
  /// with a professional", "It is *possible* that …"), not back at the sentence before.
  static let forwardAdjectives: Set<String> = [
    "important", "essential", "necessary", "possible", "recommended", "best", "crucial", "vital",
    "advisable", "likely", "unlikely", "unclear", "clear", "common", "rare", "safe", "unsafe", "hard",
    "difficult", "easy", "true", "worth", "helpful", "useful", "normal", "wise", "critical", "key", "good",
  ]

  /// "It's important to …", "It is possible that …": the "it" stands for the clause after it.
  static func opensWithForwardIt(_ words: [String]) -> Bool {
    guard let first = words.first else { return false }
    var next = 1
    if first == "it", words.count > 2, words[1] == "is" || words[1] == "was" {
      next = 2
    } else if first != "its" {  // "it's" as the normaliser gives it
      return false
    }
    if next < words.count, words[next] == "very" || words[next] == "also" || words[next] == "always" {
      next += 1
    }
    return next < words.count && forwardAdjectives.contains(words[next])
  }

  static func isDependent(_ text: String) -> Bool {
    let words = TextNormalizer().words(String(text.prefix(60)))
    guard let first = words.first else { return false }
    if opensWithForwardIt(words) { return false }
    if dependentOpenings.contains(first) { return true }
    let clause = Array(words.prefix(6))
    // A phrase after the first word (the first is the openings' case): a passage no longer
    // than the phrase cannot hold one there ("brew", a one-word code line, once crashed here).
    return dependentPhrases.contains { phrase in
      clause.count > phrase.count
        && (1...(clause.count - phrase.count)).contains {
          clause[$0..<$0 + phrase.count].elementsEqual(phrase)
        }
    }
  }
}
