/// The Snowball English stemmer, also known as Porter2.
///
/// Matching compares the words of a user's question with the words of intents and knowledge entries.
/// People write "reset", "resets", "resetting"; "connection", "connections", "connected". Stemming maps
/// such forms of one word to a shared key so that they match each other, without a dictionary.
///
/// Porter2 is Martin Porter's revision of his 1980 algorithm, maintained by the Snowball project
/// as its English stemmer. This implementation follows the current Snowball `english.sbl` (which
/// also has "-ogist" -> "-og" and the longer list of R1 prefixes in `markRegions`) and is
/// checked word for word against the project's 42,649-word reference vocabulary
/// (`Tests/Fixtures/snowball-english`). Stems are matching keys, not dictionary words:
/// "happy" becomes "happi" and "generous" stays "generous".
///
/// The stemmer works on ASCII bytes and keeps no state, so one value can be shared freely.
public struct EnglishStemmer: Sendable {
  /// Creates a stemmer. It has no configuration; the algorithm is fixed.
  public init() {}

  /// Stems one lowercase word. Words containing non-ASCII letters or digits-only are returned unchanged.
  public func stem(_ word: String) -> String {
    // Decide on the UTF-8 view first so that words left alone cost no allocation.
    guard Self.isStemmable(word.utf8) else { return word }
    var stemmer = Porter2Word(Array(word.utf8))
    guard stemmer.run() else { return word }
    return String(decoding: stemmer.result(), as: UTF8.self)
  }

  /// Same on raw lowercase ASCII bytes, for the hot path (avoid String allocations where you can).
  public func stem(bytes: [UInt8]) -> [UInt8] {
    guard Self.isStemmable(bytes) else { return bytes }
    var stemmer = Porter2Word(bytes)
    guard stemmer.run() else { return bytes }
    return stemmer.result()
  }

  /// Whether the algorithm should run at all: words of one or two characters are kept as they are
  /// (as Snowball does), non-ASCII words are outside what the English rules describe, and
  /// numbers have no suffixes to strip.
  private static func isStemmable<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
    var count = 0
    var allDigits = true
    for byte in bytes {
      if byte >= 0x80 { return false }
      if byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") { allDigits = false }
      count += 1
    }
    return count > 2 && !allDigits
  }
}

/// One word being stemmed, with the state the Porter2 steps share.
///
/// The word only ever shrinks or keeps its length (each replacement is no longer than the text it
/// replaces), so the steps edit `bytes` in place and track the logical length in `count`; the
/// array is trimmed once at the end.
private struct Porter2Word {
  /// The word; only `bytes[0..<count]` is meaningful.
  private var bytes: [UInt8]
  /// The current length of the word.
  private var count: Int
  /// Start of region R1: the part after the first non-vowel that follows a vowel.
  private var r1 = 0
  /// Start of region R2: R1 computed again inside R1.
  private var r2 = 0
  /// Whether the prelude turned some `y` into `Y`, which the postlude must undo.
  private var foundY = false
  /// Whether anything changed, so callers can hand back the input untouched.
  private var changed = false

  init(_ word: [UInt8]) {
    bytes = word
    count = word.count
  }

  /// The stemmed word. Trims the buffer in place rather than copying it.
  mutating func result() -> [UInt8] {
    bytes.removeLast(bytes.count - count)
    return bytes
  }

  /// Runs the whole algorithm. Returns whether the word changed.
  mutating func run() -> Bool {
    if applyException() { return changed }
    prelude()
    markRegions()
    step1a()
    step1b()
    step1c()
    step2()
    step3()
    step4()
    step5()
    postlude()
    return changed
  }

  // MARK: - Character classes

  /// Porter2 vowels. `Y` (a consonant-like `y`, marked by the prelude) is deliberately absent.
  @inline(__always)
  private static func isVowel(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
      UInt8(ascii: "y"):
      return true
    default:
      return false
    }
  }

  /// Letters that may end a short syllable: anything but a vowel, `w`, `x` or `Y`.
  @inline(__always)
  private static func isShortSyllableEnd(_ c: UInt8) -> Bool {
    !isVowel(c) && c != UInt8(ascii: "w") && c != UInt8(ascii: "x") && c != UInt8(ascii: "Y")
  }

  /// Letters that may precede a deletable `-li` in step 2.
  @inline(__always)
  private static func isValidLiEnding(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
      UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      return true
    default:
      return false
    }
  }

  /// Consonants whose doubling is undone after `-ed`/`-ing` removal ("hopping" -> "hop").
  @inline(__always)
  private static func isUndoubled(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
      UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      return true
    default:
      return false
    }
  }

  // MARK: - Byte helpers

  /// Whether the word currently ends with `suffix`.
  @inline(__always)
  private func endsWith(_ suffix: StaticString) -> Bool {
    let length = suffix.utf8CodeUnitCount
    guard length <= count else { return false }
    let text = suffix.utf8Start
    let start = count - length
    for offset in 0..<length where bytes[start + offset] != text[offset] {
      return false
    }
    return true
  }

  /// Whether `text` occurs in the word at `position`.
  @inline(__always)
  private func has(_ text: StaticString, at position: Int) -> Bool {
    let length = text.utf8CodeUnitCount
    guard position >= 0, position + length <= count else { return false }
    let chars = text.utf8Start
    for offset in 0..<length where bytes[position + offset] != chars[offset] {
      return false
    }
    return true
  }

  /// Whether the whole word is exactly `text`.
  @inline(__always)
  private func isExactly(_ text: StaticString) -> Bool {
    count == text.utf8CodeUnitCount && has(text, at: 0)
  }

  /// Whether `bytes[0..<end]` contains a vowel.
  @inline(__always)
  private func hasVowel(before end: Int) -> Bool {
    var index = 0
    while index < end {
      if Self.isVowel(bytes[index]) { return true }
      index += 1
    }
    return false
  }

  /// Drops the last `length` characters.
  @inline(__always)
  private mutating func removeSuffix(_ length: Int) {
    count -= length
    changed = true
  }

  /// Replaces the last `length` characters with `replacement`, which is never longer in practice;
  /// the array grows only if it ever were.
  @inline(__always)
  private mutating func replaceSuffix(_ length: Int, with replacement: StaticString) {
    count -= length
    let chars = replacement.utf8Start
    for offset in 0..<replacement.utf8CodeUnitCount {
      append(chars[offset])
    }
    changed = true
  }

  /// Appends one character.
  @inline(__always)
  private mutating func append(_ c: UInt8) {
    if count < bytes.count {
      bytes[count] = c
    } else {
      bytes.append(c)
    }
    count += 1
    changed = true
  }

  /// A short syllable ends just before `end`: consonant-vowel-consonant where the last consonant
  /// is not `w`, `x` or `Y`, or vowel-consonant at the very start of the word. Snowball adds
  /// "past" so that "pasted" and "pasting" go back to "paste".
  private func endsWithShortSyllable(at end: Int) -> Bool {
    if end >= 3, Self.isShortSyllableEnd(bytes[end - 1]), Self.isVowel(bytes[end - 2]),
      !Self.isVowel(bytes[end - 3])
    {
      return true
    }
    if end == 2, !Self.isVowel(bytes[1]), Self.isVowel(bytes[0]) {
      return true
    }
    return has("past", at: end - 4)
  }

  // MARK: - Exceptions, prelude and regions

  /// Whole words that the rules would get wrong. Returns true when the word was one of them.
  ///
  /// "dying", "lying" and "tying" are listed for clarity; step 1b's "Xying" rule gives the same
  /// result and also covers "vying". The invariant words are not plurals or adverbs.
  private mutating func applyException() -> Bool {
    switch count {
    case 3:
      return isExactly("sky")
    case 4:
      if isExactly("skis") || isExactly("idly") {
        removeSuffix(1)
        return true
      }
      if isExactly("ugly") || isExactly("only") {
        replaceSuffix(1, with: "i")
        return true
      }
      return isExactly("news") || isExactly("howe") || isExactly("bias")
    case 5:
      if isExactly("skies") {
        replaceSuffix(3, with: "y")
        return true
      }
      if isExactly("dying") || isExactly("lying") || isExactly("tying") {
        replaceSuffix(4, with: "ie")
        return true
      }
      if isExactly("early") {
        replaceSuffix(1, with: "i")
        return true
      }
      return isExactly("atlas") || isExactly("andes")
    case 6:
      if isExactly("gently") || isExactly("singly") {
        removeSuffix(1)
        return true
      }
      return isExactly("cosmos")
    default:
      return false
    }
  }

  /// Drops one leading apostrophe and marks consonant-like `y` as `Y`: a `y` at the start of the
  /// word or right after a vowel ("youth", "saying"). Later steps treat `Y` as a consonant.
  private mutating func prelude() {
    if count > 0, bytes[0] == UInt8(ascii: "'") {
      bytes.removeFirst()
      count -= 1
      changed = true
    }
    guard count > 0 else { return }
    if bytes[0] == UInt8(ascii: "y") {
      bytes[0] = UInt8(ascii: "Y")
      foundY = true
    }
    // Left to right, so a `y` after a just-marked `Y` stays a vowel ("ayy" -> "aYy").
    var index = 1
    while index < count {
      if bytes[index] == UInt8(ascii: "y"), Self.isVowel(bytes[index - 1]) {
        bytes[index] = UInt8(ascii: "Y")
        foundY = true
      }
      index += 1
    }
  }

  /// The position just past the first non-vowel that follows a vowel, searching from `start`.
  private func regionStart(from start: Int) -> Int? {
    var index = start
    while index < count, !Self.isVowel(bytes[index]) { index += 1 }
    guard index < count else { return nil }
    index += 1
    while index < count, Self.isVowel(bytes[index]) { index += 1 }
    guard index < count else { return nil }
    return index + 1
  }

  /// Sets R1 and R2. A few word families keep their common start out of R1 so that, for example,
  /// "generous", "general" and "generate" are not all cut down to "gener". Porter2 began with
  /// "gener", "commun" and "arsen"; current Snowball adds "past", "univers", "later", "emerg",
  /// "organ" and "inter", and the reference vocabulary expects all of them.
  private mutating func markRegions() {
    r1 = fixedR1Prefix() ?? regionStart(from: 0) ?? count
    r2 = regionStart(from: r1) ?? count
  }

  /// The length of a prefix that defines R1 on its own, if the word has one.
  private func fixedR1Prefix() -> Int? {
    guard count >= 4 else { return nil }
    switch bytes[0] {
    case UInt8(ascii: "a"): return has("arsen", at: 0) ? 5 : nil  // arsenic/arsenal
    case UInt8(ascii: "c"): return has("commun", at: 0) ? 6 : nil  // communism/community
    case UInt8(ascii: "e"): return has("emerg", at: 0) ? 5 : nil  // emerge/emergency
    case UInt8(ascii: "g"): return has("gener", at: 0) ? 5 : nil  // generate/generous
    case UInt8(ascii: "i"): return has("inter", at: 0) ? 5 : nil  // intern/internal/interval
    case UInt8(ascii: "l"): return has("later", at: 0) ? 5 : nil  // later/lateral
    case UInt8(ascii: "o"): return has("organ", at: 0) ? 5 : nil  // organ/organic
    case UInt8(ascii: "p"): return has("past", at: 0) ? 4 : nil  // past/paste
    case UInt8(ascii: "u"): return has("univers", at: 0) ? 7 : nil  // universe/university
    default: return nil
    }
  }

  // MARK: - Steps

  /// Possessives and plurals: "'s", "sses" -> "ss", "ies" -> "i" (or "ie" for "ties"), and a
  /// final "s" when an earlier vowel shows it is a plural ("gas" and "this" keep theirs).
  private mutating func step1a() {
    if endsWith("'s'") {
      removeSuffix(3)
    } else if endsWith("'s") {
      removeSuffix(2)
    } else if endsWith("'") {
      removeSuffix(1)
    }

    guard count > 0, bytes[count - 1] == UInt8(ascii: "s") || bytes[count - 1] == UInt8(ascii: "d")
    else { return }
    if endsWith("sses") {
      removeSuffix(2)
    } else if endsWith("ies") || endsWith("ied") {
      // "cries" -> "cri", but "ties" -> "tie": keep at least two letters before "i".
      removeSuffix(count - 3 >= 2 ? 2 : 1)
    } else if endsWith("us") || endsWith("ss") || bytes[count - 1] != UInt8(ascii: "s") {
      return
    } else if count >= 2, hasVowel(before: count - 2) {
      // The vowel must come before the letter preceding "s".
      removeSuffix(1)
    }
  }

  /// "-eed", "-ed", "-ing" and their "-ly" forms.
  private mutating func step1b() {
    if endsWith("eedly") {
      stripEed(suffixLength: 5)
    } else if endsWith("eed") {
      stripEed(suffixLength: 3)
    } else if endsWith("ingly") {
      stripVerbEnding(at: count - 5)
    } else if endsWith("edly") {
      stripVerbEnding(at: count - 4)
    } else if endsWith("ing") {
      stripIng()
    } else if endsWith("ed") {
      stripVerbEnding(at: count - 2)
    }
  }

  /// "agreed" -> "agree" when "-eed" is in R1; "proceed", "exceed" and "succeed" are left alone.
  private mutating func stripEed(suffixLength: Int) {
    let start = count - suffixLength
    if (start == 4 && (has("proc", at: 0) || has("succ", at: 0))) || (start == 3 && has("exc", at: 0)) {
      return
    }
    if start >= r1 {
      // The suffix begins with "ee", so keeping two characters replaces it with "ee".
      removeSuffix(suffixLength - 2)
    }
  }

  /// "-ing" with its exceptional cases: "dying" -> "die" (a consonant plus "ying" is the whole
  /// word), and "inning", "outing", "canning", "herring", "earring", "evening" stay as they are.
  private mutating func stripIng() {
    let start = count - 3
    if start == 2, bytes[1] == UInt8(ascii: "y"), !Self.isVowel(bytes[0]) {
      replaceSuffix(4, with: "ie")
      return
    }
    switch start {
    case 3:
      if has("inn", at: 0) || has("out", at: 0) { return }
    case 4:
      if has("cann", at: 0) || has("herr", at: 0) || has("earr", at: 0) || has("even", at: 0) {
        return
      }
    default:
      break
    }
    stripVerbEnding(at: start)
  }

  /// Removes "-ed", "-edly", "-ing" or "-ingly" starting at `start` when the rest has a vowel, then
  /// tidies the stem: "luxuriat" -> "luxuriate", "hopp" -> "hop", "hop" (short) -> "hope".
  private mutating func stripVerbEnding(at start: Int) {
    guard hasVowel(before: start) else { return }
    removeSuffix(count - start)
    if endsWith("at") || endsWith("bl") || endsWith("iz") {
      append(UInt8(ascii: "e"))
      return
    }
    if count >= 2, bytes[count - 1] == bytes[count - 2], Self.isUndoubled(bytes[count - 1]) {
      // A double after a single leading "a", "e" or "o" is part of the word: "add", "ebb", "odd".
      let first = bytes[0]
      let isWholeWord =
        count == 3
        && (first == UInt8(ascii: "a") || first == UInt8(ascii: "e") || first == UInt8(ascii: "o"))
      if !isWholeWord { removeSuffix(1) }
      return
    }
    if count == r1, endsWithShortSyllable(at: count) {
      append(UInt8(ascii: "e"))
    }
  }

  /// Final "y" after a consonant (not the first letter) becomes "i": "happy" -> "happi", "cry" ->
  /// "cri", but "by" and "say" stay.
  private mutating func step1c() {
    guard count >= 3 else { return }
    let last = bytes[count - 1]
    guard last == UInt8(ascii: "y") || last == UInt8(ascii: "Y"), !Self.isVowel(bytes[count - 2]) else {
      return
    }
    bytes[count - 1] = UInt8(ascii: "i")
    changed = true
  }

  /// Whether a suffix of `length` characters lies in R1.
  @inline(__always)
  private func inR1(_ length: Int) -> Bool { count - length >= r1 }

  /// Whether a suffix of `length` characters lies in R2.
  @inline(__always)
  private func inR2(_ length: Int) -> Bool { count - length >= r2 }

  /// Derivational suffixes in R1 mapped to simpler ones: "-ational" -> "-ate", "-fulness" ->
  /// "-ful", "-li" after a valid letter removed, and so on. Only the longest matching suffix counts.
  private mutating func step2() {
    guard count > 0 else { return }
    switch bytes[count - 1] {
    case UInt8(ascii: "l"):
      if endsWith("ational") {
        if inR1(7) { replaceSuffix(5, with: "e") }
      } else if endsWith("tional") {
        if inR1(6) { removeSuffix(2) }
      }
    case UInt8(ascii: "i"):
      step2EndingInI()
    case UInt8(ascii: "r"):
      if endsWith("izer") {
        if inR1(4) { removeSuffix(1) }
      } else if endsWith("ator") {
        if inR1(4) { replaceSuffix(2, with: "e") }
      }
    case UInt8(ascii: "n"):
      if endsWith("ization") {
        if inR1(7) { replaceSuffix(5, with: "e") }
      } else if endsWith("ation") {
        if inR1(5) { replaceSuffix(3, with: "e") }
      }
    case UInt8(ascii: "m"):
      if endsWith("alism"), inR1(5) { removeSuffix(3) }
    case UInt8(ascii: "s"):
      // "-fulness" -> "-ful", "-ousness" -> "-ous", "-iveness" -> "-ive".
      if endsWith("fulness") || endsWith("ousness") || endsWith("iveness") {
        if inR1(7) { removeSuffix(4) }
      }
    case UInt8(ascii: "t"):
      if endsWith("ogist"), inR1(5) { removeSuffix(3) }
    default:
      break
    }
  }

  /// Step 2 for suffixes ending in "i", longest first.
  private mutating func step2EndingInI() {
    if endsWith("biliti") {
      if inR1(6) { replaceSuffix(5, with: "le") }
    } else if endsWith("lessli") {
      if inR1(6) { removeSuffix(2) }
    } else if endsWith("aliti") {
      if inR1(5) { removeSuffix(3) }
    } else if endsWith("iviti") {
      if inR1(5) { replaceSuffix(3, with: "e") }
    } else if endsWith("entli") || endsWith("fulli") || endsWith("ousli") {
      if inR1(5) { removeSuffix(2) }
    } else if endsWith("abli") {
      if inR1(4) { replaceSuffix(1, with: "e") }
    } else if endsWith("alli") {
      if inR1(4) { removeSuffix(2) }
    } else if endsWith("enci") || endsWith("anci") {
      if inR1(4) { replaceSuffix(1, with: "e") }
    } else if endsWith("bli") {
      if inR1(3) { replaceSuffix(1, with: "e") }
    } else if endsWith("ogi") {
      // "-logi" -> "-log": "biology" -> "biolog".
      if inR1(3), count >= 4, bytes[count - 4] == UInt8(ascii: "l") { removeSuffix(1) }
    } else if endsWith("li") {
      if inR1(2), count >= 3, Self.isValidLiEnding(bytes[count - 3]) { removeSuffix(2) }
    }
  }

  /// More derivational suffixes in R1: "-ational" -> "-ate", "-alize" -> "-al", "-ical" -> "-ic",
  /// "-ful"/"-ness" removed, "-ative" removed in R2.
  private mutating func step3() {
    guard count > 0 else { return }
    switch bytes[count - 1] {
    case UInt8(ascii: "l"):
      if endsWith("ational") {
        if inR1(7) { replaceSuffix(5, with: "e") }
      } else if endsWith("tional") {
        if inR1(6) { removeSuffix(2) }
      } else if endsWith("ical") {
        if inR1(4) { removeSuffix(2) }
      } else if endsWith("ful") {
        if inR1(3) { removeSuffix(3) }
      }
    case UInt8(ascii: "e"):
      if endsWith("alize") || endsWith("icate") {
        if inR1(5) { removeSuffix(3) }
      } else if endsWith("ative") {
        if inR1(5), inR2(5) { removeSuffix(5) }
      }
    case UInt8(ascii: "i"):
      if endsWith("iciti"), inR1(5) { removeSuffix(3) }
    case UInt8(ascii: "s"):
      if endsWith("ness"), inR1(4) { removeSuffix(4) }
    default:
      break
    }
  }

  /// Removes remaining suffixes that lie in R2 ("-ance", "-ment", "-ize", ...), and "-ion" after
  /// "s" or "t". Only the longest matching suffix counts.
  private mutating func step4() {
    guard count > 0 else { return }
    var length = 0
    switch bytes[count - 1] {
    case UInt8(ascii: "l"):
      if endsWith("al") { length = 2 }
    case UInt8(ascii: "e"):
      if endsWith("ance") || endsWith("ence") || endsWith("able") || endsWith("ible") {
        length = 4
      } else if endsWith("ate") || endsWith("ive") || endsWith("ize") {
        length = 3
      }
    case UInt8(ascii: "r"):
      if endsWith("er") { length = 2 }
    case UInt8(ascii: "c"):
      if endsWith("ic") { length = 2 }
    case UInt8(ascii: "t"):
      if endsWith("ement") {
        length = 5
      } else if endsWith("ment") {
        length = 4
      } else if endsWith("ent") || endsWith("ant") {
        length = 3
      }
    case UInt8(ascii: "m"):
      if endsWith("ism") { length = 3 }
    case UInt8(ascii: "i"):
      if endsWith("iti") { length = 3 }
    case UInt8(ascii: "s"):
      if endsWith("ous") { length = 3 }
    case UInt8(ascii: "n"):
      if endsWith("ion"), inR2(3), count >= 4,
        bytes[count - 4] == UInt8(ascii: "s") || bytes[count - 4] == UInt8(ascii: "t")
      {
        removeSuffix(3)
      }
      return
    default:
      return
    }
    if length > 0, inR2(length) { removeSuffix(length) }
  }

  /// A final "e" in R2, or in R1 when not after a short syllable; a final "ll" in R2 loses one "l".
  private mutating func step5() {
    guard count > 0 else { return }
    let position = count - 1
    switch bytes[position] {
    case UInt8(ascii: "e"):
      if position >= r2 || (position >= r1 && !endsWithShortSyllable(at: position)) {
        removeSuffix(1)
      }
    case UInt8(ascii: "l"):
      if position >= r2, position >= 1, bytes[position - 1] == UInt8(ascii: "l") {
        removeSuffix(1)
      }
    default:
      break
    }
  }

  /// Turns the `Y` marks from the prelude back into `y`.
  private mutating func postlude() {
    guard foundY else { return }
    for index in 0..<count where bytes[index] == UInt8(ascii: "Y") {
      bytes[index] = UInt8(ascii: "y")
    }
  }
}
