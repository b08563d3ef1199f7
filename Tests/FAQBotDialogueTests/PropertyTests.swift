import FAQBot
import FAQBotTestSupport
import XCTest

@testable import FAQBotDialogue

/// Properties that must hold for every input, checked on seeded random inputs (the same on
/// every run, so a failure names a reproducible case): normalisation is idempotent; answers
/// are deterministic; confidences stay in 0...1 with candidates best first; and no answer
/// ever serves a passage the knowledge builder removed.
final class PropertyTests: XCTestCase {
  var engine: Engine { DefaultEngine.shared }

  func testNormalisationIsIdempotentOnRandomUnicode() {
    var random = RandomText(seed: 1)
    let normalizer = TextNormalizer()
    for _ in 0..<2_000 {
      let text = random.unicodeString(maxLength: 24)
      let once = normalizer.words(text)
      let twice = normalizer.words(once.joined(separator: " "))
      XCTAssertEqual(twice, once, "input scalars: \(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }

  /// Found by the random test above: Foundation's diacritic folding removed U+0338 but kept the
  /// U+0369 after it, and removed that on the second pass.
  func testNormalisationIsIdempotentAfterStackedCombiningMarks() {
    let normalizer = TextNormalizer()
    for text in ["\u{668}\u{338}\u{369}nj1", "a\u{338}\u{369}b", "\u{2175}\u{364}\u{2183}\u{36C}"] {
      let once = normalizer.words(text)
      XCTAssertEqual(normalizer.words(once.joined(separator: " ")), once, text.debugDescription)
    }
  }

  func testNormalisedWordsAreNonEmptyAndHoldNoSeparators() {
    var random = RandomText(seed: 2)
    let normalizer = TextNormalizer()
    for _ in 0..<1_000 {
      let text = random.unicodeString(maxLength: 24)
      for word in normalizer.words(text) {
        XCTAssertFalse(word.isEmpty)
        XCTAssertFalse(word.contains(" "), "\(word) from \(text.debugDescription)")
      }
    }
  }

  func testConfidenceIsAProbabilityAndCandidatesAreSortedForRandomConversations() {
    var random = RandomText(seed: 3, vocabulary: vocabulary)
    for _ in 0..<60 {
      var context = ConversationContext()
      for _ in 0..<random.int(in: 1...4) {
        let question = random.question()
        let answer = engine.respond(to: question, context: &context)
        XCTAssertTrue(
          (0...1).contains(answer.confidence), "\(answer.confidence) for \(question.debugDescription)")
        XCTAssertLessThanOrEqual(answer.candidates.count, engine.configuration.candidateCount)
        for candidate in answer.candidates {
          XCTAssertTrue(
            (0...1).contains(candidate.confidence), "\(candidate) for \(question.debugDescription)")
        }
        let confidences = answer.candidates.map(\.confidence)
        XCTAssertEqual(confidences, confidences.sorted(by: >), "for \(question.debugDescription)")
        XCTAssertFalse(answer.text.isEmpty, "for \(question.debugDescription)")
      }
    }
  }

  func testTheSameConversationGivesTheSameAnswers() {
    var random = RandomText(seed: 4, vocabulary: vocabulary)
    let questions = (0..<40).map { index in index % 5 == 4 ? "tell me more" : random.question() }
    func converse() -> [Answer] {
      var context = ConversationContext()
      return questions.map { engine.respond(to: $0, context: &context) }
    }
    XCTAssertEqual(converse(), converse())
  }

  func testTrainingTwiceOnTheSamePackGivesTheSameAnswers() throws {
    var random = RandomText(seed: 5, vocabulary: vocabulary)
    let pack = IntentPack(
      intents: (0..<6).map { index in
        Intent(
          id: "intent_\(index)", kind: .faq,
          examples: (0..<8).map { _ in random.words(count: random.int(in: 2...6)) },
          answer: Reply(text: "answer \(index)"))
      })
    let knowledge = engine.resources.knowledge
    let first = Engine(pack: pack, knowledge: knowledge)
    let second = Engine(pack: pack, knowledge: knowledge)
    for _ in 0..<100 {
      let question = random.question()
      XCTAssertEqual(first.respond(to: question), second.respond(to: question), question.debugDescription)
    }
  }

  /// Asks with the removed passages themselves, with mixes of their words and the document's,
  /// and with "tell me more" after each: none of the removed texts may come back.
  func testNoAnswerContainsARemovedPassage() {
    let knowledge = engine.resources.knowledge
    let removed = knowledge.removedTexts
    XCTAssertFalse(removed.isEmpty, "the default document has removed passages to test with")
    let removedWords = removed.flatMap { $0.split(separator: " ").map(String.init) }
    var random = RandomText(seed: 6, vocabulary: vocabulary + removedWords)
    var questions = removed + removed.map { "what does it say about \($0)" }
    questions += (0..<80).map { _ in random.words(count: random.int(in: 1...12)) }
    for question in questions {
      var context = ConversationContext()
      for text in [question, "tell me more", "more", "go on"] {
        let answer = engine.respond(to: text, context: &context)
        for passage in removed {
          XCTAssertFalse(
            answer.text.contains(passage),
            "'\(passage)' served for \(text.debugDescription) after \(question)")
        }
      }
    }
  }

  /// Words from the pack's examples and the document, so random questions often match.
  private var vocabulary: [String] {
    let examples = engine.resources.pack.intents.prefix(40).flatMap { $0.examples.prefix(3) }
    let words = examples.flatMap { $0.split(separator: " ").map(String.init) }
    return Array(Set(words)).sorted()
  }
}

/// Seeded random text: Unicode strings drawn from scripts and characters that stress
/// normalisation, and questions mixing pack words, punctuation and noise.
struct RandomText {
  private var generator: SeededGenerator
  private let vocabulary: [String]

  init(seed: UInt64, vocabulary: [String] = ["ketamine"]) {
    generator = SeededGenerator(seed: seed)
    self.vocabulary = vocabulary.isEmpty ? ["ketamine"] : vocabulary
  }

  /// Ranges of scalars with case, width, compatibility, combining and apostrophe behaviour.
  static let scalarRanges: [ClosedRange<UInt32>] = [
    0x20...0x7E,  // ASCII, including the apostrophe and contractions' letters
    0xA0...0x17F,  // Latin-1 and Latin Extended-A: accents, ß, ĳ, ſ
    0x1C4...0x1CC,  // the title-case digraphs ǅ ǈ ǋ
    0x300...0x36F,  // combining marks
    0x370...0x3FF,  // Greek, with final sigma
    0x400...0x4FF,  // Cyrillic
    0x5D0...0x5EA,  // Hebrew
    0x660...0x669,  // Arabic-Indic digits
    0x1E00...0x1EFF,  // Latin Extended Additional
    0x2000...0x206F,  // general punctuation: zero-width, curly quotes, dashes
    0x2150...0x218B,  // number forms: ½, Ⅻ
    0x2460...0x24FF,  // enclosed alphanumerics: ①, ⓐ
    0x3040...0x30FF,  // kana
    0x4E00...0x4E2F,  // CJK
    0xAC00...0xAC2F,  // Hangul syllables (decompose under NFD)
    0xFB00...0xFB06,  // ligatures: ﬁ ﬂ ﬃ
    0xFF01...0xFF5E,  // fullwidth ASCII
    0x1D400...0x1D433,  // mathematical bold letters
    0x1F300...0x1F64F,  // emoji
  ]

  mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }

  mutating func unicodeString(maxLength: Int) -> String {
    var scalars = String.UnicodeScalarView()
    for _ in 0..<int(in: 0...maxLength) {
      let range = Self.scalarRanges[int(in: 0...(Self.scalarRanges.count - 1))]
      if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  mutating func words(count: Int) -> String {
    (0..<count).map { _ in vocabulary[int(in: 0...(vocabulary.count - 1))] }.joined(separator: " ")
  }

  /// Mostly pack words with punctuation, sometimes Unicode noise, empty or very long text.
  mutating func question() -> String {
    switch int(in: 0...9) {
    case 0: return unicodeString(maxLength: 40)
    case 1: return ""
    case 2: return words(count: int(in: 1...4)) + " " + unicodeString(maxLength: 8)
    case 3: return String(repeating: words(count: 3) + " ", count: int(in: 1...300))
    default:
      let punctuation = ["?", "!", "...", ",", "", "??"][int(in: 0...5)]
      return words(count: int(in: 1...10)) + punctuation
    }
  }
}
