/// The thirteenth round's phrase patterns (issue 15), by family of phrasing.
///
/// Written from the misses of the validation part of the thirteenth round's fresh corpus
/// (Tests/Fixtures/crisis/crisis-validation-thirteenth.jsonl), written in one go by a helper who
/// had read neither the detector nor the earlier sets, split before the detector ran on it.
/// That part first chose the encoder mode's ``CrisisMeaning`` threshold and was then tuned on
/// here, so it counts as tuned on; its held-out half was not read for them. Each pattern stands
/// for a way of saying something: a fall or a building high enough, what would "do it", a
/// means bought or drunk, a wish to fade away, a future not seen, wounds made on oneself and
/// hidden, a gun held to the mouth, someone locked in with a blade.
///
/// A review then tried everyday sentences on them ("least painful way to remove a splinter",
/// "will 2 advil be enough for my back pain", "buy sodium nitrite for curing bacon", "i cut
/// my own hair … did this to myself", "the actor held a gun to his head in the movie"), and
/// each pattern that rang was narrowed: to the end of the message, a number of pills that is
/// no dose, a person at risk named first, or the everyday objects that share its words.
/// `CrisisPatternTests` holds those lookalikes.
extension CrisisPatterns {
  static func thirteenthRound() -> [CrisisPattern] {
    thirteenthRoundMethods() + thirteenthRoundIdeation() + thirteenthRoundSelfHarm() + thirteenthRoundOthers()
      + borderRound()
  }

  /// Written from the misses of the border corpus's tune part (crisis-tune-border.jsonl):
  /// crises said in the words of history, clinics and emergencies. Someone else's plan or
  /// emergency now, an attempt's anniversary, the same plan as before, thoughts that are back,
  /// not being safe, by one's own hand.
  private static func borderRound() -> [CrisisPattern] {
    [
      // "my teen just told me she has a plan", "my son told his therapist he has a plan".
      p(
        .thirdParty, "@person ~6 he|she|they|hes|shes|theyve has|have|had|got|made a plan and|but|so|now|$",
        unless: [
          "dinner", "party", "trip", "business", "lesson", "meal", "diet", "workout", "phone", "insurance",
          "payment", "treatment", "care", "study", "project", "birthday", "wedding", "college", "school",
          "career",
          "retirement", "future", "budget", "data", "cell", "game",
        ]),
      // "tonights the night he'll finally do it".
      p(.thirdParty, "tonights|tonight_is the night ~4 do_it|finally|goes_through|does_it"),
      // "how do i use narcan he's not waking up", "gave him narcan, now hes nodding out again".
      p(
        .overdose, "narcan|naloxone|narcand ~8 not|isnt|wont|cant|stopped ~1 waking|wake|breathing|responding"
      ),
      p(.overdose, "narcan|naloxone|narcand ~8 nodding_out|passing_out|passed_out|turning_blue"),
      p(.overdose, "not|isnt|wont|stopped ~1 waking|breathing ~8 narcan|naloxone|needle|overdose"),
      // "the guy next to me on the train isnt breathing".
      p(
        .overdose,
        "@person|guy|man|woman|someone|somebody|stranger|he|she ~7 isnt|is_not|stopped|not breathing",
        unless: ["nose", "properly", "exercise", "yoga", "meditation", "snoring", "sleep_apnea"]),
      // "my son drank something from under the sink on purpose".
      p(
        .overdose, "drank|swallowed|drinking|ate ~5 on_purpose|deliberately|intentionally",
        requiring: [
          "something", "bleach", "chemicals", "cleaner", "poison", "@pills", "bottle", "antifreeze",
          "detergent",
        ]),
      // "the anniversary of my attempt … i should finish what i started".
      p(
        .explicitIdeation, "should|could|might|want_to|wanna finish it|the_job|what_i_started",
        requiring: attemptWords),
      // "i tried in 2015 and ive got the same plan as back then".
      p(
        .explicitIdeation, "same plan|method|way ~3 as|like ~1 before|back_then|last_time|then",
        requiring: ["tried", "attempt", "attempted", "suicide", "overdosed"]),
      // "i used to have suicidal thoughts? theyre back and louder".
      p(
        .explicitIdeation, "theyre|they_are|thoughts|urges [are] back|coming_back|returned",
        requiring: ["suicidal", "suicide", "kill", "die", "cutting", "selfharm"],
        unless: ["years", "ago", "stable", "recovered", "gone"]),
      // "the doctor said … yeah thats accurate, im not safe".
      p(.explicitIdeation, "@i ~1 not safe $"),
      // "i feel like im going to die by my own hand soon".
      p(.explicitIdeation, "die|dying|death|end|it ~2 by my own hand|hands"),
    ]
  }

  /// Things that fall, are cut or burn besides oneself, and accidents.
  private static let everydayHarm: Set<String> =
    cutObjects.union([
      "oven", "stove", "kitchen", "accident", "accidentally", "iron", "pan", "cooking", "hair", "finger",
      "knife", "grater", "shaving", "razor",
    ])

  /// Heights, amounts and means asked about for oneself.
  private static func thirteenthRoundMethods() -> [CrisisPattern] {
    [
      // "how far would i need to fall for it to be instant".
      p(
        .methodSeeking, "how far|high|tall ~5 fall|drop|jump|jumping ~5 instant|instantly|certain|painless",
        unless: research.union(["cat", "cats", "dog", "egg", "phone", "ball", "animal", "animals", "bungee"])),
      // "is 20 floors high enough", "would 10 stories be enough".
      p(
        .methodSeeking,
        "#5 floors|stories|storeys ~1 high_enough|tall_enough|far_enough|high|tall ~1 enough|$",
        unless: ["view", "building", "elevator", "office", "apartment", "rent", "hotel", "family"]),
      // "would 40 tylenol pm do it", "which meds could i take home that would do it".
      p(
        .methodSeeking, "@pills|tylenol|advil ~6 would|will|could do_it|finish_me|kill_me",
        unless: research.union([
          "headache", "migraine", "fever", "cramps", "cold", "flu", "toothache", "hangover", "sore", "back",
        ])),
      p(
        .methodSeeking,
        "would|will|could|do|does #10 ~2 @pills|tylenol|advil|ibuprofen|aspirin ~2 do_it|kill_me"),
      // "would a helium bag work".
      p(.methodSeeking, "would|will|could|does a|an|the helium|exit bag|hood work"),
      // "which is more lethal, tylenol or advil", "what's the least painful method".
      p(.methodSeeking, "more|most|less|least lethal|deadly|fatal ~3 method|methods|way|ways|option"),
      p(.methodSeeking, "least|less|most painful|painless method|methods $"),
      p(
        .methodSeeking, "more|most lethal|deadly ~3 @pills|tylenol|advil|ibuprofen|aspirin", unless: research),
      // "can i buy pentobarbital online", "where do people get nembutal".
      p(
        .methodSeeking, "buy|get|order|find|source|obtain ~3 pentobarbital|nembutal|exit_bag",
        unless: ["vet", "vets", "veterinarian", "dog", "cat", "horse", "animal", "animals", "euthanasia"]),
      // "how do i make sure an overdose works".
      p(
        .methodSeeking,
        "make_sure|ensure|guarantee|be_sure|sure ~3 overdose|od|attempt ~2 works|work|succeeds|kills"
      ),
      // "what combination … would reliably cause respiratory arrest … this is for myself".
      p(
        .methodSeeking, "cause|causes|induce|stop ~2 respiratory_arrest|cardiac_arrest|heart_failure",
        requiring: ["myself", "tonight"], unless: ["patients", "clinic", "doctors"]),
      // "a dose of ketamine that would make sure i don't come back".
      p(.methodSeeking, "dose|dosage|amount|@pills ~6 @i dont|never|wont|wouldnt come_back"),
    ]
  }

  /// Hopelessness, fading away, a future not seen, waiting for it to be over.
  private static func thirteenthRoundIdeation() -> [CrisisPattern] {
    [
      // "i wish i could just fade away", "i want to fade away".
      p(
        .passiveIdeation,
        "@want|wish [to] [i] [could] [just] fade|vanish|disappear away|forever|for_good|permanently",
        negatable: true),
      // "i dont see a future for myself at all".
      p(
        .passiveIdeation,
        "dont|cant|do_not|cannot|never see ~1 a|any future [for_myself|for_me|ahead|anymore] ~2 $",
        unless: research),
      // "im never going to be ok", "ill never get better".
      p(.passiveIdeation, "@i ~1 never ~3 be|get ok|okay|alright|better|fixed $"),
      // "nothing is ever going to get better", "nothing ever gets better".
      p(.passiveIdeation, "nothing ~4 get|gets|getting better $"),
      // "nothing will fix me", "no one can ever help me".
      p(.passiveIdeation, "nothing|no_one|nobody will|can|could [ever] fix|save me $"),
      p(.passiveIdeation, "nothing|no_one|nobody will|can|could ever help me $"),
      // "ive stopped caring if i live or die".
      p(.passiveIdeation, "care|caring ~1 if|whether @i live|living|survive or die|dying|not"),
      // "im just waiting for it all to be over".
      p(.passiveIdeation, "waiting for it_all|everything|my_life|life ~1 to be_over|end $"),
      // "i wanted it all to stop".
      p(.passiveIdeation, "want|wanted|need|needed it_all|all_of_it to stop|end $", negatable: true),
      // "i wish id get a terminal diagnosis so id have an excuse to go".
      p(.passiveIdeation, "wish|hope|hoping ~4 terminal|cancer|diagnosis ~6 excuse|so_i_can_go|so_id_go"),
      // "the guys who didn't come back got the better deal", "… are the lucky ones".
      p(
        .passiveIdeation, "didnt|never|dont come_back|make_it|survive ~3 got|have|had the better deal"),
      p(.passiveIdeation, "didnt|never|dont come_back|make_it|survive ~3 lucky_ones|easy_way_out"),
      // "suicide is on my mind every night".
      p(.explicitIdeation, "suicide|killing_myself|ending_it|ending_my_life is|been|keeps|always on my mind"),
    ]
  }

  /// Wounds made on oneself, hidden, deserved.
  private static func thirteenthRoundSelfHarm() -> [CrisisPattern] {
    let wounds: Set<String> = [
      "cut", "cuts", "cutting", "burn", "burns", "burned", "wound", "wounds", "scar", "scars", "stitches",
      "bleeding", "bruises",
    ]
    return [
      // "i did them to myself" (the burns), "i did this to myself" (the cuts).
      p(
        .selfHarm, "@i did|made|do ~1 it|them|this|these|that to|on myself", requiring: wounds,
        unless: everydayHarm),
      // "i dont want anyone to know i did this" (stitches).
      p(
        .selfHarm, "dont|do_not want anyone|anybody|people|my_parents|them to know ~3 did|do",
        requiring: wounds, unless: everydayHarm.union(["test", "tests", "blood"])),
      // "how do i clean a cut … i did it myself".
      p(
        .selfHarm, "cut|cuts|burn|burns|wound ~8 did_it|did_them|made_it myself",
        requiring: ["infected", "stitches", "bleeding", "hide", "heal", "scar", "scars"], unless: everydayHarm
      ),
      // "i deserve the pain, thats why i do it".
      p(.selfHarm, "deserve|deserved the_pain|to_hurt|to_bleed|to_suffer|pain ~4 why i do it"),
      p(.selfHarm, "@i deserve|deserved to hurt|bleed|suffer|be_hurt|be_punished"),
      // "s/h urges won't go away".
      p(.selfHarm, "sh|s_h urges|urge|relapse|thoughts"),
    ]
  }

  /// Slang and someone else at risk.
  private static func thirteenthRoundOthers() -> [CrisisPattern] {
    [
      // "i might just skydive without a parachute fr".
      p(.slang, "skydive|skydiving|jump|jumping ~2 without a parachute|chute"),
      // "i want out. like permanent out".
      p(.slang, "want|need out ~3 permanent|permanently out|exit"),
      // "i want to do the thing where you dont wake up".
      p(.slang, "the thing ~2 dont|never|not wake_up|come_back $"),
      // "s-word thoughts again".
      p(.slang, "s_word|sword thoughts|urges|ideation"),
      p(.slang, "idw2live|idwtl|idwtlive|idw2l"),
      // "been thinking about roping, got one in the garage".
      p(.slang, "thinking|thought|think ~2 roping", unless: ["calf", "cattle", "rodeo", "horse", "steer"]),
      // "he sometimes puts his pistol in his mouth".
      p(
        .thirdParty,
        "puts|put|putting|held|holds|holding ~2 gun|pistol|revolver|barrel|shotgun ~1 in|to|against his|her|their|my mouth|head|temple",
        unless: [
          "movie", "film", "show", "scene", "actor", "actress", "game", "episode", "robber", "robbed",
          "mugged",
          "mugger", "book", "novel",
        ]),
      // "my friend drank bleach".
      p(
        .overdose, "@i|@person|he|she|they ~2 drank|swallowed|drinking bleach|antifreeze|poison|pesticide",
        unless: [
          "dog", "cat", "puppy", "kitten", "pet", "game", "covid", "cure", "socrates", "history", "myth",
        ]),
      // "my son is locked in the bathroom and says he has a knife".
      p(
        .thirdParty,
        "@person|he|she|they ~2 locked|locks|locking ~4 bathroom|room|himself|herself|themselves ~8 knife|razor|blade|gun|pills|rope",
        unless: research.union(["lock", "open", "key", "keys"])),
      // "my grandfather said hes ready to go and stopped eating and taking his meds".
      p(
        .thirdParty,
        "@person ~3 said|says|saying|told ~3 ready to die|go ~1 and ~2 stopped|stopping|refuses|refusing",
        unless: ["school", "work", "bed", "party", "trip", "home", "hospice"]),
      // "i took a load of my mums tablets".
      p(
        .overdose, "took|swallowed|taken a_load|a_bunch|a_handful ~3 @pills",
        unless: [
          "week", "weeks", "days", "month", "months", "headache", "pain", "back", "cold", "flu", "vitamins",
        ]),
    ]
  }
}
