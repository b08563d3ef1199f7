/// The eleventh round's phrase patterns (issue 15), by family of phrasing.
///
/// Written from the misses of the training part of the eleventh round's fresh corpus
/// (Tests/Fixtures/crisis/crisis-train-eleventh.jsonl), written in one go by a helper who had
/// read neither the detector nor the earlier sets, and split before the detector was run on
/// it; its held-out part and the earlier held-out parts were not read. Before these patterns
/// the detector caught 83.3% of that training part (docs/safety.md). Each pattern stands for
/// a way of saying something, not for one message: the only way left, a way out that is
/// permanent, a fall one would not survive, pills until none are left, being a waste of air,
/// hoping the plane goes down, marks hidden or made on purpose, someone giving things away.
extension CrisisPatterns {
  /// Things people give away before they die, or ask someone to look after.
  static let belongings: Set<String> = [
    "dog", "cat", "pet", "pets", "jewelry", "jewellery", "belongings", "things", "stuff", "possessions",
    "guns", "gun", "ring", "watch", "books", "clothes", "savings", "car", "guitar", "plants",
  ]

  /// Words of a move, a trip or a clear-out: giving things away for those is no goodbye.
  static let departures: Set<String> = [
    "moving", "move", "moved", "abroad", "trip", "vacation", "holiday", "travelling", "traveling", "college",
    "university", "goodwill", "charity", "donate", "donated", "donating", "declutter", "decluttering",
    "downsizing", "yard", "sale", "baby", "wedding", "christmas", "birthday", "leave", "maternity",
    "paternity",
  ]

  /// Words that make "finish it" or "what I started" about an attempt on one's life.
  static let attemptWords: Set<String> = [
    "killed", "kill", "suicide", "attempt", "attempted", "die", "overdose", "od",
  ]

  static func eleventhRound() -> [CrisisPattern] {
    eleventhRoundIdeation() + eleventhRoundMethods() + eleventhRoundSelfHarm() + eleventhRoundOthers()
  }

  /// The only way left, a plan to finish it, a will for after saturday, a wish not to exist.
  private static func eleventhRoundIdeation() -> [CrisisPattern] {
    [
      // "suicide is the only option left for me", "dying seems like the only way out".
      p(
        .explicitIdeation,
        "suicide|death|dying|killing_myself|ending_it|ending_my_life is|seems|feels|looks ~2 only|last|best option|way|answer|choice|solution|way_out|exit",
        unless: research),
      // "i almost killed myself yesterday and im going to finish it today".
      p(
        .explicitIdeation, "going|gonna|will|plan|planning @to finish it|the_job|what_i_started",
        requiring: attemptWords),
      // "i made my will yesterday … i wont need anything after saturday".
      p(
        .explicitIdeation,
        "made|wrote|written|writing|finished|did|done my will ~14 wont|never need|needing|be_needing ~1 anything|it|them|money ~2 after|anymore|where",
        unless: departures),
      // "my plan is to walk into the ocean tonight".
      p(
        .explicitIdeation, "walk|walking|swim|swimming into|out_into the ocean|sea|lake|river",
        requiring: ["plan", "tonight", "never", "forever", "goodbye", "end", "done"]),
      // "i feel like im taking up oxygen someone else deserves", "im a waste of space".
      p(
        .passiveIdeation, "@i ~3 waste|wasting|taking_up|using_up|stealing ~2 oxygen|air|space",
        unless: [
          "closet", "garage", "storage", "disk", "drive", "room", "desk", "apartment", "phone", "memory",
          "fridge",
          "shelf", "server", "suitcase", "luggage", "bag", "conditioning", "conditioner", "ac", "fryer",
          "purifier",
          "couch", "sofa", "bed", "seat", "car",
        ]),
      // "i hope the plane crashes honestly", "i hope something hits me on the way to work".
      p(
        .passiveIdeation,
        "hope|hoping|wish|pray|praying [that] the|my|our plane|flight|car|bus|train crashes|crash|goes_down|derails",
        negatable: true),
      p(
        .passiveIdeation,
        "hope|hoping|wish|pray|praying ~1 something|someone|a_car|a_bus|a_truck|a_train|lightning hits|hit|kills|runs_over me",
        negatable: true),
      // "if i got hit by a bus id be relieved".
      p(
        .passiveIdeation,
        "if @i ~2 got|get|was|were hit|killed|run_over by ~3 bus|car|truck|train ~4 relieved|relief|fine|glad|wouldnt_mind|happy|grateful|ok|okay|wouldnt_care"
      ),
      // "if i didnt wake up tomorrow that would be fine by me".
      p(
        .passiveIdeation,
        "didnt|dont|never|not|wouldnt wake_up|wake ~5 fine_by_me|wouldnt_mind|relieved|a_relief|ok_with_that|okay_with_that|wouldnt_care|dont_care"
      ),
      // "every morning i wake up disappointed that i woke up at all".
      p(
        .passiveIdeation,
        "disappointed|sad|upset ~3 @i woke_up|wake_up ~1 at_all|$|every_morning|each_morning|this_morning"),
      p(
        .passiveIdeation,
        "disappointed|sad|upset|angry|mad ~3 @i ~1 still_alive|survived_again|survived_the_night"),
      // "i just wish i could go to sleep and not come back".
      p(
        .passiveIdeation, "sleep ~3 not|never|and_not|and_never come_back|wake_up|wake",
        unlessNext: ["until", "till", "til", "early", "before", "at", "for"],
        requiring: ["wish", "want", "wanna", "hope", "pray", "praying"]),
      // "i keep praying that god takes me".
      p(
        .passiveIdeation,
        "pray|praying|prayed|wish|hope|hoping|begging|beg|asking|please ~4 god|jesus|lord|universe take|takes|to_take|would_take me",
        unlessNext: ["to", "back", "there", "through"]),
      // "i just want to fade away and stop being a person", "id love to just never exist again".
      p(
        .passiveIdeation,
        "want|wanna|wish|love|rather|prefer|like [to] [just] never|not|stop exist|existing|be_alive|being_alive"
      ),
      p(.passiveIdeation, "stop|quit being ~1 a_person|human|alive|me $|anymore"),
      p(
        .passiveIdeation,
        "fade|disappear|vanish away ~2 and ~1 stop_being|never_exist|not_exist|never_come_back|stop_existing"),
    ]
  }

  /// A way out that is permanent, a fall one would not survive, a gas that kills.
  private static func eleventhRoundMethods() -> [CrisisPattern] {
    [
      // "help me find a way out, a permanent one", "is there a way out that doesnt hurt".
      p(
        .methodSeeking,
        "way|exit out ~4 permanent|permanently|painless|doesnt_hurt|wont_hurt|for_good|forever|of_this_life|of_life",
        unless: [
          "escape", "maze", "building", "contract", "lease", "debt", "parking", "airport", "mall", "cave",
          "job",
          "work", "relationship", "marriage", "town", "city", "country",
        ]),
      p(.methodSeeking, "permanent|painless|final way_out|exit", unless: research),
      // "high enough that someone wouldnt survive the fall", "would i survive if i jumped".
      p(
        .methodSeeking, "high|tall|far|enough ~5 not|wouldnt|wont|never survive|die|kill",
        requiring: ["bridge", "bridges", "building", "buildings", "fall", "jump", "jumped", "cliff", "roof"]),
      p(
        .methodSeeking, "would|could|will|do @i ~1 survive if ~1 @i jumped|jump|fell",
        unless: ["parachute", "pool", "water", "trampoline", "lake", "sea", "ocean"]),
      // "where do people usually jump from in my city".
      p(
        .methodSeeking, "where|which|what ~4 people|someone|somebody|you ~1 jump|jumps|jumped ~1 from|off",
        unless: [
          "water", "swim", "swimming", "pool", "lake", "quarry", "bungee", "parachute", "skydiving",
          "skydive",
          "dive", "diving", "trampoline", "base", "rope", "car", "battery", "queue", "line", "river", "sea",
          "ocean", "beach", "cliffjumping", "waterfall",
        ]),
      // "what chemicals can i mix in my room to make a gas that kills me".
      p(
        .methodSeeking, "that|which|to|would|will|could kill|kills me",
        requiring: ["chemicals", "chemical", "mix", "fumes", "gas", "poison", "bleach", "monoxide"],
        unless: ["smell"]),
      // "what dose of amitriptyline kills a person, asking for me".
      p(
        .methodSeeking,
        "dose|dosage|amount|much|many ~6 kill|kills|killed a|an|someone|somebody|person|human|adult|you",
        unless: [
          "homework", "work", "stress", "exam", "exams", "job", "boss", "kids", "traffic",
          "bacteria", "germs", "virus", "weeds", "plant", "plants", "fleas", "lice", "ants", "mice", "rats",
          "cancer", "cells", "tumor", "dog", "cat", "pet", "horse", "mold", "mould", "pests", "bugs",
        ]),
      // "my sister is sitting in her car in the garage with the engine running".
      p(
        .methodSeeking, "garage ~6 engine|motor|car running|on|idling",
        unless: [
          "warm", "warming", "fix", "fixing", "mechanic", "repair", "oil", "battery", "charge", "charging",
          "electric",
          "ev", "tesla",
        ]),
    ]
  }

  /// Pills until none are left, marks made on purpose or hidden, a razor at hand.
  private static func eleventhRoundSelfHarm() -> [CrisisPattern] {
    [
      // "im popping my pills one by one until theyre gone".
      p(
        .overdose,
        "popping|swallowing|downing|necking|one_by_one ~4 until|till|til ~1 theyre|they_are|its|it_is|all|the_bottle_is gone|empty|none_left",
        requiring: ["@pills"]),
      // "how do i clean a cut i made myself".
      p(
        .selfHarm,
        "cut|cuts|burn|burns|wound|wounds|marks|scratches @i ~1 made|did|gave ~1 myself|on_myself|to_myself",
        unless: cutObjects.union(["oven", "stove", "kitchen", "accident", "accidentally", "iron", "pan"])),
      // "how to hide burn marks from my boyfriend".
      p(
        .selfHarm,
        "hide|hiding|cover|covering|conceal ~2 cuts|scars|burn_marks|burns|cut_marks|self_harm_scars|selfharm_scars",
        unless: [
          "acne", "surgery", "surgical", "tattoo", "hickey", "hickeys", "chickenpox", "stretch", "csection",
          "pimple", "pimples", "eczema",
        ]),
      // "i keep breaking skin on purpose".
      p(.selfHarm, "breaking|break|broke|broken ~1 skin ~2 on_purpose|deliberately|intentionally"),
      p(.selfHarm, "bleed|bleeding ~1 on_purpose|deliberately|intentionally"),
      p(.selfHarm, "hurt|hurting|injure|injuring|injured @self ~1 on_purpose|deliberately|intentionally"),
      // "i keep picking at the wounds so they dont heal".
      p(
        .selfHarm, "so ~1 they|it|wounds|cuts|scabs dont|wont|never|cant|do_not heal",
        requiring: ["picking", "pick", "reopen", "reopening", "open", "scratch", "scratching", "tear"]),
      // "scratching at my arms with a safety pin".
      p(
        .selfHarm,
        "scratching|scratch|scratched|carving|carved|digging|dig ~3 arms|arm|wrist|wrists|skin|thighs|legs|hands ~2 with ~1 pin|safety_pin|needle|blade|razor|knife|glass|scissors|compass"
      ),
      // "i ended up cutting for the first time in a year".
      p(.selfHarm, "cutting|cut|burned|burning|hurt_myself ~2 first time in|since", unless: cutObjects),
      // "im sitting here with a razor".
      p(
        .selfHarm, "sitting|sat|here ~3 with a|the|my razor|blade|knife|rope|gun",
        unless: cutObjects.union([
          "shave", "sharpening", "carving", "pumpkin", "steak", "cleaning", "range", "hunting",
        ])),
    ]
  }

  /// Slang for ideation and logging off for good; someone giving things away or eating a gun.
  private static func eleventhRoundOthers() -> [CrisisPattern] {
    [
      // "SI bad tonight", "sh urges again", "sui thoughts again".
      p(
        .slang,
        "si|sh|sui|suic thoughts|urges|urge|ideation|relapse|is_bad|getting_bad|getting_worse|bad_tonight|again_tonight"
      ),
      // "ideation again smh, have a plan this time".
      p(.slang, "ideation ~1 again|bad|tonight|is_back|back", unless: research),
      p(
        .explicitIdeation, "have|got|made a|the plan this_time|now|ready|tonight",
        requiring: ["ideation", "suicidal", "si", "sui", "suicide"]),
      // "i just want to press the off button on my life", "time to go permanently offline".
      p(.slang, "off|shutdown|power|pause|exit button on|for my life|existence"),
      p(
        .slang, "go|going|log|logging offline ~1 permanently|forever|for_good",
        unless: [
          "instagram", "facebook", "twitter", "tiktok", "social", "media", "account", "accounts", "app",
          "server",
          "website", "site", "store", "game", "discord", "reddit", "email", "work", "laptop", "computer",
        ]),
      p(
        .slang, "permanently|forever offline",
        unless: ["instagram", "facebook", "tiktok", "social", "server", "game"]),
      p(.slang, "log|logging|sign|signing off|out of life|existence"),
      // "i want to catch the bus. the permanent one", "catching the bus... not the real bus".
      p(
        .slang,
        "catch|catching|take|taking the bus|train ~4 permanent|permanently|not_the_real|forever|for_good|final"
      ),
      // "my best friend texted me that this is her last message".
      p(
        .thirdParty, "@person ~6 her|his|their last message|text|post|goodbye",
        unless: ["boarding", "flight", "battery", "signal", "reception"]),
      // "texted me that hes sorry for everything and to take care of his cat".
      p(.thirdParty, "sorry for everything ~6 take_care_of|look_after|feed"),
      // "my mom gave away her jewelry and said she wont be needing it".
      p(
        .thirdParty,
        "@person ~6 gave|giving|given|give ~3 away|me ~3 his|her|their "
          + belongings.sorted().joined(separator: "|"),
        requiring: ["goodbye", "wont", "needing", "sorry", "gone", "last", "forever", "anymore"],
        unless: departures),
      p(
        .thirdParty,
        "@person ~4 wont|will_not|not_going_to be_needing|need ~1 it|them|anything ~1 anymore|$|where",
        requiring: ["gave", "giving", "given", "away", "goodbye"], unless: departures),
      // "my wife is writing letters to the kids for when shes gone".
      p(
        .thirdParty,
        "letter|letters|note|notes|video|videos ~6 when|after|once shes|hes|she_is|he_is|theyre|they_are gone",
        unless: departures),
      p(
        .explicitIdeation, "letter|letters|note|notes|video|videos ~6 when|after|once im|i_am gone",
        unless: departures),
      // "my buddy from the army keeps talking about eating his gun".
      p(.thirdParty, "eat|eating|eats|ate his|her|their gun|pistol|revolver|shotgun|bullet"),
      p(.explicitIdeation, "eat|eating|ate my gun|pistol|revolver|shotgun|bullet"),
      // "my kid is hitting himself in the head and says he hates himself".
      p(
        .thirdParty,
        "hitting|punching|hurting|cutting|scratching|burning|biting|harming himself|herself|themselves|themself",
        requiring: ["@person"],
        unless: ["dog", "cat", "puppy", "kitten", "bird", "parrot", "shaving", "accident", "accidentally"]),
      // "since mom passed he says he just wants to join her".
      p(
        .passiveIdeation,
        "want|wants|wanna|wish|wishes|ready|longing @to join|be_with her|him|them|mom|dad|my_wife|my_husband|grandma|grandpa",
        requiring: ["passed", "died", "dead", "death", "heaven", "funeral", "lost", "gone"]),
    ]
  }
}
