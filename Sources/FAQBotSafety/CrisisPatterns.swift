/// The detector's phrase patterns, as data, by category (syntax: ``CrisisPattern``).
///
/// Written from the crisis and benign *tuning* sets (Tests/Fixtures/crisis/*-tune.jsonl) and
/// the categories of published crisis-detection comparisons; the held-out sets were never
/// read to write them. Each pattern is narrow on purpose: the benign sets are full of the
/// same words ("this traffic is killing me", "can you overdose on ketamine in a clinic?"),
/// and what a pattern misses the classifier may still catch.
public enum CrisisPatterns {
  /// Word classes the patterns refer to as `@name`.
  static let classes: [String: Set<String>] = [
    "i": ["i", "im", "ive", "id", "ill", "iam", "me", "ima", "imma"],
    "to": ["to", "2", "too", "ta", "tu"],
    "self": ["myself", "meself"],
    "others": ["himself", "herself", "themselves", "themself", "yourself", "urself", "yourselves"],
    "want": [
      "want", "wanna", "wish", "wished", "ready", "deserve", "trying", "tried", "try", "planning", "plan",
      "need",
      "wants", "wishes", "plans", "needs", "gonna", "going", "about", "decided", "considering", "thinking",
      "might", "will", "gotta", "just", "finna", "bout", "tryna", "ima", "imma",
    ],
    "wantdie": [
      "want", "wanna", "wish", "wished", "ready", "deserve", "deserves", "trying", "tried", "try", "planning",
      "plan", "need", "wants", "wishes", "plans", "needs", "decided", "longing", "prepared",
    ],
    "person": [
      "friend", "son", "daughter", "mom", "mother", "dad", "father", "brother", "sister", "husband", "wife",
      "boyfriend", "girlfriend", "partner", "roommate", "flatmate", "housemate", "uncle", "aunt", "grandpa",
      "grandma", "grandmother", "grandfather", "cousin", "teen", "teenager", "kid", "child", "patient",
      "client", "student", "coworker", "colleague", "neighbour", "neighbor", "someone", "somebody", "he",
      "she", "they", "hes", "shes", "theyre", "fiance", "fiancee", "nephew", "niece", "classmate", "mate",
      "buddy", "pal", "spouse", "parent", "stepdad", "stepmom", "grandson", "granddaughter", "ex",
      "sibling", "sis", "bro", "stepson", "stepdaughter", "stepbrother", "stepsister", "hubby", "wifey",
    ],
    "pills": [
      "pills", "xanax", "ambien", "seroquel", "sertraline", "insulin", "oxycodone", "oxy", "morphine",
      "fentanyl", "opioids", "lithium", "antidepressants", "troches", "lozenges", "aspirin", "codeine",
      "valium", "klonopin", "zoloft", "prozac", "lexapro", "ketamine", "ket", "k", "esketamine", "spravato",
      "heroin", "vicodin", "percocet", "tramadol", "trazodone", "tylenol", "paracetamol", "acetaminophen",
      "ibuprofen", "advil", "benadryl", "prescription", "dose", "doses", "mg", "grams", "g", "bottle", "pack",
      "cabinet", "drugs", "nasal", "spray", "ketamin", "sleeping", "them", "something", "stuff",
    ],
    "took": [
      "took", "taken", "take", "taking", "swallowed", "swallow", "downed", "injected", "snorted", "popped",
      "did", "done", "used", "had", "drank", "ate", "chugged", "necked",
    ],
    "lots": [
      "much", "many", "more", "lot", "lots", "bunch", "handful", "whole", "all", "entire", "every",
      "everything",
    ],
    "symptom": [
      "breathing", "breathe", "breath", "unconscious", "unresponsive", "responding", "blue", "move", "stand",
      "feel", "seeing", "racing", "dark", "waking", "wake", "passed", "fitting", "seizure", "seizing",
      "vomiting", "chest",
    ],
    "die": ["die", "dead", "death"],
    // Medicines and drugs by name (``pills`` without its generic words: them, stuff, pack).
    "drugs": [
      "pills", "xanax", "ambien", "seroquel", "sertraline", "insulin", "oxycodone", "oxy", "morphine",
      "fentanyl", "opioids", "lithium", "antidepressants", "troches", "aspirin", "codeine", "valium",
      "klonopin", "zoloft", "prozac", "lexapro", "ketamine", "ket", "esketamine", "heroin", "vicodin",
      "percocet", "tramadol", "trazodone", "tylenol", "paracetamol", "acetaminophen", "ibuprofen", "advil",
      "benadryl", "prescription", "drugs",
    ],
  ]

  /// Words after "every" that say how often, not how much ("every day", "every 4 hours").
  static let frequencyWords: Set<String> = [
    "day", "days", "night", "nite", "nights", "morning", "mornings", "evening", "evenings", "afternoon",
    "week", "weeks", "weekend", "month", "months", "year", "hour", "hours", "time", "other", "few", "couple",
    "meal", "2", "3", "4", "5", "6", "8", "12", "24", "two", "three", "four", "six", "eight", "twelve",
  ]

  /// What people cut besides themselves: a message about these is not about self-harm.
  static let cutObjects: Set<String> = [
    "hair", "carbs", "costs", "budget", "caffeine", "sugar", "grass", "nails", "paper", "onion", "onions",
    "vegetables", "fabric", "coupon", "coupons", "cake", "hours", "salary", "pay", "wood", "class", "line",
    "deal", "finger", "knife", "shaving", "cooking", "diet",
  ]

  static let research: Set<String> = [
    "article", "study", "studies", "research", "trial", "trials", "patients", "people", "rate", "rates",
    "statistics", "risk", "risks", "fda", "clinics", "clinic", "doctors", "ideation", "prevent", "prevention",
    "reduce", "reduces", "lower",
  ]

  /// Every pattern, in the order they are tried (the first match names the category).
  ///
  /// Built by one function per group: a single literal of them all needs a stack frame larger
  /// than a dispatch thread's in debug builds.
  public static let all: [CrisisPattern] =
    explicitIdeation() + passiveIdeation() + methodSeeking() + selfHarm() + overdose() + thirdParty()
    + slang() + thirdRound() + sixthRound() + eighthRound() + eleventhRound() + thirteenthRound()

  static func p(
    _ category: CrisisCategory, _ text: String, negatable: Bool = false, unlessNext: Set<String> = [],
    requiring: Set<String> = [], unless: Set<String> = []
  ) -> CrisisPattern {
    CrisisPattern(
      category, text, negatable: negatable, unlessNext: unlessNext, requiring: requiring, unless: unless,
      classes: classes)
  }

  // MARK: explicit ideation

  private static func explicitIdeation() -> [CrisisPattern] {
    [
      p(
        .explicitIdeation,
        "kill|killing|murder|murdering|off|offing|hang|hanging|shoot|shooting|unalive|delete|deleting|end|ending|stab|suffocate|electrocute|yeet|yeeting|gas [my] @self",
        unlessNext: ["in", "with", "laughing", "at"]),
      p(
        .thirdParty,
        "kill|killing|kills|killed|murder|off|offing|hang|hanging|hanged|shoot|shooting|shot|unalive|delete|end|ending|stab|yeet @others",
        unlessNext: ["in", "laughing"]),
      p(
        .explicitIdeation, "kill|killing|end|ending|take|taking [my] my|own [own] life|lives",
        unlessNext: ["insurance", "savings"]),
      p(
        .thirdParty, "kill|killing|end|ending|take|taking his|her|their [own] life|lives",
        unlessNext: ["insurance", "savings"]),
      p(.explicitIdeation, "@wantdie @to [just] die|dead|d1e", negatable: true),
      p(.explicitIdeation, "wanna|wana|wan die|dead", negatable: true),
      p(.explicitIdeation, "@wantdie @to be dead", negatable: true),
      p(.explicitIdeation, "wish|wishes|wished [that] i|she|he|they was|were dead"),
      p(.explicitIdeation, "better off dead"),
      p(
        .explicitIdeation,
        "commit|commiting|committing|comit|attempt|attempted|attempting|attempts|contemplating|considering|planning|plan|plans|thinking|thought|thoughts|think ~2 suicide",
        unless: ["people", "article"]),
      p(
        .explicitIdeation,
        "suicide note|notes|letter|plan|pact|method|methods|attempt|attempts|seems|feels|thoughts|mode|date|again",
        // "the clinical difference between self-harm and a suicide attempt": a definition.
        unless: ["difference", "differences", "clinical", "definition", "define", "defined", "distinguish"]),
      p(
        .explicitIdeation, "my|painless|easiest|quickest|best|peaceful|successful|assisted suicide",
        unlessNext: ["squad", "risk", "rate", "rates", "prevention"]),
      p(
        .explicitIdeation,
        "@i|am|feel|feeling|felt|been|still|actively|currently|getting|so|very|really|pretty ~2 suicidal",
        unlessNext: ["ideation"]),
      p(.explicitIdeation, "my ~1 suicidal"),
      p(.explicitIdeation, "suicidal again|rn|af|tonight|today|lately|now|atm|still"),
      p(
        .thirdParty, "@person ~3 suicidal|suicide",
        unlessNext: ["squad", "risk", "rate", "rates", "ideation"], unless: research),
      p(.thirdParty, "his|her|their ~1 suicidal|suicide"),
      p(.explicitIdeation, "^ end|ending it $"),
      p(
        .explicitIdeation,
        "@want|to|and|finally [@to] end|ending it $|all|tonight|today|tomorrow|now|soon|forever|friday|saturday|sunday|monday|tuesday|wednesday|thursday|this|after|before|for|once"
      ),
      p(.explicitIdeation, "end|ending it all"),
      p(.explicitIdeation, "end|ending things", unlessNext: ["with", "between"]),
      p(.explicitIdeation, "@want|to|and [@to] end|ending everything", negatable: true),
      p(
        .explicitIdeation,
        "jump|jumping|leap|throw ~3 off|from|in|of|front ~3 bridge|building|roof|train|floor|story|storey|cliff|garage|balcony|tall|something|highway|overpass|bus|window|ledge|tower|parking|car|truck|rooftop|traffic",
        unless: [
          "lake", "pool", "sea", "river", "water", "battery", "jumper", "cables", "start", "jumpstart",
        ]),
      p(.explicitIdeation, "going|gonna|about|threatening|threatens|wants|want|wanna|planning @to jump $"),
      p(.explicitIdeation, "floor|story|storey|height|high ~5 jump|jumping"),
      p(.explicitIdeation, "rope|noose|gun ~1 ready"),
      p(
        .explicitIdeation,
        "given|giving|gave away ~3 stuff|things|belongings|possessions|everything|pets|cat|dog"),
      p(.explicitIdeation, "saying|said goodbye ~3 forever|everyone|for_good", negatable: true),
      p(.explicitIdeation, "say goodbye ~4 before i|kill|die|go"),
      p(.explicitIdeation, "stop|quit living|existing", negatable: true),
      p(.explicitIdeation, "last_message|goodbye ~3 ending|end|die|kill|suicide|gone"),
      p(.explicitIdeation, "letters|letter|notes ~3 before_i|before_im"),
    ]
  }

  // MARK: passive ideation

  private static func passiveIdeation() -> [CrisisPattern] {
    [
      p(
        .passiveIdeation,
        "dont|not|never|no|nt|doesnt ~2 want|wanna|wish @to ~1 live|alive|exist|existing|living|wake"),
      p(.passiveIdeation, "dont|not|never|doesnt ~2 want|wanna @to be here|around anymore|no"),
      p(.passiveIdeation, "dont|not|doesnt ~2 want|wanna @to go|keep|carry on|going $|anymore|like|living"),
      p(.passiveIdeation, "dont|not|doesnt have @to keep going|living|go|wake|exist|be"),
      p(
        .passiveIdeation,
        "tired|sick|exhausted|done|finished ~2 of|with ~1 living|existing|alive|life|being|it_all|everything",
        // "tired of everything being so expensive": a complaint about things, not about living.
        unlessNext: ["room", "rooms", "being", "costing", "getting", "taking"],
        unless: ["homework", "work", "job"]),
      p(.passiveIdeation, "done|finished living"),
      p(.passiveIdeation, "not|isnt|aint|no|never|nt|wasnt ~2 worth ~1 living|livin|it|alive"),
      p(.passiveIdeation, "life ~2 not|isnt|aint|wasnt|never worth"),
      p(
        .passiveIdeation, "worth living|staying|going on", negatable: false,
        requiring: ["not", "isnt", "no", "nothing", "anymore", "why", "aint"]),
      p(.passiveIdeation, "what|whats|wats|wat|whys ~2 point anymore|$"),
      p(
        .passiveIdeation,
        "what|whats|wats|wat ~2 point of|in ~1 living|trying|me|existing|being|waking|going_on|carrying_on|continuing|getting_up|staying_alive|staying_here|my_life|my_existence"
      ),
      // "What is the point of life" is also a philosopher's question: the impersonal forms
      // count only with a personal frame somewhere in the message.
      p(
        .passiveIdeation, "what|whats|wats|wat ~2 point of|in ~1 anything|life|everything|it|any",
        requiring: [
          "anymore", "even", "my", "myself", "im", "ive", "tired", "hate", "cant", "alone", "worthless",
          "hopeless", "nothing", "done", "nobody",
        ]),
      p(.passiveIdeation, "point ~1 me_being_here|of_me|to_me|of_it_all|to_any_of_this|of_any_of_this"),
      p(
        .passiveIdeation,
        "no|not|dont|doesnt ~2 point ~2 living|life|anymore|waking|trying|anything|existing|it|going|being|of_me|any"
      ),
      p(.passiveIdeation, "no|not ~1 reason|reasons ~4 live|living|keep|go|stay|be|exist|wake"),
      p(.passiveIdeation, "nothing ~1 to_live_for|left_to_live"),
      p(.passiveIdeation, "better|happier|easier ~2 if_i|if_im ~1 was|were|wasnt|werent|gone|dead|never|not"),
      p(.passiveIdeation, "better|happier|easier|fine ~2 without me"),
      p(.passiveIdeation, "@i|am|just|such|feel|feeling|only ~3 burden", unlessNext: ["asking"]),
      p(.passiveIdeation, "nobody|noone|no|anyone ~3 miss|notice|care|matter ~3 me|i|if|gone|dead"),
      p(
        .passiveIdeation,
        "if|when i ~1 died|die|disappeared|was|were|wasnt|werent|wasn ~1 gone|here|around|alive|dead|died|tomorrow",
        unless: ["account", "card", "will", "insurance", "estate", "money"]),
      p(
        .passiveIdeation,
        "wouldnt|dont|doesnt|would_not|do_not ~1 care|mind ~3 die|died|dying|dead|live|truck|bus|car|hit|happened"
      ),
      p(.passiveIdeation, "mind dying|dying tomorrow"),
      p(
        .passiveIdeation,
        "if|when i died|disappeared ~6 relieved|better|care|notice|happy|fine|okay|mind|glad"),
      p(
        .passiveIdeation,
        "hope|wish|pray|hoping|praying ~4 hit_by|run_over|die|dies|died|dead|crash|never_wake|not_wake|dont_wake|cancer"
      ),
      p(
        .passiveIdeation,
        "cant|cannot|can_not|couldnt ~1 go_on|do_this|take_it|take_this|keep|handle ~2 anymore|like_this|living|going|any_longer|no_more",
        unless: ["noise", "heat", "weather", "traffic", "rain", "printer", "cold", "music"]),
      p(.passiveIdeation, "cant|cannot|couldnt go on $"),
      p(
        .passiveIdeation,
        "wish|want|wanna|wishes|could|just ~4 disappear|vanish|be_gone|never_been_born|never_born|stop_existing|not_exist|not_be_here"
      ),
      p(.passiveIdeation, "wish|wishes ~3 never ~1 born"),
      p(.passiveIdeation, "why ~1 am|is|are i|me ~2 alive|here|living|still"),
      p(
        .passiveIdeation,
        "death|dying|dead ~1 sounds|seems|feels|looks|would|is ~2 peaceful|nice|good|better|easier|relief|appealing|like|welcome|tempting"
      ),
      p(.passiveIdeation, "no way out"),
      p(
        .passiveIdeation, "around|here|alive ~1 much_longer|for_long|much_more|next_week|next_year",
        requiring: ["not", "dont", "wont", "never", "no"],
        // Away, not gone: "i wont be around next week, on holiday".
        unless: [
          "holiday", "holidays", "vacation", "trip", "travelling", "traveling", "travel", "away", "office",
          "conference", "visiting", "abroad", "leave", "flight", "camping",
        ]),
      p(
        .passiveIdeation,
        "it_all|everything|all_of_it|this|life @to ~1 stop|end|be_over ~1 forever|for_good|permanently|already"
      ),
      p(.passiveIdeation, "want|wish|wanna|need ~3 it_all|everything|all_of_it @to ~1 stop|end|be_over"),
      p(.passiveIdeation, "why bother ~2 living|going|waking|existing|trying|anything"),
      p(
        .passiveIdeation, "never|not ~2 wake|waking up",
        requiring: ["wish", "want", "hope", "hoping", "wanna", "sleep", "asleep", "pills", "would", "take"],
        unless: ["alarm", "phone", "laptop", "computer", "pc", "screen", "baby", "kids", "husband", "early"]),
      p(.passiveIdeation, "sleep|asleep ~3 forever|permanently|for_good|never_wake|not_wake"),
      p(.passiveIdeation, "something_will_happen|something_happens|something_to_happen ~1 to me"),
      p(.passiveIdeation, "hopeless|worthless ~3 die|dead|live|living|anymore|point|go_on|end"),
      // Second round: common phrasings of passive ideation, written from the category's
      // definition (not from any evaluation message).
      p(
        .passiveIdeation,
        "wish|wishing|wished|want|wanna ~1 i|id|that_i ~1 wasnt|werent|was_not|were_not|wasn|didnt|never|could_not|couldnt|not ~1 here|alive|born|exist|existed|around|wake|be_here|be_alive|live",
        negatable: true),
      p(
        .passiveIdeation,
        "dont|cant|not|doesnt ~1 see ~2 point ~1 $|anymore|in_anything|in_living|in_life|of_living|of_life|in_going|in_trying|in_being|in_waking|of_anything|in_me|of_me|in_carrying|in_continuing"
      ),
      p(
        .passiveIdeation, "give|giving|given|gave up on ~1 life|living|myself|everything|being_alive",
        negatable: true),
      p(
        .passiveIdeation, "@i|feel|feeling|felt ~1 like dying", negatable: true,
        unlessNext: ["laughing", "of"]),
      p(
        .passiveIdeation, "my life ~3 meaningless|pointless|hopeless|over|worthless|not_worth|isnt_worth",
        negatable: true),
      p(.passiveIdeation, "cease|ceasing @to exist|existing|be"),
      p(.passiveIdeation, "@wantdie @to ~1 pass|passing away", negatable: true),
      p(.passiveIdeation, "@wantdie @to ~1 not ~1 exist|be_alive|be_here|wake|live", negatable: true),
      p(.passiveIdeation, "end|ending my existence"),
      p(
        .passiveIdeation, "want|wanna|need|wish ~2 everything|it_all|all_of_it ~1 @to ~1 stop|end|go_away",
        requiring: ["anymore", "forever", "just", "already", "all", "everything", "for_good", "permanently"],
        unless: ["noise", "rain", "ringing", "pain_in", "headache", "music", "alarm", "bleeding"]),
      p(.passiveIdeation, "tired|sick|exhausted ~2 of ~1 being ~1 alive|here|me|myself|this_life"),
    ]
  }

  // MARK: method seeking

  private static func methodSeeking() -> [CrisisPattern] {
    [
      p(
        .methodSeeking,
        "lethal|fatal|deadly|toxic|killing|ld50|ld ~2 dose|doses|dosage|amount|amounts|quantity|level|levels|mg|limit"
      ),
      p(
        .methodSeeking, "ld50",
        unless: [
          "project", "school", "homework", "class", "caffeine", "study", "studies", "research", "rats",
          "mice",
        ]),
      p(
        .methodSeeking,
        "how many|much ~7 die|kill|kills|fatal|lethal|deadly|overdose|od|dead|wake|heart|breathing|unconscious",
        unlessNext: ["bill", "switch", "count", "streak", "process", "screen", "shot", "shots"],
        unless: [
          "people", "patients", "deaths", "users", "americans", "year", "years", "annually", "died", "per",
          "died", "cells", "calories", "weight", "bacteria", "germs", "money", "trees",
        ]),
      p(
        .methodSeeking,
        "easiest|quickest|fastest|best|painless|painful|surest|simplest|peaceful|effective|reliable|quick|easy|cleanest|safest ~1 way|ways|method|methods|option|options|thing @to die|kill|end|overdose|od|suicide|go $"
      ),
      p(
        .methodSeeking,
        "way|ways|method|methods|how @to die|kill_yourself|kill_urself|end_it|end_your|commit|suicide"),
      p(.methodSeeking, "how ~2 die ~2 sleep|painlessly|peacefully|quickly|fast|quietly|without"),
      p(.methodSeeking, "tie|make|knot ~2 noose"),
      p(.methodSeeking, "noose"),
      p(.methodSeeking, "knot ~4 hang|hanging"),
      p(.methodSeeking, "bleed|bled ~1 out|to_death"),
      p(.methodSeeking, "how deep ~4 cut|slit|bleed"),
      p(.methodSeeking, "vein|artery|arteries|veins ~3 cut|slit|die|bleed"),
      p(.methodSeeking, "slit|slice|slash|cut ~2 wrists|wrist|throat"),
      p(
        .methodSeeking, "will|would|could|can|does ~3 kill_me|end_me",
        requiring: ["@pills", "#", "jump", "jumping", "fall", "insulin"]),
      p(
        .methodSeeking, "will|would|could|can|does ~3 kill_you|be_fatal", requiring: ["i", "me", "my", "im"]),
      p(.methodSeeking, "enough @to overdose|od|die|kill|not|end|stop"),
      p(.methodSeeking, "enough ~3 die|kill_me|be_fatal", requiring: ["@pills", "#", "took", "take"]),
      p(.methodSeeking, "all|whole|entire|every ~4 at once ~4 enough|die|kill|fatal|dead|wake"),
      p(.methodSeeking, "best|easiest|good|which ~4 overdose|od on"),
      p(.methodSeeking, "od|overdose on purpose"),
      p(
        .methodSeeking,
        "drug|pill|pills|something|poison|gas ~3 kill|kills ~1 you|me|someone ~4 sleep|painless|without|quickly|fast"
      ),
      p(.methodSeeking, "starve|starving ~1 @self ~1 to death"),
      p(
        .methodSeeking, "how long ~6 die|bleed_out|to_death|kill_me|kill_you|suffocate|hang|hanging",
        unless: [
          "thirst", "dehydration", "hunger", "starvation", "hypothermia", "cancer", "old", "desert", "space",
          "sahara", "plant", "plants", "fish", "cells", "battery", "phone",
        ]),
      p(
        .methodSeeking, "how high|tall|far ~8 die|kill|fatal|dead|deadly",
        requiring: ["fall", "jump", "bridge", "building", "drop", "roof", "cliff"]),
      p(.methodSeeking, "carbon_monoxide|exhaust|helium ~6 die|kill|car|garage|tent|death"),
      p(.methodSeeking, "make ~3 suicide|death look ~1 like_an_accident|accidental"),
      p(.methodSeeking, "get|buy|find|order ~3 enough ~3 @pills|pills ~3 die|kill|end|overdose|od"),
      p(.methodSeeking, "@i|can_i|should_i ~1 od|overdose ~2 on|with", unless: research),
      p(.methodSeeking, "what|which ~3 overdose ~2 kill|die"),
      p(.methodSeeking, "gun ~3 quickest|best|easiest|way|end|die"),
      p(.methodSeeking, "painless|peaceful|quickest|quick ~1 death|suicide|exit"),
      p(.methodSeeking, "mix|mixing|combine|combining ~5 to_die|not_wake|kill_me|fatal"),
      p(.methodSeeking, "dose|amount|much ~3 stop my ~1 heart|breathing"),
      p(
        .methodSeeking,
        "tallest|highest ~3 bridge|bridges|building|buildings|cliff|cliffs|parking|roof ~3 near_me|nearby|around_here|close_to_me|in_my_area|to_jump"
      ),
      p(.methodSeeking, "how far|high|tall ~6 fall|jump|drop ~4 die|kill|fatal|dead|deadly"),
      p(.methodSeeking, "pain_free|painfree ~2 way|ways|method|death|suicide"),
      p(.methodSeeking, "die|dying ~3 from|if|taking|take ~2 #5 ~2 @pills|pills|of"),
      p(.methodSeeking, "strong ~1 enough ~3 hang|hanging|hold_my_weight|hold_me|hold_a_person"),
      p(.methodSeeking, "how ~2 hang yourself|urself|a_person|someone"),
      p(.methodSeeking, "where ~3 buy|get ~3 gun|rope|noose|pills ~3 die|kill|end|myself|tonight|fast"),
    ]
  }

  // MARK: self-harm

  private static func selfHarm() -> [CrisisPattern] {
    [
      p(
        .selfHarm,
        "self ~1 harm|harming|harmed|harms|injury|injure|injuring|mutilate|mutilation|hurt|hurting|punish",
        unless: research.subtracting(["clinic", "clinics", "risk"])),
      p(.selfHarm, "selfharm|sh ~1 again|tonight|urges|urge|scars|relapse"),
      p(.selfHarm, "selfharm", unless: research.subtracting(["clinic", "clinics", "risk"])),
      p(
        .selfHarm,
        "hurt|hurting|harm|harming|burn|burning|burned|burnt|punish|punishing|punished|hit|hitting|bite|biting|bit|starve|starving|scratch|scratching|scratched|cut|cutting|choke|choking|beat|beating|bruise|bruising|strangle|carve|carving|mutilate [my] @self",
        unlessNext: [
          "playing", "at", "while", "lifting", "running", "skiing", "falling", "laughing", "in", "during",
          "on", "by", "with", "last", "yesterday", "today", "badly", "skating", "cooking", "shaving",
        ]),
      p(
        .selfHarm,
        "hurt|hurting|harm|harming|punish|punishing|cut|cutting|burn|burning|hit|hitting|starve|starving [my] @self ~3 on purpose|again|when|because|so|tonight|to|every|until|till|as|badly|pretty"
      ),
      p(
        .selfHarm,
        "hurt|hurting|harming|burn|burns|burning|burned|cut|cuts|cutting|hits|hitting|starves|starving|punishes|scratches|scratching [my] @others",
        unlessNext: [
          "playing", "at", "while", "lifting", "running", "skiing", "falling", "laughing", "in", "during",
          "on", "shaving",
        ]),
      p(
        .selfHarm,
        "@i|need|want|wanna|keep|stop|been|started|start|urge|urges|gonna|going|about|again|tonight|to|relapsed|still|just|never|else ~1 cut|cutting|cuttin $|again|tonight|myself|deep|deeper|lately|most|every|everyday|arm|arms|wrist|wrists|thigh|thighs|leg|legs|skin|stomach|more|after|when|because|to|so|till|until|since",
        unlessNext: [
          "down", "back", "out", "off", "hair", "carbs", "costs", "ties", "corners", "class", "school",
          "sugar", "caffeine", "meat", "gluten", "loose", "short", "through", "in", "it", "the", "my", "a",
          "your", "our", "this", "that",
        ],
        unless: cutObjects),
      p(.selfHarm, "cut|cutting|cuts ~1 again|deeper"),
      p(
        .selfHarm,
        "arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|body ~3 mess|scars|cuts|marks|bleeding ~3 what_i_did|what_i_done|i_did"
      ),
      p(.selfHarm, "^ cut|cutting again"),
      p(
        .selfHarm, "my ~2 cuts|scars|wounds|burns",
        unless: ["shaving", "shave", "paper", "kitchen", "cooking", "surgery", "acne", "legs shaved"]),
      p(
        .selfHarm, "hide|hiding|covered ~2 cuts|scars|blades|razors|razor|blade|wounds|burns",
        unless: ["shaving", "shave", "paper", "kitchen", "cooking", "surgery", "acne", "legs shaved"]),
      p(
        .selfHarm, "cuts|scars|wounds ~2 on my|from what i", unless: ["surgery", "paper", "kitchen", "acne"]),
      p(.selfHarm, "until|till|til|untill ~3 bleed|bleeds|bled|bleeding|blood|bruise|bruises"),
      p(
        .selfHarm,
        "bang|banging|bash|bashing|hit|hitting|slam|slamming ~1 my|head ~2 head|on|against|into ~2 wall|floor|desk|door|table|things|stuff|walls"
      ),
      p(
        .selfHarm,
        "burn|burned|burnt|burning|burns ~4 lighter|cigarette|cigarettes|candle|iron|match|matches",
        requiring: ["myself", "my", "arm", "skin", "herself", "himself", "again"]),
      p(.selfHarm, "razor|razors|blade|blades ~3 wrist|wrists|arm|arms|thigh|thighs|skin|again|out"),
      p(.selfHarm, "carving|carved|carve ~3 skin|arm|arms|myself|wrist|leg|legs|thigh"),
      p(
        .selfHarm,
        "need|want|wanna|deserve @to ~1 feel_pain|get_hurt|be_hurt|hurt|suffer|bleed|be_punished|feel_physical"
      ),
      p(.selfHarm, "deserve|deserves ~1 @to ~1 get_hurt|be_hurt|pain|suffer|die|be_in_pain"),
      p(.selfHarm, "break|breaking ~1 my own"),
      p(.selfHarm, "relapsed ~3 self|selfharm|cutting|cut|harm"),
      p(
        .selfHarm, "on purpose|deliberately|intentionally",
        requiring: [
          "hurt", "cut", "burn", "burned", "hit", "slammed", "punched", "broke", "bruised", "scratched",
          "bit", "stabbed",
        ]),
      p(.selfHarm, "nails|nail ~3 into_my|my_skin|my_arms ~3 bleed"),
      p(.selfHarm, "punish|punishing|punished [my] @self ~1 physically"),
      p(
        .selfHarm, "fresh|new|deep|deeper ~1 cuts|wounds|scars|burns",
        requiring: ["i", "my", "im", "ive", "me"],
        unless: ["hair", "haircut", "surgery", "kitchen", "paper", "recipe", "meat", "grass"]),
      p(.selfHarm, "make|made|making @self ~1 bleed|bleeding|bruise|bruised|suffer"),
      p(.selfHarm, "urge|urges|urging @to ~1 cut|hurt|harm|burn|bleed|selfharm"),
      p(
        .selfHarm,
        "cutting|cuttin|selfharm|hurting_myself|burning_myself ~4 only_thing|helps_me|only_way|calms_me|makes_me_feel|gives_me_relief|feel_better|feels_good|numbs|helps",
        unless: cutObjects),
    ]
  }

  // MARK: overdose

  private static func overdose() -> [CrisisPattern] {
    [
      p(
        .overdose, "overdosed|overdose|overdosing",
        unlessNext: [
          "on", "risk", "risks", "rate", "rates", "prevention", "symptoms", "signs", "deaths", "crisis",
          "epidemic", "reversal",
        ],
        requiring: [
          "i", "im", "ive", "my", "me", "he", "she", "hes", "shes", "they", "friend", "roommate", "son",
          "daughter", "brother", "sister", "mom", "dad", "husband", "wife", "boyfriend", "girlfriend",
          "partner", "just", "think", "took", "planning", "going", "gonna", "threatening", "want", "wanna",
        ],
        unless: [
          "can", "could", "possible", "clinic", "clinics", "prevent", "what", "article", "how", "cuteness",
          "risk", "hypothetically",
        ]),
      p(.overdose, "^ overdose|overdosed $"),
      p(.overdose, "overdosed|overdosing on @pills|my|his|her|all|a|something|it|them|purpose"),
      p(.overdose, "@i|just|think|took|had|taken ~2 overdose|overdosed|od", unlessNext: ["on", "risk"]),
      p(
        .overdose,
        "planning|plan|going|gonna|want|wanna|threatening|threatens|trying|tried @to ~1 overdose|od"),
      p(
        .overdose,
        "@took ~3 too|way|lot|more|all|whole|entire|every|everything|bunch|handful|way ~2 much|many|more|of|than|my|the|in|them|pills",
        requiring: ["@pills", "injected", "snorted", "prescribed", "prescription", "overdosed"],
        unless: [
          "happens", "happen", "photos", "pictures", "notes", "coffee", "food", "sun", "time", "break",
          "breaks", "days",
          "classes", "naps", "shots", "selfies", "drink", "drinks",
        ]),
      p(
        .overdose,
        "@took ~2 too_much|too_many|to_much|to_many|way_more|way_too|more_than|a_lot|lots|a_bunch|a_handful|the_whole|all|everything",
        requiring: ["@pills", "injected", "snorted", "help", "cant", "feel", "breathing"],
        unless: [
          "happens", "happen", "photos", "pictures", "notes", "coffee", "food", "sun", "time", "break",
          "breaks", "days",
          "classes", "naps", "shots", "selfies", "fun", "drink", "drinks", "vacation",
        ]),
      // "took every pill", "took every single one", but not how often: "can I take benadryl
      // every day", "sleeping pills every night", "every 4 hours" (these raised the banner).
      p(
        .overdose, "@took ~2 every", unlessNext: Self.frequencyWords,
        requiring: ["@pills", "injected", "snorted", "help", "cant", "feel", "breathing"],
        unless: [
          "happens", "happen", "photos", "pictures", "notes", "coffee", "food", "sun", "time", "break",
          "breaks", "days",
          "classes", "naps", "shots", "selfies", "fun", "drink", "drinks", "vacation",
        ]),
      p(.overdose, "@took ~2 #8 ~3 @drugs|mg|pills|them|tabs"),
      p(.overdose, "@took ~1 # grams|g|gs|grammes|mg ~1 of ~1 ket|k|ketamine"),
      p(.overdose, "@took ~1 an overdose|od"),
      p(
        .overdose,
        "swallowed|downed|swallow|swallowing|chugged ~3 bottle|pack|pills|all|whole|handful|everything|box|packet|@pills"
      ),
      p(.overdose, "stockpiling|stockpile|stockpiled|hoarding|hoarded|saving|saved|collecting ~2 @pills"),
      p(
        .overdose, "stockpiling|stockpiled|hoarding|hoarded|saving|saved|collecting ~2 up",
        requiring: ["@drugs"]),
      p(.overdose, "@pills ~1 lined up"),
      p(
        .overdose,
        "going|gonna|about|planning|plan|want|wanna @to ~1 take|swallow ~3 all|every|whole|them|entire|everything",
        requiring: ["@pills"]),
      // "took them all at once", "i took 20 at once", not "i ate three burgers at once" or "can
      // i take 5 books at once": something taken, or a number taken and nothing else named.
      p(
        .overdose, "@took ~6 at once",
        requiring: ["@drugs", "pills", "them", "tabs", "tablets", "capsules", "meds", "mg", "dose", "doses"]),
      p(.overdose, "@took ~1 # at once"),
      p(
        .overdose, "stop|stopping|stopped|quit|quitting ~4 at once",
        requiring: ["@drugs", "pills", "meds", "medication", "medications"]),
      p(.overdose, "pills|@pills ~1 i|ive|he|she ~1 took|swallowed|taken"),
      p(
        .overdose,
        "not|barely|stopped|isnt|cant|cannot|wont|wouldnt|doesnt|hard|weird|weirdly|trouble|struggling ~1 breathing|breathe|breath|wake|waking|responding|respond|move|stand|feel",
        requiring: ["@took", "@pills", "overdosed", "mixed", "k", "ket", "khole"]),
      p(
        .overdose,
        "unconscious|unresponsive|turning_blue|turned_blue|going_blue|gone_blue|blue_lips|passed_out|fitting|seizure|seizing|convulsing|foaming|vision",
        requiring: ["@took", "@pills", "overdosed", "mixed", "k", "ket"],
        unless: ["article", "clinic", "anesthesia", "surgery"]),
      p(.overdose, "took|taken|had|done ~2 something", requiring: ["@symptom", "blue", "help"]),
      p(.overdose, "throw_up|vomit ~2 pills|@pills"),
      p(.overdose, "medicine|medication|pill|pills cabinet"),
      p(.overdose, "every|all|whole|entire ~1 pill|pills|@pills ~2 in_the_house|i_have|i_own|at_once"),
      p(
        .overdose,
        "mixed|combined|mixing ~4 alcohol|booze|vodka|wine|beer|drinks|whiskey|liquor ~3 all|whole|every|everything|handful|bunch|bottle"
      ),
      p(
        .overdose, "@took ~1 like|about|maybe|around|over|almost #10 $|@pills|and_i|and_now|and_feel|and_cant"
      ),
      p(
        .overdose, "wont|cant|not|isnt|wouldnt ~2 wake|waking|breathing|breathe|responding",
        requiring: ["@took", "overdosed", "overdose", "od", "@pills"],
        unless: ["alarm", "phone", "laptop", "computer", "screen", "anesthesia", "surgery"]),
      p(
        .overdose, "lips|skin|face ~2 blue|purple|grey|gray",
        requiring: ["@took", "@pills", "overdosed", "od", "breathing"]),
    ]
  }

  // MARK: third party (beyond the other-person forms above)

  private static func thirdParty() -> [CrisisPattern] {
    [
      p(
        .thirdParty,
        "@person ~4 wants|want|wanted|wanting|trying|tried|planning|plans|threatening|threatened|talks|talking|talked|says|said|keeps|told ~4 die|dead|suicide|end_it|end_her|end_his|end_their|jump|overdose|od|kms|unalive",
        unless: research.union([
          "movie", "show", "game", "character", "book", "plant", "plants", "battery", "phone", "car", "fish",
          "goldfish",
        ])),
      p(.thirdParty, "@person ~3 researching|searching|googling|looking ~3 ways|how @to die|kill"),
      p(.thirdParty, "@person ~3 giving|given|gave away ~3 stuff|things|belongings"),
      p(
        .thirdParty, "@person ~4 posted|sent|texted|wrote|messaged ~3 goodbye|suicide_note|final_message",
        requiring: [
          "forever", "answering", "responding", "reach", "weird", "scared", "worried", "final", "everyone",
          "note", "suicide",
        ]),
      p(
        .thirdParty,
        "goodbye ~6 not_answering|isnt_answering|wont_answer|not_picking|cant_reach|not_responding|wont_respond"
      ),
      p(
        .thirdParty,
        "says|said|thinks|feels|told|keeps|saying ~6 better|happier|easier ~2 without him|her|them"),
      p(
        .thirdParty,
        "@person ~4 wish|wishes|wished ~2 he|she|they ~1 was|were|wasnt|werent ~1 dead|gone|here|alive|born"),
      p(.thirdParty, "@person ~3 doesnt|dont|didnt ~1 want @to ~1 live|be_alive|be_here|exist|wake"),
    ]
  }

  // MARK: slang, abbreviations and euphemisms

  private static func slang() -> [CrisisPattern] {
    [
      p(.slang, "kms|kys|kmsl|kmsss|kmss"),
      p(.slang, "sewerslide|sewerslides|sewersliding"),
      p(
        .slang, "unalive|unaliving|unalived",
        unless: ["show", "movie", "character", "series", "episode", "book", "game"]),
      p(.slang, "selfdelete|selfdeleting|selfdeleted"),
      p(.slang, "self ~1 delete|deleting|deleted|terminate"),
      p(.slang, "ctb"),
      p(
        .slang, "time|ready|gonna|going @to|for|me ~3 catch|catching the bus",
        unless: [
          "work", "school", "home", "station", "airport", "downtown", "stop", "route", "morning", "late",
          "miss", "missed",
        ]),
      p(.slang, "catch|catching the bus ~4 know|for_good|forever|permanently|final|iykyk|last"),
      p(
        .slang,
        "commit|commiting|committing|comit|commited ~1 die|sudoku|toaster|sewerslide|unalive|ded|death"),
      p(.slang, "toaster bath|baths"),
      p(.slang, "final|last ~1 yeet|sleep|nap|exit|goodbye|bow", unless: ["meal", "before", "trip"]),
      p(.slang, "dirt_nap|eternal_sleep|big_sleep|forever_sleep|permanent_sleep|long_sleep|endless_sleep"),
      p(
        .slang,
        "log|logging|logout|sign|signing|check|checking off|out ~1 permanently|forever|for_good|for_real|irl|of_life"
      ),
      p(.slang, "game over ~2 irl|for_me|forever"),
      p(.slang, "gonna|going|ready|about|want|wanna|time @to rope|roping|neck"),
      p(
        .slang, "rope ~1 time|myself|szn|$",
        requiring: [
          "gonna", "ready", "time", "considering", "thinking", "want", "wanna", "buy", "bought", "the",
        ], unless: ["climbing", "jump", "skipping", "swing", "boat", "tow", "tug"]),
      p(.slang, "considering|thinking|ready ~2 the rope"),
      p(.slang, "pills ~3 goodbye|bye|forever"),
      p(.slang, "^ goodbye forever|world"),
      p(.slang, "sleep ~3 not ~1 wake ~2 on purpose"),
      p(.slang, "yeet ~1 off"),
      p(.slang, "@wantdie @to ~1 sleep forever|for_ever|and_never"),
      p(.slang, "catch the bus", requiring: ["ctb", "iykyk", "forums", "forum"]),
      p(.slang, "delete ~1 myself|my_existence|me_from_existence"),
      p(.slang, "neck|necking @self"),
      p(.slang, "take|taking|took the long|big|eternal|final|last|forever nap|sleep|dirt_nap"),
      p(
        .slang, "@i|want|wanna|gonna|ready|going|time ~2 leave|leaving this ~1 world|earth|planet",
        negatable: true),
      p(.slang, "take|taking|took the easy way out"),
      p(
        .slang, "big|eternal|forever|final ~1 nap|sleep",
        requiring: ["take", "gonna", "want", "wanna", "ready", "time", "going"],
        unless: ["cat", "dog", "baby", "vacation", "weekend"]),
    ]
  }
}
