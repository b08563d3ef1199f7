/// The eighth round's phrase patterns (issue 15), by family of phrasing.
///
/// Written from the misses of the training part of the eighth round's fresh corpus
/// (Tests/Fixtures/crisis/crisis-train-fresh.jsonl), a corpus written in one go and split
/// before the detector was run on it; its held-out part and the older held-out part were not
/// read. Before these patterns the detector caught 86.4% of the fresh training part, 88.2% of
/// its held-out part (docs/safety.md). Each pattern stands for a way of saying something: a
/// means named after "kill myself with", the surest way, the amount that stops breathing, a
/// plan to overdose, hating being alive, the urge to cut, a goodbye text, someone on a roof.
extension CrisisPatterns {
  /// Means of suicide, for "kill myself with …" (which "killing myself with work" must not be).
  static let means: Set<String> = [
    "@drugs", "@pills", "gun", "guns", "rope", "knife", "knives", "blade", "razor", "bridge", "train", "car",
    "gas", "exhaust", "belt", "cord", "poison", "bleach", "overdose", "od", "insulin", "pistol", "rifle",
    "shotgun", "noose", "cliff", "building",
  ]

  /// Words of a question about preventing or studying suicide, not of a person seeking a way.
  static let prevention: Set<String> = [
    "prevention", "prevent", "preventing", "awareness", "hotline", "statistics", "rates", "rate", "study",
    "studies", "research", "article", "reduce", "reduces", "reducing", "risk", "risks",
  ]

  static func eighthRound() -> [CrisisPattern] {
    eighthRoundMethods() + eighthRoundPassive() + eighthRoundSelfHarm() + eighthRoundOthers()
  }

  /// Ways, amounts and plans: the means named, the surest way, the amount that stops breathing.
  private static func eighthRoundMethods() -> [CrisisPattern] {
    [
      // "can i kill myself with ketamine", "could I off myself using my pills".
      p(
        .methodSeeking, "kill|off|unalive|end @self with|using|by|on", negatable: true, requiring: means,
        unless: ["work", "laughing", "laughter", "kindness", "stress", "worry", "junk", "caffeine", "sugar"]),
      // "how do people overdose on ketamine on purpose".
      p(.methodSeeking, "overdose|od|overdosing ~4 on_purpose|intentionally|deliberately"),
      // "what's the surest method of suicide", "the most reliable way to make sure i die".
      p(
        .methodSeeking,
        "surest|reliable|reliably|painless|painlessly|quickest|fastest|easiest|best|certain|foolproof|effective|guaranteed ~1 way|ways|method|methods ~5 die|suicide|dead|kill_myself|end_my_life|not_wake_up",
        unless: prevention),
      // "what amount of ketamine plus benzos would stop someone from breathing".
      p(
        .methodSeeking,
        "amount|much|many|dose|dosage|combination|combo|mix|enough ~6 stop|stops|stopping ~3 breathing|heart",
        unless: ["snoring", "apnea", "hiccups", "asthma", "anxiety", "panic", "pain", "crying"]),
      // "how much ketamine would I need to inject to not come back".
      p(
        .methodSeeking,
        "much|many|enough|dose|amount ~8 not|never|wont come_back|wake_up|wake|waking_up|waking",
        unless: ["hangover", "groggy", "tired", "late", "sleepy"]),
      // "how long can you go without eating before you die, asking for me": the reverse of
      // "asking for a friend".
      p(
        .methodSeeking, "asking for me|myself",
        requiring: ["die", "dead", "death", "kill", "lethal", "fatal", "overdose", "od", "suicide"]),
      // "OD is the plan for tonight", "my plan is to overdose on my ketamine".
      p(
        .overdose, "overdose|od|overdosing ~2 is|was the|my plan", negatable: true,
        unless: ["avoid", "prevent", "prevention", "naloxone", "narcan", "reverse", "protocol", "accidental"]),
      p(
        .overdose, "plan|planning|planned ~3 @to overdose|od", negatable: true,
        unless: ["avoid", "prevent", "prevention", "naloxone", "narcan", "reverse", "protocol", "accidental"]),
      // "I've made my decision to die".
      p(
        .explicitIdeation, "decision|decided|choice|chose|chosen @to die|kill_myself|end_my_life",
        negatable: true),
    ]
  }

  /// Hating being alive, no reason to keep going, welcoming an end that comes by itself.
  private static func eighthRoundPassive() -> [CrisisPattern] {
    [
      // "i hate being alive", "I hate existing".
      p(.passiveIdeation, "@i ~2 hate|hating|despise being_alive|existing|living $|anymore"),
      // "i dont see any reason to keep going".
      p(
        .passiveIdeation,
        "see|find|have|got ~2 reason|reasons|point @to keep_going|go_on|carry_on|keep_living|live|continue|stay_alive|be_alive|be_here",
        unlessNext: ["to", "with", "back", "there", "here"]),
      // "honestly it wouldnt bother me if tomorrow never came".
      p(.passiveIdeation, "tomorrow never came|comes|come", unlessNext: ["out"]),
      // "i dont care if the treatment kills me at this point".
      p(
        .passiveIdeation, "care if ~4 kills|killed|kill me",
        requiring: means.union(["treatment", "infusion"])
      ),
      // "i hope the ketamine just knocks me out for good".
      p(
        .passiveIdeation,
        "knock|knocks|knocked|put|puts ~1 me out|under for_good|forever|permanently|and_never_wake_up"),
      // "living feels like a punishment i didnt sign up for", "existing is torture".
      p(
        .passiveIdeation,
        "living|existing|being_alive|being_here feels|is|feel ~2 punishment|torture|prison|sentence|unbearable"
      ),
      // "waking up every day is torture".
      p(.passiveIdeation, "waking_up|wake_up ~4 torture|punishment|unbearable|nightmare"),
      // "if i got a terminal diagnosis id honestly be relieved".
      p(.passiveIdeation, "terminal ~1 diagnosis|illness|cancer ~4 relieved|relief|glad|welcome"),
      // "it wouldnt be so bad if a truck just hit me".
      p(
        .passiveIdeation, "wouldnt ~2 bad|mind if ~4 hit|hits|killed|ran_over me",
        requiring: ["truck", "car", "bus", "train", "lightning", "meteor", "asteroid", "something", "plane"]),
    ]
  }

  /// The urge to cut, punishing one's body, new scars, hitting oneself, burns one thinks of.
  private static func eighthRoundSelfHarm() -> [CrisisPattern] {
    let notSelf = cutObjects.union([
      "back", "down", "corners", "losses", "weight", "calories", "ties", "class", "school", "cake", "bangs",
    ])
    return [
      // "i need to cut, the urge is so strong".
      p(
        .selfHarm, "urge|urges|urging|craving|cravings ~3 @to cut|cutting|hurt_myself|burn_myself",
        unless: notSelf),
      p(.selfHarm, "cut|cutting ~3 urge|urges|craving|cravings", unless: notSelf),
      // "i feel like i need to punish my body physically".
      p(
        .selfHarm, "punish|punishing|punished my_body|@self ~1 physically|with_pain|by_hurting",
        unless: ["gym", "workout", "training", "exercise", "marathon", "running"]),
      p(
        .selfHarm, "punish|punishing|hurt|hurting my body",
        requiring: ["need", "want", "deserve", "urge", "have"],
        unless: ["gym", "workout", "training", "exercise", "marathon", "running", "posture", "sitting"]),
      // "i have so many scars and today i added more".
      p(
        .selfHarm, "scars|cuts ~5 added|adding|made ~1 more|new|another|fresh",
        unless: [
          "acne", "surgery", "surgical", "tattoo", "cream", "laser", "chickenpox", "cooking", "kitchen",
        ]),
      // "i keep hitting myself in the face when i get upset".
      p(
        .selfHarm, "keep|kept|started ~1 hitting|punching|slapping|scratching|banging|biting @self|my_head"),
      // "i keep thinking about burning my hands on the stove".
      p(
        .selfHarm,
        "thinking|think|thought|urge ~2 about|of burning|cutting|hurting my|myself ~1 hand|hands|arm|arms|skin|wrist|wrists|legs|thighs|$",
        unless: notSelf.union(["calories", "fat", "bridges", "money", "candle", "wood", "cd", "cds"])),
    ]
  }

  /// Someone else's goodbye, a roof and a locked door, and slang for not being here.
  private static func eighthRoundOthers() -> [CrisisPattern] {
    [
      // "my boyfriend just sent a goodbye text".
      p(
        .thirdParty,
        "@person ~3 sent|texted|wrote|left|posted|messaged|recorded ~3 goodbye|farewell|suicide ~1 text|note|message|letter|video|post",
        unless: [
          "moving", "move", "moved", "abroad", "trip", "vacation", "job", "graduation", "college", "party",
        ]),
      // "my brother is standing on the roof and wont come down".
      p(
        .thirdParty,
        "roof|ledge|bridge|balcony|edge ~4 wont|refuses|refusing|not|cant come|get|step down|back|off",
        requiring: ["@person"], unless: ["cat", "kitten", "dog", "bird", "squirrel", "ball", "kite", "drone"]),
      // "my partner went into the bathroom with a knife and locked the door".
      p(
        .thirdParty, "@person ~6 with a|the|her|his|their knife|gun|blade|razor|rope|pills",
        requiring: ["locked", "locks", "locking", "barricaded"]),
      // "my wife said tonight is the night she does it".
      p(
        .thirdParty, "night|day he|she|they does|do|doing|goes|go_through_with it", requiring: ["@person"],
        unless: plannedEvents),
      // "idw b here no more", "i dont wanna b here nomore".
      p(.slang, "idw|idwt|idwanna [@to] b|be here|alive|around ~1 anymore|no_more|nomore|$"),
      // "roping soon" (hanging).
      p(
        .slang, "roping|rope @self|soon|tonight|tn|today|tmrw|tomorrow",
        unless: [
          "calf", "cattle", "rodeo", "horse", "cowboy", "steer", "ranch", "climbing", "lasso", "skipping",
        ]),
    ]
  }
}
