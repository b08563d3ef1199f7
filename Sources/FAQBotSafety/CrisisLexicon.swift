import FAQBotCore

/// The word lists ``CrisisText`` uses to undo spellings and spacing. Everything here is a word
/// the phrase patterns use, so a correction can only ever move a message towards a pattern
/// the message nearly matched, never invent a new topic.
enum CrisisLexicon {
  /// Words that letters in a row or a word split in two may join into ("k m s", "sui cide").
  static let joinable: Set<String> = [
    "kms", "kys", "kill", "die", "suicide", "suicidal", "myself", "himself", "herself", "yourself",
    "themselves", "overdose", "overdosed", "sewerslide", "sewersliding", "unalive", "unaliving", "selfharm",
    "selfharming",
    "selfdelete", "selfdeleting", "ctb", "od", "cut", "cutting", "dead", "death", "anymore",
  ]

  /// Known spellings and abbreviations, mapped to the word the patterns use.
  static let variants: WordTable<String> = [
    "kil": "kill", "kll": "kill", "kilk": "kill", "kiil": "kill", "killl": "kill", "kiling": "killing",
    "kllin": "killing", "di": "die", "dye": "die", "dei": "die", "ded": "dead",
    "wanna": "wanna", "wana": "wanna", "wnna": "wanna", "wannna": "wanna", "wamt": "want", "wan": "want",
    "mysel": "myself", "myslf": "myself", "meself": "myself", "myseld": "myself", "msyelf": "myself",
    "suicde": "suicide", "sucide": "suicide", "suiside": "suicide", "suiscide": "suicide",
    "sucidal": "suicidal",
    "suicidel": "suicidal", "suisidal": "suicidal", "suacidal": "suicidal",
    "sewerslid": "sewerslide", "sewersliding": "sewerslide", "sewerslided": "sewerslide",
    "seweslide": "sewerslide",
    "unaliving": "unalive", "unalived": "unalive", "unalives": "unalive",
    "selfharming": "selfharm", "selfharmed": "selfharm", "selfharms": "selfharm",
    "selfdeleting": "selfdelete",
    "selfdeleted": "selfdelete",
    "overdosing": "overdosed", "overdoses": "overdosed", "oded": "overdosed", "odeed": "overdosed",
    "oding": "overdosed", "ovedosed": "overdosed", "overdoesd": "overdosed", "overdosd": "overdosed",
    "roomate": "roommate", "rommate": "roommate", "freind": "friend", "frend": "friend", "frnd": "friend",
    "gf": "girlfriend", "bf": "boyfriend", "bff": "friend", "bestie": "friend", "mum": "mom", "mam": "mom",
    "ur": "your", "u": "you", "cuz": "because", "bc": "because", "smth": "something", "sth": "something",
    "n": "and", "meny": "many", "mant": "many", "mutch": "much", "muc": "much", "nd": "and", "tho": "though",
    "rly": "really", "anymor": "anymore", "nomore": "anymore",
    "agen": "again", "agian": "again", "agin": "again",
    "wont": "wont", "wouldnt": "wouldnt", "lfe": "life", "liife": "life", "livin": "living",
    "tabs": "pills", "tablets": "pills", "pill": "pills", "meds": "pills", "medication": "pills",
    "medications": "pills", "capsules": "pills", "benzos": "pills", "painkillers": "pills",
    // "ld50" reads as "ldso" once its digits are taken for letters; "od'ing" as "overdoseing".
    "ldso": "ld50", "overdoseing": "overdosed",
  ]

  /// Words a stretched spelling may stand for ("dieee", "kmsss", "deadd").
  static let stretchable: Set<String> = joinable.union(fuzzyTargetSet).union([
    "die", "dead", "ded", "kms", "kys", "done", "tired", "pills", "end", "wanna", "help", "please", "over",
  ])

  /// Pattern words a starred word may stand for ("d*e", "k*ll", "s*icide").
  static let starTargets: [String] = [
    "die", "dead", "kill", "kms", "killing", "myself", "suicide", "suicidal", "overdose", "unalive", "cut",
  ]

  /// Pattern words that people write without their final g ("killin").
  static let gDropped: Set<String> = [
    "killing", "talking", "thinking", "cutting", "ending", "living", "hurting", "saying", "planning", "going",
    "breathing", "existing", "harming", "trying",
  ]

  /// Pattern words a misspelling may be corrected to, longest first: five letters or more
  /// within one edit (two for ``twoEditTargets``), four letters only for swapped neighbours.
  static let fuzzyTargets: [String] = [
    "themselves", "overdosed", "sewerslide", "girlfriend", "boyfriend", "suicidal", "breathing", "overdose",
    "suicide", "anymore", "himself", "herself", "yourself", "roommate", "myself", "friend", "unalive",
    "want", "life", "kill",
  ]

  static let fuzzyTargetSet = Set(fuzzyTargets)

  /// A fuzzy target with what ``CrisisText/corrected(_:)`` compares, computed once.
  struct FuzzyTarget: Sendable {
    let word: String
    let bytes: [UInt8]
    let first: UInt8
    let second: UInt8
    /// Edits allowed: 0 means swapped neighbours only.
    let allowed: Int
    /// The letters it holds (``letterMask(_:)``).
    let letters: UInt32
  }

  /// One bit per letter a word holds (a to z; any other byte sets bit 26). Within `k` edits a
  /// word and a target differ by at most `k` letters either way, so comparing the masks rules
  /// out most targets before any distance is computed.
  static func letterMask(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var mask: UInt32 = 0
    for byte in bytes {
      let letter = byte &- 0x61
      mask |= letter < 26 ? 1 << UInt32(letter) : 1 << 26
    }
    return mask
  }

  /// Fuzzy targets by the length of the words that may be corrected to them (within two
  /// letters of their own), in ``fuzzyTargets`` order.
  static let fuzzyIndex: [[FuzzyTarget]] = {
    var index = [[FuzzyTarget]](repeating: [], count: 16)
    for word in fuzzyTargets {
      let bytes = Array(word.utf8)
      let allowed = twoEditTargets.contains(word) ? 2 : (bytes.count >= 5 ? 1 : 0)
      let target = FuzzyTarget(
        word: word, bytes: bytes, first: bytes[0], second: bytes[1], allowed: allowed,
        letters: letterMask(bytes))
      for length in max(0, bytes.count - 2)...min(15, bytes.count + 2) { index[length].append(target) }
    }
    return index
  }()

  /// Every non-empty prefix of a ``joinable`` word: the only words a split word can start with.
  static let joinablePrefixes = WordSet(
    joinable.reduce(into: Set<String>()) { prefixes, word in
      for length in 1...word.count { prefixes.insert(String(word.prefix(length))) }
    }
    .sorted())

  /// ``known`` and ``fuzzyTargetSet`` together: a word in either is never corrected, and
  /// this asks once instead of twice.
  static let neverCorrected = WordSet(known.union(fuzzyTargetSet).sorted())

  /// The long, distinctive targets that may be two edits away ("suicidle"); everything else
  /// is one edit at most, because two edits from "breathing" is "breaking".
  static let twoEditTargets: Set<String> = [
    "suicide", "suicidal", "overdose", "overdosed", "sewerslide", "themselves",
  ]

  /// Everyday words one edit from a pattern word, which are never corrected.
  static let known: Set<String> = [
    "fiend", "lief", "anyone", "friends", "kills", "killer", "killed", "wants", "wanted", "lives",
    "lifes", "selves", "themself", "mysql", "suited", "suites", "overdone", "suicides", "overdoses",
    "overdosing",
  ]
}
