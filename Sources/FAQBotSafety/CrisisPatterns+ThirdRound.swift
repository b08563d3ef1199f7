/// The third round's phrase patterns (issue 15), by family of phrasing rather than by message.
///
/// Written from the *training* part of the third round's corpus
/// (Tests/Fixtures/crisis/crisis-train.jsonl, benign-train.jsonl) and the tuning sets: each
/// pattern stands for a way of saying something (a goodbye, a timeline, a weapon at hand, a
/// quantity taken, a euphemism of a known kind), with the conditions that keep it off the
/// benign sentences that share its words. The validation and held-out parts were not read to
/// write them.
extension CrisisPatterns {
  /// Where "I'll be dead by Friday" is about a workload, not a plan.
  static let hyperboleContexts: Set<String> = [
    "workload", "work", "deadline", "deadlines", "homework", "exam", "exams", "project", "shift", "shifts",
    "boss", "meetings", "meeting", "assignment", "essay", "finals",
  ]

  static func thirdRound() -> [CrisisPattern] {
    thirdRoundIdeation() + thirdRoundPassive() + thirdRoundMethods() + thirdRoundSelfHarm()
      + thirdRoundOverdose() + thirdRoundThirdParty() + thirdRoundSlang()
  }

  /// Plans, timelines, goodbyes, and the means at hand.
  private static func thirdRoundIdeation() -> [CrisisPattern] {
    [
      // "I'm going to do it tonight", "this time for real".
      p(
        .explicitIdeation,
        "@i ~2 going|gonna|ready|about|decided|finally|really|actually|definitely|will [@to] [go] ~1 do|doing|go_through_with it ~3 tonight|for_real|this_time|for_good|when_im_alone|while",
        negatable: true),
      p(
        .explicitIdeation, "go|going|goes|went through with it",
        requiring: ["tonight", "time", "real", "finally", "goodbye", "ready", "die", "end", "life", "plan"],
        unless: ["ketamine", "infusion", "treatment", "session", "appointment", "surgery", "wedding"]),
      p(.explicitIdeation, "^ tonight is the night $"),
      p(.explicitIdeation, "today|tonight is the day|night ~1 i ~2 end|do_it|die|go"),
      p(
        .explicitIdeation, "@i|until|till|when|day ~1 end|ending it", negatable: true,
        unlessNext: ["with", "between", "at", "early", "there", "here"]),
      p(.explicitIdeation, "not|wont|dont ~2 fail|survive|mess_up ~1 this_time|again"),
      p(.explicitIdeation, "nobody|no_one|noone|nothing will|can|is_going_to stop me ~2 this_time|tonight"),
      // Goodbyes and notes.
      p(
        .explicitIdeation,
        "this_is|its|here_is|heres my ~1 goodbye|farewell|last_message|final_message|last_post|final_post|last_words"
      ),
      p(
        .explicitIdeation, "goodbye|bye|farewell ~1 everyone|everybody|all|world|forever|cruel",
        requiring: ["love", "sorry", "forever", "miss", "cruel", "world", "last", "final"]),
      p(.explicitIdeation, "last time ~3 hear_from_me|see_me|talk_to_me|hear_me|hear_from"),
      p(
        .explicitIdeation, "goodbye ~1 letter|letters|note|notes|video",
        unless: ["job", "work", "coworkers", "colleagues", "retirement", "leaving", "class", "students"]),
      p(
        .explicitIdeation, "wrote|writing|written|finished|write|rewriting ~2 my note|will|letters",
        unlessNext: ["for", "on", "about", "to", "in"],
        requiring: ["gone", "dead", "die", "goodbye", "note", "night", "tonight", "sorted", "after"]),
      p(
        .explicitIdeation,
        "when|after|once|for_after @i|i_am gone|dead",
        unlessNext: [
          "for", "on", "to", "from", "away", "out", "camping", "abroad", "travelling", "traveling", "tired",
          "serious", "set",
        ]),
      // Timelines.
      p(.explicitIdeation, "wont|will_not|not_going_to ~1 be alive"),
      p(
        .explicitIdeation,
        "ill|i_will|im_gonna|gonna|going_to be dead by|before ~2 morning|tomorrow|tonight|sunrise|friday|saturday|sunday|monday|end_of|next_week|the_weekend|christmas",
        unless: hyperboleContexts),
      p(.explicitIdeation, "by tomorrow|morning|tonight ~1 ill|i_will be ~1 gone|dead"),
      p(
        .explicitIdeation,
        "my|this|is_the|be_my ~1 last|final night|day|week|weekend|month|birthday|christmas ~1 alive|on_earth|ever"
      ),
      p(.explicitIdeation, "^ this_is|its|tonight_is my|the last night $"),
      // The means at hand.
      p(
        .explicitIdeation,
        "@i|standing|sitting|stood ~3 on|at ~1 the|a|this|that ~1 bridge|ledge|edge|roof|rooftop|tracks|railway ~3 right_now|now|thinking|ready|want|gonna|wanna|again"
      ),
      p(
        .explicitIdeation,
        "gun|pistol|rifle|shotgun ~4 my_head|my_mouth|loaded|in_my_hand|in_my_lap|right_now|on_myself|to_my|in_the_car"
      ),
      p(
        .explicitIdeation, "use|using|used ~2 it|them|this|that on @self",
        requiring: ["gun", "rope", "knife", "pills", "blade", "razor", "pistol", "rifle"]),
      p(
        .explicitIdeation,
        "step|stepping|walk|walking|throw_myself|lie|lay ~2 in_front_of|under ~2 bus|train|truck|car|traffic|lorry",
        negatable: true),
      p(
        .explicitIdeation,
        "@want ~3 drive|crash|driving|crashing ~3 into|off ~2 wall|tree|bridge|the_road|cliff|river|lake|traffic|truck|pole",
        negatable: true),
      p(.explicitIdeation, "planning|plan|planned|planing|keep_planning ~1 my|own ~1 death|suicide|exit"),
      p(
        .explicitIdeation,
        "cant_wait|looking_forward|ready|made_peace_with|excited|waiting ~1 @to ~1 die|dying|death|be_dead",
        unlessNext: ["my", "your", "her", "his", "it", "the"]),
      p(
        .explicitIdeation, "my|last|first|second|previous|third ~1 attempt|attempts",
        unlessNext: ["at", "to"],
        requiring: ["survived", "again", "wish", "hadnt", "another", "next", "failed"],
        unless: ["exam", "test", "driving", "recipe", "game", "bake", "baking"]),
      p(.explicitIdeation, "survived|survive|surviving ~3 attempt|overdose|suicide"),
      p(
        .explicitIdeation,
        "@wantdie|go|going|gonna|ready|time @to ~3 heaven|up_there|in_the_sky|the_other_side|the_afterlife",
        negatable: true, unless: ["when", "someday", "one_day", "eventually", "movie", "song"]),
      p(.explicitIdeation, "be_with|see|join ~3 in_heaven|up_there|in_the_sky|on_the_other_side"),
      p(
        .explicitIdeation, "have|got|made|set|picked|chose|chosen ~2 plan|date|method",
        requiring: [
          "die", "dying", "it_all", "suicide", "kill", "life", "gone", "goodbye", "note", "rope", "pills",
          "gun",
          "bridge",
        ],
        unless: [
          "wedding", "appointment", "infusion", "session", "party", "dinner", "meeting", "trip", "vacation",
          "birthday", "treatment", "insurance", "payment",
        ]),
      p(.explicitIdeation, "^ suicide|suicidal $"),
      p(.explicitIdeation, "@want|gonna|going @to ~1 suicide|commit_suicide", negatable: true),
      p(
        .explicitIdeation, "@i|gonna|going_to|will|ill be dead soon|tonight|tomorrow",
        unless: hyperboleContexts),
      p(.explicitIdeation, "last ~1 week|day|night|days ~1 alive|on_earth"),
      p(.explicitIdeation, "wanna|wana be dead|ded", negatable: true),
      p(.explicitIdeation, "with|holding ~1 a|the|my|dads|his ~1 gun|pistol|rifle|shotgun $"),
      p(.explicitIdeation, "attempted ~6 doing_it_again|do_it_again|try_again|again"),
      p(
        .explicitIdeation, "thought|thinking|think ~1 about ~1 doing_it tonight|today|again",
        requiring: [
          "wrists", "attempted", "pills", "rope", "bridge", "gun", "die", "end", "bath", "note", "blade",
        ]),
      p(.explicitIdeation, "made_peace_with|at_peace_with ~1 dying|death|ending_it|my_death"),
      p(
        .explicitIdeation, "and|to ~1 not|never come back",
        requiring: ["tonight", "lake", "river", "bridge", "drive", "walk", "forest", "woods", "sea"],
        unless: ["work", "office", "job", "store", "shop", "restaurant", "clinic", "city", "trip"]),
    ]
  }

  /// Hopelessness, not wanting to exist, wishing not to wake.
  private static func thirdRoundPassive() -> [CrisisPattern] {
    [
      p(
        .passiveIdeation,
        "dont|not|never|doesnt ~2 wanna|want_to live|exist|be_here|be_alive|wake_up|go_on|be_around",
        unlessNext: [
          "in", "with", "near", "at", "there", "on", "by", "abroad", "downtown", "together", "early",
          "before", "so",
          "for",
        ]),
      p(.passiveIdeation, "wanna|want_to be here|around|alive ~1 no|any ~1 more|longer"),
      p(
        .passiveIdeation,
        "why ~2 even|still|keep|do_i|should_i ~1 exist|existing|live|living|alive|waking_up|wake_up|bother|keep_going|go_on|be_here",
        unlessNext: [
          "at", "early", "in", "to", "with", "on", "so", "every", "up_at", "tired", "sweating", "sick",
          "hungry",
          "asking",
        ],
        unless: ["am", "pm", "night", "oclock", "3am", "4am", "5am", "alarm"]),
      p(.passiveIdeation, "^ why live|exist $"),
      p(
        .passiveIdeation,
        "shouldnt|should_not|should_never|should_have_never|never_should_have|should_never_have ~1 be|have|been ~1 alive|born|exist|existed|been_born"
      ),
      p(.passiveIdeation, "shouldnt|should_not be here $"),
      p(.passiveIdeation, "should_not|shouldnt|should_never exist|be_alive|be_born|have_been_born"),
      p(.passiveIdeation, "wish|hope|hoping|wishing|pray ~3 would|will|could|to ~1 hit|run_over|kill me"),
      p(
        .passiveIdeation,
        "if|whether i ~1 want @to ~1 live|be_alive|exist|go_on|keep_going|wake_up|be_here ~1 anymore|$"),
      p(.passiveIdeation, "break|vacation|pause|rest from existing|living|being_alive|being_here"),
      p(
        .passiveIdeation, "see|picture|imagine myself ~1 alive|here|around ~2 in|next|by",
        requiring: ["dont", "cant", "not", "never", "cannot"]),
      p(
        .passiveIdeation, "wish|wishing i ~1 didnt|hadnt|wouldnt|never ~1 wake|woke|waking|$",
        requiring: ["wake", "waking", "woke"]),
      p(
        .passiveIdeation,
        "@i|keep|always|constantly|often ~2 think|thinking|daydream|daydreaming|fantasize|fantasise|fantasizing|dream|dreaming|obsess ~1 about ~1 death|dying|being_dead|not_being_here|not_existing|not_waking_up|my_death|killing_myself|ending_it",
        unlessNext: ["my", "your", "her", "his", "it", "the"],
        unless: ["article", "book", "story", "novel", "movie", "philosophy", "class", "essay"]),
      p(
        .passiveIdeation, "envy|jealous_of|envious_of ~1 dead_people|the_dead|people_who_die|people_who_died"),
      p(
        .passiveIdeation,
        "wouldnt|would_not|wont ~1 be ~1 sad|upset|bothered|mind ~2 if ~1 i ~1 died|die|didnt_wake|was_gone|were_gone|never_woke"
      ),
      p(.passiveIdeation, "relieved|glad|happier ~3 if|when ~1 i ~1 died|die|was_gone|were_gone|disappeared"),
      p(.passiveIdeation, "nobody|no_one|noone ~3 come|show_up|go|cry ~2 my funeral"),
      p(
        .passiveIdeation,
        "@i|such|just|feel_like ~2 waste_of_space|waste_of_oxygen|waste_of_air|waste_of_a_life|mistake|failure_at_life"
      ),
      p(
        .passiveIdeation, "@i|feel|feeling|everything|life|its|so|totally|completely ~1 hopeless|worthless",
        unlessNext: ["about", "at", "with", "when", "in"]),
      p(
        .passiveIdeation,
        "had ~1 enough ~1 of ~1 life|living|everything|it_all|existing|being_alive|this_life"),
      p(.passiveIdeation, "^ ive|i_have had enough $"),
      p(.passiveIdeation, "done|finished ~2 with ~1 all_of_it|all_of_this|it_all|all_this|life"),
      p(.passiveIdeation, "ready|about|going|want|wanna @to give up $", negatable: true),
      p(
        .passiveIdeation,
        "tired|sick|exhausted ~2 of ~1 trying|fighting|struggling ~1 @to ~1 stay|keep|be ~1 alive|living|going|here"
      ),
      p(
        .passiveIdeation, "want|wanna|wish|need ~2 it|this @to ~1 be_over|end|stop",
        unlessNext: ["raining", "hurting", "snowing", "ringing", "bleeding", "itching"],
        requiring: [
          "just", "forever", "all", "everything", "anymore", "dead", "empty", "tired", "cant", "numb",
          "inside",
          "hopeless",
        ],
        unless: [
          "noise", "rain", "headache", "music", "alarm", "itch", "itching", "nausea", "cough", "meeting",
        ]),
      p(
        .passiveIdeation, "nothing ~1 matters|left ~1 anymore|for_me|in_my_life|to_live_for"),
      p(.passiveIdeation, "nothing ~1 to_look_forward_to|worth_living_for"),
      p(.passiveIdeation, "^ i|ive|i_have ~1 have|got ~1 nothing left $"),
      p(
        .passiveIdeation, "cant|dont|no|cannot ~2 see|picture|imagine ~2 a|my|any ~1 future",
        unlessNext: ["with", "for", "in", "where", "without"]),
      p(
        .passiveIdeation,
        "pray|praying|hope|hoping|wish|wishing ~4 wont|dont|didnt|never|not ~1 wake|waking|make_it"),
      p(.passiveIdeation, "care ~2 if|whether ~2 wake|live|die|make_it"),
      p(.passiveIdeation, "dont|not|never want @to wake up $|anymore|ever|again|tomorrow"),
      p(
        .passiveIdeation,
        "being_alive|existing|living|staying_alive|being_here|life ~1 is ~2 exhausting|painful|too_hard|unbearable|torture|pointless|too_much|agony|meaningless",
        unless: ["in", "with", "expenses", "costs", "abroad", "alone_in", "room"]),
      p(
        .passiveIdeation,
        "life|my_life|living|existing ~2 has_no|have_no|without|no ~1 meaning|purpose|point",
        unless: ["philosophy", "philosophically", "article", "book", "essay", "novel"]),
      p(
        .passiveIdeation,
        "how much longer ~4 keep_going|go_on|hold_on|take_it|do_this|survive|live|keep_living",
        unlessNext: ["to", "with", "on"]),
      p(.passiveIdeation, "@i|just ~1 cant|cannot anymore $"),
      p(.passiveIdeation, "dont|do_not want @to do this|it|life anymore"),
      p(
        .passiveIdeation, "never ~1 going_to|gonna|ever ~1 get|be ~1 better",
        requiring: ["life", "anymore", "point", "hopeless", "nothing"]),
    ]
  }

  /// Quantities, comparisons of methods, pain, places high enough.
  private static func thirdRoundMethods() -> [CrisisPattern] {
    let clinical: Set<String> = [
      "clinic", "clinics", "therapy", "treatment", "infusion", "infusions", "session", "sessions",
      "anesthesia",
      "anaesthesia", "surgery", "doctor", "doctors", "supervised", "accident", "accidentally", "research",
      "studies", "people", "patients", "rate", "dogs", "cat", "dog", "prescribed",
    ]
    return [
      p(
        .methodSeeking,
        "can|could|would|will|do|does ~2 die|dead|kill_you|kill_me ~1 from|of|on|if|taking|with ~3 @drugs|pills|ket|k|them|too_many|too_much|lot",
        unless: clinical),
      p(.methodSeeking, "overdose|od ~4 and ~1 die|not_wake|never_wake|be_dead"),
      p(
        .methodSeeking,
        "dose|amount|much|many|quantity ~4 deadly|lethal|fatal|kill_me|kill_you|kill_a_person",
        unless: ["people", "patients", "deaths", "year", "years"]),
      p(
        .methodSeeking,
        "dose|amount|much|many|enough ~5 stop|stops ~1 your|my|the|someones|a ~1 heart|breathing|breath",
        unless: clinical),
      p(
        .methodSeeking, "stop|stops|stopping my ~1 heart|breathing",
        requiring: [
          "@drugs", "pills", "potassium", "insulin", "dose", "amount", "much", "enough", "how", "can",
        ]),
      p(.methodSeeking, "od|overdose amount|dose|level|limit"),
      p(
        .methodSeeking,
        "hanging|jumping|drowning|cutting|pills|overdosing|overdose|shooting|gun|bleeding ~1 or ~1 hanging|jumping|drowning|cutting|pills|overdosing|overdose|gun|shooting|a_gun"
      ),
      p(
        .methodSeeking,
        "drowning|hanging|overdosing|suffocating|bleeding_out|dying|slitting ~3 hurt|painful|painless|hurts"
      ),
      p(.methodSeeking, "hurt|painful|painless ~2 to ~1 die|overdose|drown|hang|jump"),
      p(.methodSeeking, "hurt ~2 if_i_jump|if_i_hang|if_i_overdose|if_i_od|if_i_die"),
      p(
        .methodSeeking,
        "poison|poisons|overdose|od|hanging|drowning|way_to_go|way_to_die ~3 painless|pain_free|peaceful"
      ),
      p(.methodSeeking, "to go without pain"),
      p(
        .methodSeeking,
        "quickest|fastest|easiest|painless|best|quick|easy|cleanest way out $|of_this_life|of_life|of_it_all"),
      p(.methodSeeking, "end it ~1 fast|quickly|painlessly|quick|quietly"),
      p(.methodSeeking, "make|making ~2 it|my_death|this look ~2 accident|accidental|natural"),
      p(
        .methodSeeking,
        "bridge|building|roof|cliff|garage|balcony|floor|tower ~4 high|tall enough",
        unless: ["plants", "signal", "antenna", "view", "wifi"]),
      p(.methodSeeking, "crash|crashing|drive|driving ~4 to ~1 die|kill_myself|be_killed"),
      p(.methodSeeking, "rope|noose|cord|belt|beam|hook ~4 hold ~1 me|my_weight|a_person"),
      p(
        .methodSeeking, "will|would|could|can|does|do ~6 kill_me|end_me|be_enough_to_die",
        requiring: [
          "drinking", "drink", "antifreeze", "bleach", "poison", "alcohol", "together", "mix", "mixing",
          "fall", "falling", "rope", "gas", "exhaust", "chemicals", "@drugs", "pills",
        ], unless: clinical),
      p(
        .methodSeeking, "#10 ~2 @drugs|pills|tablets ~2 enough",
        unless: ["headache", "pain", "week", "month"]),
      p(
        .methodSeeking, "how many ~5 does_it_take|would_it_take|do_i_need|would_i_need|will_it_take|it_takes",
        requiring: ["@drugs", "packets", "tablets", "tonight", "boxes", "bottles"],
        unless: [
          "session", "sessions", "infusions", "infusion", "treatments", "weeks", "days", "work", "feel",
          "effect", "start", "months", "appointments", "tried", "try", "first", "before",
        ]),
      p(.methodSeeking, "buy|get|order|find ~4 to|and|so_i_can ~1 overdose|od|die|end_it|kill_myself"),
      p(
        .methodSeeking, "will|would|could|do|am ~1 i ~1 die|be_dead",
        requiring: ["all", "whole", "entire", "every", "bottle", "too_many", "enough", "#10"],
        unless: clinical),
      p(.methodSeeking, "kills|kill you|me ~1 fastest|quickest|painlessly"),
      p(.methodSeeking, "bridge|building|roof|cliff|floor|floors|height|balcony ~3 to ~1 jump ~1 from|off"),
      p(.methodSeeking, "make_sure ~2 dont|never|not|wont ~1 wake"),
      p(
        .methodSeeking, "possible|possibly @to die|overdose ~5 take|taking|enough",
        requiring: ["i", "enough"],
        unless: clinical),
    ]
  }

  /// Blades at hand, where and how deep, burns and blows, relapses.
  private static func thirdRoundSelfHarm() -> [CrisisPattern] {
    let accidents: Set<String> = [
      "accidentally", "accident", "fence", "fell", "cooking", "surgery", "shaving", "shave", "kitchen",
      "paper",
      "bike", "glass_door", "dog", "cat",
    ]
    return [
      p(
        .selfHarm,
        "used|use|using ~3 knife|blade|razor|scissors|glass|compass|lighter ~2 on ~1 my|myself|me ~1 arm|arms|leg|legs|wrist|wrists|skin|thigh|thighs|stomach|$",
        unless: ["shave", "shaving", "shaved", "hair", "beard"]),
      p(.selfHarm, "stab|stabbing|stabbed|prick|pricking @self ~1 with"),
      p(
        .selfHarm,
        "stab|stabbing|stabbed|poke|poking ~1 my ~1 leg|legs|arm|arms|hand|thigh|thighs|skin|wrist ~1 with"),
      p(.selfHarm, "holding|hold|have|got ~3 blade|razor|knife ~3 right_now|in_my_hand"),
      p(
        .selfHarm,
        "bought|hid|hiding|hidden|stash|stashed|box_of|apart ~3 blade|blades|razors|razor_blades|sharpener",
        unless: [
          "shave", "shaving", "beard", "legs", "cooking", "kitchen", "art", "craft", "crafts", "box_cutter",
          "work",
          "skates", "mower", "lawnmower", "saw",
        ]),
      p(
        .selfHarm,
        "cut|cutting|cuts ~1 my|on_my ~1 stomach|thighs|thigh|wrist|wrists|arms|arm|legs|leg|hips|hip|skin",
        unlessNext: ["on", "while", "at", "in", "during", "by", "open", "shaving", "accidentally", "hair"],
        unless: accidents),
      p(
        .selfHarm, "cut|cuts|cutting ~3 too_deep|really_deep|so_deep|deeper|deepest|very_deep",
        unless: cutObjects.union(accidents).union(["finger"])),
      p(
        .selfHarm,
        "arms|legs|thighs|wrists|stomach|skin|body|arm|leg ~3 full_of|covered_in|covered_with ~1 cuts|scars|slashes|burns",
        unless: accidents.union(["acne", "bites", "mosquito"])),
      p(
        .selfHarm, "relapsed|relapse|relapsing ~3 clean|sh|tonight|again|last_night|today",
        unless: [
          "alcohol", "drinking", "drugs", "smoking", "vaping", "drink", "sober", "gambling", "porn", "heroin",
          "cocaine", "weed", "diet", "sugar", "depression", "cancer",
        ]),
      p(
        .selfHarm, "^ relapsed $"),
      p(
        .selfHarm, "broke|lost|ruined|ended ~2 clean_streak|streak_of_being_clean|my_clean|clean_time",
        unless: ["alcohol", "drinking", "drugs", "smoking", "vaping", "sober", "gambling", "diet"]),
      p(.selfHarm, "my|the|his|her sh|selfharm ~3 worse|bad|back|control|again|scars|cuts"),
      p(
        .selfHarm,
        "burn|burned|burnt|burning|burns ~1 my ~1 arm|arms|skin|wrist|wrists|leg|legs|thigh|thighs ~3 with|on_purpose|again|lighter|spoon|cigarette|iron|until|till|$",
        unless: [
          "cooking", "oven", "accidentally", "accident", "pan", "sun", "sunburn", "beach", "kettle", "bbq",
        ]),
      p(
        .selfHarm, "on purpose|deliberately|intentionally",
        requiring: [
          "held", "holding", "stove", "lighter", "iron", "scalded", "punched", "starved", "scratched",
        ]),
      p(
        .selfHarm, "until|till|til ~3 blister|blisters|blistered|raw|bruised",
        unless: [
          "walk", "walked", "hike", "hiked", "run", "ran", "shoes", "feet", "boots", "running", "hiking",
        ]),
      p(
        .selfHarm,
        "scratch|scratched|scratching|pick|picked|picking|rub|rubbed ~3 raw|until_it_bleeds|till_it_bleeds|until_they_bleed",
        unless: ["dog", "cat", "mosquito", "bites", "itch", "itchy", "eczema", "rash", "hives"]),
      p(
        .selfHarm, "punch|punched|punching|slap|slapped|slapping|smack|smacked @self",
        unlessNext: ["by", "awake", "accidentally"]),
      p(.selfHarm, "@i deserve pain|to_hurt|to_suffer|to_feel_pain|to_bleed"),
      p(
        .selfHarm, "physical pain ~3 helps|emotional|numbs|distracts|better",
        unless: ["article", "study", "research", "brain", "studies"]),
      p(.selfHarm, "pain ~1 is ~1 the ~1 only ~1 thing ~2 feel"),
      p(
        .selfHarm, "snap|snapping|snapped ~2 rubber_band|band|hair_tie ~3 wrist|isnt|not|anymore|urge|instead"
      ),
      p(
        .selfHarm, "and|then|so|finally ~1 cut $|again|myself",
        unless: ["shaving", "shave", "cooking", "kitchen", "accidentally", "hair", "salon"]),
      p(
        .selfHarm, "reopen|reopening|reopened|picked ~3 wounds|cuts|scabs ~2 open|again", unless: ["surgery"]),
      p(.selfHarm, "carved|carve|carving ~5 into ~1 my ~1 skin|arm|arms|wrist|leg|legs|thigh|stomach"),
      p(
        .selfHarm,
        "hide|hiding|cover|covering ~3 what_i_do|what_i_did|what_ive_done ~3 arms|arm|legs|wrists|body|myself|skin"
      ),
      p(.selfHarm, "long_sleeves|hoodies|hoodie|sleeves ~4 hide|cover ~3 arms|scars|cuts|wrists|marks"),
      p(.selfHarm, "wanted|want|wanna|need ~1 it @to hurt $|more|badly|so"),
      p(
        .selfHarm,
        "do|did|made|make them|it myself ~2 with ~1 a|the|my ~1 lighter|blade|razor|knife|cigarette|iron"),
    ]
  }

  /// Quantities taken, what with, and what follows.
  private static func thirdRoundOverdose() -> [CrisisPattern] {
    [
      p(
        .overdose,
        "[@i|just] took|taken|swallowed|necked ~1 too_much|too_many|way_too_much|way_too_many|the_lot|double|triple ~2 $|on_purpose|what_do|help|and|now|should|call|911|im_scared|tonight|i_think|to|of|my|the",
        unless: [
          "coffee", "food", "sun", "caffeine", "sugar", "time", "vacation", "days", "classes", "cake",
          "pizza",
          "candy", "chocolate", "ice", "cream", "drinks", "shots", "sleep", "naps", "photos", "work",
          "cookies",
          "homework", "dessert", "vitamins", "vitamin", "allergy", "fun", "risks", "notes", "pictures",
          "selfies",
          "courses", "credits", "leave", "breaks", "care", "lessons", "loans", "drink",
          // Borrowing and everyday counting (a library's or a shop's users).
          "books", "book", "dvds", "items", "shifts", "steps", "questions", "calls", "turns",
        ]),
      p(
        .overdose, "on purpose|deliberately|intentionally",
        requiring: ["took", "taken", "swallowed", "overdosed", "od", "injected", "double", "triple", "dose"]),
      p(.overdose, "lost count", requiring: ["@drugs", "pills", "lozenges", "doses", "took", "tabs"]),
      p(
        .overdose,
        "mixed|took|taken|drank|swallowed|downed ~4 pills|@drugs|prescription|meds ~3 with|and ~1 alcohol|vodka|wine|whiskey|beer|booze|xanax|ket|ketamine",
        unless: ["can", "safe", "should", "okay", "ok", "happens", "if", "is", "prescribed", "doctor"]),
      p(
        .overdose,
        "took|taken|swallowed|downed|necked|used|ate|drank ~2 my|the|a|her|his|their ~1 whole|entire ~1 @drugs|prescription|bottle|box|pack|packet|strip|months|tablets|meds"
      ),
      p(
        .overdose,
        "dying|cant_breathe|breathing_is_slow|slow_breathing|lips_are|going_blue|throwing_up|pass_out ~5 after ~1 the|taking|i|those|all ~1 pills|them|took"
      ),
      p(
        .overdose, "lips|lip ~2 going|turning|gone|are|look|turned ~1 blue|purple",
        unless: [
          "cold", "freezing", "swimming", "pool", "winter", "snow", "lake", "lipstick", "slushie", "candy",
          "wine",
          "berries", "juice",
        ]),
      p(.overdose, "regret|regretting ~2 taking|took|swallowing ~2 pills|them|@drugs|all"),
      p(.overdose, "too late ~4 took|taken|swallowed"),
      p(
        .overdose,
        "@drugs|tablets|meds ~4 in_my_hand|counted_out|in_front_of_me|laid_out|lined_up",
        unless: ["pharmacy", "pickup", "collect", "trip"]),
      p(.overdose, "^ od|oding $"),
      p(
        .overdose,
        "@want @to take|swallow ~1 everything|all_of_them|all_of_it|all_my|all_the ~3 and ~2 sleep|die|go_to_sleep|not_wake|forever|never_wake",
        negatable: true),
      p(.overdose, "@want|ima|imma|finna|bout @to ~1 od|overdose $|tonight|on"),
      p(.overdose, "^ ima|imma|finna|gonna od|overdose"),
      p(
        .overdose,
        "took|taken|swallowed ~1 two|three|four|five|six|seven|eight|nine|ten|twenty|#2 ~1 of_them|troches|lozenges|pills|tablets ~3 wine|alcohol|vodka|beer|plus|whiskey"
      ),
    ]
  }

  /// Goodbyes from someone else, their means and their words.
  private static func thirdRoundThirdParty() -> [CrisisPattern] {
    [
      p(
        .thirdParty,
        "@person ~5 posted|sent|texted|wrote|messaged|said|left|saying|says ~4 goodbye|farewell|last_time|loves_us|love_you_all|thanks_for_everything",
        requiring: [
          "answering", "answer", "responding", "reach", "phone", "scared", "worried", "deleted", "instagram",
          "facebook", "message", "note", "everyone", "forever", "last", "picking", "gone",
        ],
        unless: ["party", "trip", "vacation", "flight", "work", "job", "leaving_for", "moving", "shift"]),
      p(
        .thirdParty, "note|letter|message ~5 saying|said|says ~2 goodbye|sorry|bye",
        requiring: ["found", "left", "answering", "reach", "room"]),
      p(
        .thirdParty,
        "@person ~6 wont|wouldnt|not ~1 be ~1 around|here|alive ~2 anymore|much_longer|next|for_long|$",
        requiring: ["worry", "goodbye", "anymore", "longer", "sorry", "scared", "worried", "forever"]),
      p(.thirdParty, "last time ~2 hear ~1 from ~1 her|him|them"),
      p(
        .thirdParty,
        "@person ~3 giving|given|gave|gives away ~6 his|her|their|all|everything|favorite|prized",
        requiring: [
          "scared", "worried", "worry", "weird", "strange", "low", "depressed", "sad", "goodbye", "concerned",
        ]),
      p(
        .thirdParty, "if anything|something happens to her|him|them",
        requiring: [
          "low", "depressed", "suicidal", "scared", "worried", "goodbye", "strange", "pills", "note",
        ]),
      p(
        .thirdParty,
        "@person ~5 took|swallowed|taken|downed ~2 a_bunch_of|a_handful_of|too_many|all_her|all_his|all_their|all_of|the_whole|an_overdose|a_lot_of|loads_of|lots_of|every",
        requiring: ["@drugs", "tablets", "meds", "lozenges", "overdose"]),
      p(
        .thirdParty,
        "@person ~5 texted|told|messaged|said|says|sent ~3 took|taken|swallowed pills|@drugs|tablets|meds"),
      p(
        .thirdParty, "showed|show|found|saw|noticed|seen ~2 her|his|their cuts|scars|burns",
        unless: ["surgery", "operation", "accident", "section", "fell", "bike", "kitchen"]),
      p(
        .thirdParty,
        "cuts|scars|burns ~2 on ~1 her|his|their|my_daughters|my_sons|daughters|sons ~1 arms|wrists|legs|thighs|arm|wrist",
        unless: ["surgery", "operation", "accident", "section", "fell", "bike", "kitchen"]),
      p(
        .thirdParty, "wrote|writing|written|finished|left ~2 her|his|their note|suicide_note|goodbye_note",
        requiring: ["said", "goodbye", "scared", "worried", "suicide", "die", "found"]),
      p(.thirdParty, "sibling|siblings|sis|bro ~3 suicidal|suicide", unless: research),
      p(.thirdParty, "@person ~4 overdosed|overdosing|has_overdosed|just_overdosed|oded", unless: research),
      p(
        .thirdParty,
        "@person ~4 texted|messaged|sent|posted|wrote ~3 saying|said goodbye $|to_everyone|forever"),
    ]
  }

  /// Euphemisms by kind: computer words, sleep, the grave, reunions, gestures.
  private static func thirdRoundSlang() -> [CrisisPattern] {
    [
      p(
        .slang, "six|6 feet|ft under",
        requiring: ["want", "wanna", "rather", "choice", "soon", "gonna", "wish", "ready", "put_me"]),
      p(
        .slang,
        "altfa|ctrl_z|uninstall|uninstalling|ragequit|ragequitting|rage_quit|rage_quitting|speedrun|speedrunning|log_off|logging_off|logout|unsubscribe ~2 my_life|life|myself|irl|my_birth|existence|dying|from_life|from_existence|this_life",
        unlessNext: ["insurance", "360", "app", "account"]),
      p(.slang, "alt fa ~1 my|irl|life|myself"),
      p(.slang, "altfa ~1 my|irl|life|myself"),
      p(
        .slang, "permanent|forever|eternal|endless|never_ending ~1 nap|sleep|dirt_nap|rest",
        requiring: ["want", "wanna", "take", "gonna", "ready", "time", "going", "need", "wish"],
        unless: ["cat", "dog", "baby", "vacation", "weekend", "lunch", "mattress", "pillow"]),
      p(.slang, "night_night|nighty_night|goodnight|good_night ~1 forever|for_good|for_ever|permanently"),
      p(
        .slang, "become|becoming|turn_into|be ~1 a|an ~1 ghost|angel|statistic|memory",
        requiring: ["want", "wanna", "gonna", "ready", "tonight", "soon", "fr", "thinking", "time"],
        unless: ["halloween", "costume", "game", "movie", "play", "party"]),
      p(.slang, "meet|meeting|join|see|visit ~2 my ~1 maker|ancestors"),
      p(
        .slang,
        "if_u_know_what_i_mean|if_you_know_what_i_mean|if_u_get_me|if_you_get_me|iykyk|if_you_catch_my_drift|if_u_catch_my_drift",
        requiring: [
          "tonight", "sky", "heaven", "forever", "again", "goodbye", "bus", "rope", "bridge", "grandma",
          "grandpa",
          "dog", "end", "leave",
        ]),
      p(.slang, "rocks|stones ~2 in_my_pockets|in_my_pocket|in_my_coat"),
      p(.slang, "@wantdie|gonna|going|wanna|ready ~1 @to ~3 long_walk_off_a_short"),
      p(
        .slang,
        "dive|diving|backflip|flip|swan_dive ~3 off ~2 bridge|roof|building|cliff|balcony|ledge|parking",
        requiring: ["gonna", "want", "wanna", "going", "ready", "time"],
        unless: ["pool", "water", "lake", "sea", "river", "diving_board", "olympics", "trampoline", "ocean"]),
      p(.slang, "press f for me"),
      p(.slang, "end|ending it fr|forreal|for_real|tbh|ngl|lol|lmao|rn"),
      p(.slang, "want2die|wan2die|wanna2die|want2kms|wanttodie|iwanttodie|iwannadie|wannadie|want2diee"),
      p(.slang, "commit ~1 neck|rope|sewer|self_delete|unalive"),
      p(
        .slang, "rope|neck szn|season|time",
        unless: ["jump", "skipping", "skip", "climbing", "tug", "boat", "jumping"]),
      p(.slang, "@want|ima|imma|finna|bout @to ~1 kms|kys|unalive|ctb|sewerslide|rope", unlessNext: ["in"]),
      p(.slang, "farewell cruel world"),
      p(.slang, "top|topping @self"),
      p(.slang, "gonna|finna|ima|imma ~1 catch the bus $"),
      p(.slang, "peace out forever|for_good|permanently"),
    ]
  }
}
