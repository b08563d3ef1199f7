/// The sixth round's phrase patterns (issue 15), by family of phrasing.
///
/// Written from the misses of the training and validation parts of the third round's corpus
/// (Tests/Fixtures/crisis/crisis-{train,validation}.jsonl), so the validation part now counts
/// as tuned on; the held-out part was not read. Each pattern stands for a way of saying
/// something that several misses share (a date or plan for "it", the means kept at hand, not
/// caring whether one lives, a goodbye passed on by someone else), with the conditions that
/// keep it off the benign sentences that share its words ("I set the date for my first
/// infusion", "the heat will definitely kill me").
extension CrisisPatterns {
  /// Appointments and events a date, a plan or "doing it" may be about.
  static let plannedEvents: Set<String> = [
    "infusion", "infusions", "appointment", "session", "sessions", "treatment", "consult", "consultation",
    "surgery", "wedding", "party", "trip", "move", "interview", "exam", "test", "meeting", "ketamine",
    "therapy", "clinic", "doctor", "vacation", "holiday", "concert", "launch", "release", "deadline",
    "diet", "marathon", "presentation", "booking", "booked",
  ]

  static func sixthRound() -> [CrisisPattern] {
    sixthRoundPlans() + sixthRoundPassive() + sixthRoundMethods() + sixthRoundSelfHarm()
      + sixthRoundOthers()
  }

  /// A date, a plan or a decision for "it", and the means kept at hand.
  private static func sixthRoundPlans() -> [CrisisPattern] {
    [
      // "I picked a date to do it", "I set the date for friday", "I have a plan and a date".
      p(
        .explicitIdeation, "@i ~2 picked|set|chose|chosen|choosing|picking|fixed ~1 a|the date",
        unless: plannedEvents),
      p(.explicitIdeation, "plan and|& a date", unless: plannedEvents),
      // "I'm really going to do it", "my mind is made up im doing it".
      p(
        .explicitIdeation, "@i ~1 really|finally|actually|definitely|truly [going|gonna] [@to] do|doing it $",
        negatable: true),
      p(.explicitIdeation, "mind is|was made up ~3 do|doing it", unless: plannedEvents),
      p(
        .explicitIdeation, "@i ~1 going|gonna [@to] do it after|before|on my|the ~1 birthday|anniversary",
        unless: plannedEvents),
      // "I already know how I'm going to do it".
      p(
        .explicitIdeation,
        "know|knew|decided|figured|figured_out|planned|worked_out how @i ~2 going|gonna|will|would [@to] do it $"
      ),
      // "I went to the bridge to see if I could do it", "I looked up how high the bridge is".
      p(
        .explicitIdeation, "see|test|check if @i could|can|would|really ~1 do|go_through_with it",
        requiring: [
          "bridge", "roof", "ledge", "edge", "rope", "train", "tracks", "cliff", "balcony", "gun", "pills",
        ]
      ),
      p(
        .explicitIdeation,
        "looked_up|checked|googled|searched|measured how high|tall|far ~3 bridge|roof|building|drop|cliff|balcony|overpass"
      ),
      // The means at hand: "the rope is in my closet", "I keep looking at my dad's gun".
      p(
        .explicitIdeation,
        "rope|noose ~2 in|under|inside ~1 closet|room|bedroom|bed|car|bag|garage|drawer|basement|attic|wardrobe",
        unless: ["jump", "jumping", "skipping", "skip", "climbing", "tug", "boat", "camping", "gym"]),
      p(
        .explicitIdeation, "looking|staring|stare|look|looked|stared at ~2 gun|pistol|rifle|shotgun|revolver",
        unless: [
          "buy", "buying", "hunting", "range", "license", "licence", "shop", "store", "collection", "game",
        ]),
      // "I won't be here tomorrow", "I won't be around much longer".
      p(.explicitIdeation, "wont|will_not be here|around tomorrow $"),
      p(.explicitIdeation, "wont|will_not be here|around much_longer|for_much_longer|for_long"),
    ]
  }

  /// Not caring whether one lives; not deserving to; hopelessness said of life itself.
  private static func sixthRoundPassive() -> [CrisisPattern] {
    [
      // "idc if i die", "idgaf if i live or die", "i dont care what happens to me".
      p(
        .passiveIdeation,
        "idc|idgaf|dgaf|idec|dont_care|dont_even_care|do_not_care|dont_give_a_fuck|dont_give_a_shit if|whether @i ~1 live|die|dead|wake|survive|make_it|wake_up"
      ),
      p(.passiveIdeation, "idc|dont_care|do_not_care|dont_even_care what happens to me $|anymore|now"),
      // "I don't deserve to live", "another day I didn't want to wake up to".
      p(.passiveIdeation, "dont|not|never|doesnt|didnt ~2 deserve @to live|exist|be_alive|be_here|wake_up"),
      p(.passiveIdeation, "didnt|didn ~2 want|wanna @to wake|live|exist ~2 $|again|anymore"),
      p(.passiveIdeation, "woke|wake|waking up [again] unfortunately|sadly $"),
      // "I have no future", "it's never going to get better".
      p(.passiveIdeation, "@i ~1 have|got|see no future|hope $|anymore|left|for_me"),
      p(.passiveIdeation, "^ it|its|things|life ~1 never|not|isnt ~1 going|gonna [@to] get better $"),
    ]
  }

  /// Asking for the amount, the height or the combination that kills.
  private static func sixthRoundMethods() -> [CrisisPattern] {
    [
      // "How much of my meds do I need to take to die".
      p(.methodSeeking, "how much|many ~8 @to die|dead", unless: ["people", "patients", "year", "annually"]),
      // "Is there a painless way to stop my heart", "what combination of drugs stops your heart".
      p(
        .methodSeeking, "stop|stops|stopping my|your|the|a heart",
        requiring: [
          "way", "painless", "quickest", "fastest", "easiest", "best", "combination", "combo", "enough",
          "definitely", "surely",
        ],
        unless: ["attack", "cpr", "bypass", "arrhythmia", "doctor", "surgery"]),
      // "What height fall will definitely kill you".
      p(
        .methodSeeking,
        "height|fall|drop|floors|storeys|stories|high ~4 kill|kills|killed|die|fatal|lethal|deadly|survivable",
        unless: ["fear", "afraid", "scared", "dream", "dreams", "ladder", "elderly", "grandma", "grandpa"]),
    ]
  }

  /// Cutting as coping, burns, the blade kept at hand, the marks shown.
  private static func sixthRoundSelfHarm() -> [CrisisPattern] {
    [
      p(
        .selfHarm, "cutting|burning|hurting_myself|self_harm|selfharm ~2 coping|cope|release|relief",
        unless: cutObjects),
      p(
        .selfHarm, "cigarette|cig|lighter|iron ~3 on|into my arm|arms|skin|wrist|wrists|leg|legs|thigh|thighs"
      ),
      p(
        .selfHarm, "burn|burned|burnt|burning @self|my_arm|my_arms|my_skin|my_wrist|my_legs|my_thighs",
        unless: ["tongue", "sun", "sunburn", "oven", "cooking", "calories"]),
      p(
        .selfHarm,
        "keep|keeping|hide|hiding|carry|carrying|have ~1 a|my blade|blades|razor|razors ~3 room|drawer|bag|wallet|pocket|case|under|bed",
        unless: ["shave", "shaving", "beard", "legs"]),
      p(
        .selfHarm, "what i did to my arm|arms|wrist|wrists|legs|thighs|skin",
        unless: ["gym", "workout", "tattoo", "tattoos", "tan", "sunburn", "paint", "henna", "muscles"]),
    ]
  }

  /// Someone else's plan or goodbye, and slang for leaving for good.
  private static func sixthRoundOthers() -> [CrisisPattern] {
    [
      p(
        .thirdParty, "@person ~2 has|got|made|have a plan",
        requiring: ["know", "scared", "worried", "terrified", "help", "die", "end"],
        unless: plannedEvents),
      p(
        .thirdParty,
        "@person ~3 said|texted|wrote|sent|messaged ~3 thanks_for_everything|thank_you_for_everything",
        requiring: ["goodbye", "bye", "forever", "sorry", "love"]),
      p(
        .slang, "permanently|forever offline|logging_off|log_off|signing_off",
        requiring: ["soon", "tonight", "me", "@i", "gonna", "going", "be"],
        unless: [
          "server", "servers", "site", "website", "account", "service", "app", "game", "page", "store",
          "shop",
          "printer", "network", "wifi", "router",
        ]),
      p(.slang, "rip me ~2 soon|for_real|this_time|tonight|fr"),
      p(
        .slang, "@wantdie|want|wanna|ready @to [go] be with god|jesus|the_lord|the_angels",
        unless: [
          "church", "pray", "praying", "prayer", "mass", "service", "worship", "temple", "mosque", "retreat",
        ]),
    ]
  }
}
