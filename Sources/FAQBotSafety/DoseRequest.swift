/// Whether a message asks how much of a medicine or drug to take, or how often: faqbot never
/// gives dosing, in any pack, even when the document states a dose (a leaflet's "200 to 400 mg
/// every 4 to 6 hours" quoted to someone asking "how many mg can I take a day" is dosing
/// advice without the person's situation).
///
/// The default pack declines dosing with an intent of its own and triggers; this is the
/// engine's floor under every pack: a knowledge-only pack, a draft made without `--health`, a
/// team's pack, and the phrasings the default pack's triggers miss ("how much ketamine do they
/// give you", "can I microdose ketamine at home"). It reads the words as typed, lowercase
/// (``TextAnalyzer/Analysis/surface``), and is narrow on purpose: "how much does it cost",
/// "how many sessions", "how many people take it" are not dose requests.
public enum DoseRequest {
  /// Words that are about a dose whatever surrounds them.
  static let doseWords: Set<String> = [
    "dose", "doses", "dosage", "dosages", "dosing", "dosed", "microdose", "microdoses", "microdosing",
    "microdosed",
  ]

  /// A dose's units: a dose only beside taking or a medicine ("how many mg can I take"), not in
  /// a conversion ("kilograms to milligrams").
  static let units: Set<String> = ["mg", "milligram", "milligrams", "mcg", "microgram", "micrograms"]

  /// Taking, giving, using.
  static let taking: Set<String> = [
    "take", "taking", "took", "give", "giving", "given", "use", "using", "have", "swallow", "inject", "snort",
  ]

  /// Pieces a medicine comes in, which "how many" counts as a dose ("how many pills").
  static let pieces: Set<String> = [
    "pills", "pill", "tablets", "tablet", "capsules", "capsule", "lozenges", "troches", "puffs", "sprays",
    "spray", "inhaler", "inhalers", "patch", "patches",
  ]

  /// What is taken: medicines in general words, and by name.
  static let medicines: Set<String> = Set([
    "meds", "medication", "medications", "medicine", "medicines",
  ]).union(pieces).union(CrisisPatterns.classes["drugs"] ?? []).subtracting(["drugs", "prescription"])

  /// Words after "how much ketamine" that make it a question about something else ("how much
  /// ketamine therapy costs", "how many ketamine sessions").
  static let notAmounts: Set<String> = [
    "therapy", "treatment", "treatments", "clinic", "clinics", "session", "sessions", "infusion", "infusions",
    "cost", "costs", "research", "study", "studies", "people", "patients", "insurance", "trials", "use",
    "users",
  ]

  /// What "take" is followed by when it is not taking a medicine ("take *out* books", "take
  /// *part*", "take a *break*", "take *classes*").
  static let notTaken: Set<String> = [
    "out", "off", "part", "over", "up", "place", "back", "turns", "care", "break", "breaks", "notes",
    "photos", "pictures", "classes", "class", "lessons", "lesson", "courses", "course", "books", "book",
    "walks", "walk", "trips", "trip", "holidays", "vacation", "time", "shifts", "calls",
  ]

  /// What "use" may be followed by and still ask about a dose ("how often can I use *it*").
  static let pronouns: Set<String> = ["it", "them", "this", "that", "these", "those", "one"]

  static let determiners: Set<String> = [
    "of", "the", "my", "your", "a", "an", "this", "that", "these", "those", "their",
  ]

  /// The words of `words` that ask for a dose, or nil when they ask for none.
  public static func match(in words: [String]) -> String? {
    // Whether the message is about taking or a medicine: looked up only for the few messages
    // with a unit or "amount" (this runs on every message of every pack).
    var aboutTakingMemo: Bool?
    func aboutTaking() -> Bool {
      if let known = aboutTakingMemo { return known }
      let value = words.contains { taking.contains($0) || medicines.contains($0) }
      aboutTakingMemo = value
      return value
    }
    for (index, word) in words.enumerated() {
      // Every dose word and unit starts with "d" or "m", and an amount with a digit: the
      // other words of a message are not hashed (this was 2.7% of the CLINC150 JSON run).
      switch word.utf8.first {
      case UInt8(ascii: "d"), UInt8(ascii: "m"):
        if doseWords.contains(word) { return word }
        if units.contains(word), aboutTaking() { return word }
      case .some(UInt8(ascii: "0")...UInt8(ascii: "9")):
        if isAmountWithUnit(word), aboutTaking() { return word }
      default: break
      }
      // "how much ketamine do they give you", "how many pills", "how many xanax can I take"
      // (not "how many antidepressants have you tried": by name, "how many" needs taking).
      if word == "how", index + 1 < words.count, words[index + 1] == "much" || words[index + 1] == "many" {
        var next = index + 2
        while next < words.count, determiners.contains(words[next]) { next += 1 }
        if next < words.count, medicines.contains(words[next]),
          next + 1 >= words.count || !notAmounts.contains(words[next + 1]),
          words[index + 1] == "much" || pieces.contains(words[next])
            || words[(next + 1)...].prefix(4).contains(where: taking.contains)
        {
          return words[index...next].joined(separator: " ")
        }
      }
      // "how often should I take it", not "how often can I take out books" or "use the study
      // rooms": "take" with a particle or an everyday object is another verb, and "use" asks
      // about a dose only of a medicine or of what was named before ("use it").
      if word == "how", index + 2 < words.count, words[index + 1] == "often" {
        let rest = words[(index + 2)...].prefix(4)
        if let at = rest.firstIndex(where: { ["take", "use", "dose", "redose"].contains($0) }) {
          let verb = words[at]
          var object = at + 1
          while object < words.count, determiners.contains(words[object]) { object += 1 }
          let taken = object < words.count ? words[object] : nil
          let isDose: Bool
          switch verb {
          case "take": isDose = taken.map { !notTaken.contains($0) } ?? true
          case "use":
            // The medicine may come after a word of its own ("the *nasal* spray").
            let named = words[object...].prefix(2)
            isDose =
              taken == nil || pronouns.contains(taken ?? "") || named.contains(where: medicines.contains)
          default: isDose = true
          }
          if isDose { return "how often … \(verb)" }
        }
      }
      // "what's a safe amount", "the maximum amount of ibuprofen".
      if word == "amount" || word == "amounts", index > 0, aboutTaking(),
        [
          "safe", "right", "correct", "recommended", "maximum", "max", "usual", "normal", "starting",
          "typical",
          "daily",
        ].contains(words[index - 1])
      {
        return "\(words[index - 1]) \(word)"
      }
    }
    return nil
  }

  /// "100mg", "2.5mg", "50mcg": a number with a dose's unit.
  static func isAmountWithUnit(_ word: String) -> Bool {
    for unit in ["mg", "mcg"] where word.hasSuffix(unit) {
      let number = word.dropLast(unit.count)
      if !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." }) { return true }
    }
    return false
  }
}
