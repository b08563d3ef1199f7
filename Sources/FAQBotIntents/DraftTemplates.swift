/// The intents nearly every pack needs, written once for ``PackDraft``: generic wording
/// that holds for any document; the author adapts them.
enum DraftTemplates {
  /// The crisis text a draft starts with (pack.yaml's `emergency:`), to be localised.
  static let emergency =
    "If you are thinking about suicide or self-harm, or someone may have overdosed, please get help "
    + "now: call your local emergency number (112 in Europe, 911 in the US and Canada, 999 in the UK) "
    + "or a crisis line (988 in the US). If someone is unconscious or not breathing normally, call "
    + "emergency services straight away and stay with them. I'm only an information bot and can't "
    + "help in an emergency, but the people at these services can."

  /// The crisis intent. The engine's own detector answers crisis messages in every pack, with
  /// or without it; the file is where an author adds local phrases. It drafts none: the
  /// generic ones it used to list ("painkillers", "sleeping pills", "not breathing") were
  /// the detector's work done worse, and sent "can I drink green tea while on medication"
  /// to the crisis answer.
  static let safety = """
    # Safety: crisis messages (suicide, self-harm, overdose). faqbot's engine detects them in
    # every pack on its own and answers with pack.yaml's `emergency:` text (put your users'
    # emergency numbers there). This file only adds phrases the detector may not know: each
    # trigger below forces the crisis answer wherever it occurs in a message.
    intents:
      - id: crisis
        kind: safety
        priority: 100
        examples:
          - "I want to kill myself"
          - "I'm having suicidal thoughts"
          - "I don't want to live anymore"
          - "I want to die"
          - "I've been cutting myself"
          - "My friend overdosed and won't wake up"
          - "I can't go on like this"
          - "I'm thinking about ending my life"
          - "There's no reason for me to live"
          - "I want to hurt myself"
          - "I overdosed, what should I do?"
          - "Someone at the party took too much and is barely breathing"
          - "Everyone would be better off without me"
          - "How can I end it all?"
          - "I'm going to take my own life tonight"
          - "I keep thinking about suicide"
          - "I've been self harming again"
          - "My brother is talking about killing himself"
          - "I think I'm having an overdose"
          - "I wish I could go to sleep and never wake up"
          - "i wanna die"
          - "Life isn't worth living anymore"
          - "I have a plan to end things"
          - "I took too many pills"
        answer: >-
          Please get help now: call your local emergency number or a crisis line.
        # Phrases the engine's detector may not know (your users' slang, local words), each
        # matched as written; keep them specific ("took too many painkillers", never a bare
        # "painkillers", which would send every question about a medicine to the crisis answer).
        triggers: []

    """

  /// Greetings, thanks, goodbye and "who are you", naming the document.
  static func smalltalk(title: String) -> String {
    """
    # Small talk: short social messages. Adapt the answers to your bot's voice.
    intents:
      - id: greeting
        kind: smalltalk
        examples: [hi, hello, hey there, good morning, hello bot, hi how are you]
        answer: \(DraftText.quoted("Hello! Ask me anything about \"\(title)\"."))
      - id: thanks
        kind: smalltalk
        examples: [thanks, thank you, thanks a lot, cheers, that helped, great thanks]
        answer: You're welcome.
      - id: goodbye
        kind: smalltalk
        examples: [bye, goodbye, see you, that's all, i'm done, bye for now]
        answer: Goodbye!
      - id: who_are_you
        kind: smalltalk
        examples: [who are you, what are you, are you a bot, what can you do, what do you know about, are you human]
        answer: \(DraftText.quoted("I'm a bot that answers questions from \"\(title)\", and only from it."))

    """
  }

  /// An honest "not covered" for questions on other subjects. Add intents for questions on
  /// your document's subject that it does not answer (the ones users ask most), each naming
  /// what is not covered.
  static func notCovered(title: String) -> String {
    """
    # Not covered: questions the document does not answer. `off_topic` catches other subjects;
    # add one intent per question on your subject that users ask and the document does not
    # answer (prices, dates, support contacts…), each saying what is not covered and where to ask.
    intents:
      - id: off_topic
        kind: not_covered
        examples:
          - what's the weather like tomorrow
          - who won the football game last night
          - can you give me a recipe for pancakes
          - tell me a joke
          - what's the latest news
          - what is the stock price of apple
          - recommend a good movie
          - how do i lose weight fast
          - what's the capital of australia
          - translate hello into french
          - help me with my math homework
          - how tall is mount everest
          - what time is it in tokyo
          - should i break up with my partner
          - best pizza place near me
        answer: \(DraftText.quoted("That is not something \"\(title)\" covers, so I can't answer it."))

    """
  }

  /// What a health document must decline: dosing, recreational use and obtaining the drug,
  /// each pointing to a professional.
  static let healthDeclines = """
    # Declines (health documents): requests the bot must not help with. Name the medicine or
    # treatment of your document in the examples; keep the triggers unambiguous.
    intents:
      - id: dosing
        kind: decline
        priority: 50
        examples:
          - how much should i take
          - what dose should i take
          - how many mg is safe
          - what's the right dosage
          - how often should i take it
          - what's the maximum dose
          - how much is too much
          - can i double my dose
        answer: >-
          Sorry, I can't give dosing information. Please ask a qualified healthcare professional
          about how much or how often to take anything.
        triggers: [dose, doses, dosing, dosage, mg, milligrams, how much should i take]
      - id: recreational_use
        kind: decline
        priority: 50
        examples:
          - how do i get high on it
          - can i use it recreationally
          - is it fun to take at a party
          - how to make the high last longer
          - can i mix it with alcohol to feel more
          - what's the best way to trip
        answer: >-
          Sorry, I can't help with recreational use. If you are worried about your use of a
          substance, please talk to a qualified healthcare professional.
        triggers: [get high, getting high, recreational, recreationally, to trip, party drug]
      - id: obtaining
        kind: decline
        priority: 50
        examples:
          - where can i buy it
          - how do i get it without a prescription
          - can i order it online
          - who sells it
          - how can i get some
          - where to find a dealer
        answer: >-
          Sorry, I can't help with obtaining it. Please speak with a qualified healthcare
          professional about whether a treatment is right for you.
        triggers: [without a prescription, buy it, order it online, dealer]

    """
}
