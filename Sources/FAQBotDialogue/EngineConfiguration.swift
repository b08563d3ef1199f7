import FAQBotEncoder
import FAQBotMatching

/// Every tunable of the dialogue pipeline, in one place, each with the reason for its value.
public struct EngineConfiguration: Sendable, Equatable {
  /// Below this classifier confidence an intent is not answered (fast mode). Picked on the
  /// default pack's evaluation set (see `intents/README.md`): the middle of the tied range
  /// 0.30–0.40 once answers carry one calibrated confidence and the subject check runs.
  public static let defaultThreshold = 0.35
  /// The same for the encoder mode, whose confidence mixes the best probability with the
  /// nearest-question cosine (``EncoderMix``): another scale, so another threshold. Picked on
  /// the default pack's tuning set and CLINC150's val split (docs/performance.md).
  public static let defaultEncoderThreshold = 0.5

  /// Fast or encoder (``EngineMode``).
  public var mode: EngineMode
  /// The confidence (`0...1`) an intent needs to be answered; ``init(mode:)`` sets the mode's
  /// default.
  public var threshold: Double
  /// How the encoder mode mixes its models and signals.
  public var encoderMix = EncoderMix()
  /// The most tokens the encoder reads of a question or passage, [CLS] and [SEP] included:
  /// the model's own limit. Longer messages are matched on their start; the crisis detector
  /// still reads the whole message.
  public var encoderTokenCap = SentenceEncoder.defaultTokenCap
  /// The crisis answer with a pack's own emergency text and numbers (a pack setting); nil is
  /// the engine's built-in answer (988 in the US, or local emergency services). Detection
  /// itself is not configurable: every message of every pack goes through it.
  public var crisisReply: String? = nil
  /// Phrases a pack adds to the crisis detector, besides the triggers of its `kind: safety`
  /// intents; they can only add, never remove.
  public var crisisPhrases: [String] = []
  /// The share of a question's content that a passage must hold to be answered with.
  public var passageCoverage = 0.7
  /// Knowledge-only packs (no intents): the share of a question's content a section (its
  /// heading and text) must hold to be answered from. Chosen on the tune splits of
  /// Benchmarks/documents (see BENCHMARKS.md, "Your own document"): 0.4 answered 4 more
  /// homebrew questions right but said "not covered" to 3 fewer of 14; 0.6 lost 3 right
  /// answers of each document for 2 more honest not-covered replies each.
  public var sectionCoverage = 0.5
  /// Knowledge-only packs: a question whose words are this much in a section's heading is
  /// answered from it even below ``sectionCoverage``: it nearly repeats the heading. On the
  /// tune splits 0.3 answered 4 more homebrew questions right than 0.5, at no honesty cost.
  public var sectionTitleCoverage = 0.3
  /// Knowledge-only packs in the encoder mode: the score at which the nearest paragraph
  /// (``SemanticRetriever``: its cosine with the question, plus ``semanticMarginWeight`` times
  /// its lead over the next section) answers. Chosen with the two settings after it on the
  /// tune splits of Benchmarks/documents (docs/performance.md, "Knowledge-only retrieval"):
  /// of 140 settings, 0.7 with weight 3 and give-way 0.8 answered 3 more questions right and
  /// 3 more honestly "not covered" than the settings before (0.5, no lead, 0.55); settings
  /// that answered up to 15 more right gave up 8 of the 14 honest replies.
  public var semanticCosine = 0.7
  /// The subject check gives way when every word of the subject it found is a common English
  /// word at least this close (static token vectors' cosine) to a word the document uses
  /// (``DocumentNeighbours``). 0.5: on the default pack's tune questions of other subjects
  /// 0.5 to 0.7 kept every honest answer (0.45 lost 3 of 296, 0.4 lost 5); on the documents'
  /// packs (`faqbot init` drafts and hand-finished) 0.5 answered 0 to 4 more tune questions
  /// right than no give-way, 0 to 2 more than 0.6, at the same honesty.
  public var subjectCheckNeighbourCosine = 0.5
  /// Knowledge-only packs in the fast mode: the subject check gives way to a paragraph at
  /// least this close to the question in the static token vectors (``SectionVectors``). On the
  /// tune splits 0.4 answered 5 more questions right than never giving way (1.01), for 2 fewer
  /// honest "not covered" replies; 0.5 and 0.6 gave way less, to the same honesty.
  public var subjectCheckVectorGiveWay = 0.4
  /// Knowledge-only packs in the encoder mode: how much the paragraph cosine counts against
  /// the lexical section score (relative to the best section's) when sections are ranked. 1:
  /// meaning alone ranks (as before the mix); on the documents' tune splits 0.85 tied at best
  /// and 0.7 ranked 3 fewer right (docs/performance.md, "Knowledge-only retrieval").
  public var semanticLexicalWeight = 1.0
  /// Knowledge-only packs in the fast mode: how much a section's nearest-paragraph cosine in
  /// the static token vectors (``SectionVectors``) counts against its lexical score (relative
  /// to the best section's) when sections are ranked. Chosen with the two settings below on
  /// the tune splits of Benchmarks/documents (docs/performance.md, "Knowledge-only retrieval"):
  /// 0.3 to 0.7 tied, 0 (lexical alone) ranked 1 to 2 fewer questions right.
  public var sectionVectorWeight = 0.5
  /// Knowledge-only packs in the fast mode: a section ranked first whose nearest paragraph is
  /// this close to the question in the static token vectors is answered from even when its
  /// words are below ``sectionCoverage``. On the tune splits 0.55 answered 5 more questions
  /// right for one fewer honest "not covered"; 0.5 and 0.45 answered more but gave up 3 to 6
  /// honest ones.
  public var sectionVectorCosine = 0.55
  /// Knowledge-only packs in the encoder mode: the subject check gives way to a paragraph
  /// scoring at least this (as for ``semanticCosine``): a passage that really answers the
  /// question. Chosen with it; 0.4 to 0.8 tried.
  public var subjectCheckSemanticGiveWay = 0.8
  /// Knowledge-only packs in the encoder mode: how much the best section's lead over the
  /// second (in the ranking's score) adds to its cosine before ``semanticCosine`` is
  /// compared. A question the document does not answer is often as near several sections
  /// ("how do I list everything I installed" beside updating and uninstalling). Chosen with
  /// ``semanticCosine``; 0 to 4 tried, and 0 (the lead ignored) scored lowest at 6 of the 7
  /// cosines tried.
  public var semanticMarginWeight = 3.0
  /// Knowledge-only packs: a paragraph shorter than this many characters is served with the
  /// next one of its section ("brew --cache" alone says little without "Which is usually: …").
  public var shortParagraphCharacters = 80
  /// Retrieval's coverage → the probability that the passage answers the question: a
  /// passage answer's confidence (docs/protocol.md, "Confidence"). Fitted by isotonic
  /// regression on the default pack's tune questions answered by retrieval alone
  /// (`--threshold 1`): 13 passage answers, 3/3 right at coverage 0.7–0.8, 7/10 at 1.0, so
  /// the monotone fit pools them at 10/13 = 0.77. Raw coverage said 1.0 for answers right
  /// 70% of the time.
  public var retrievalCalibration = ScoreCalibration(points: [(0.7, 0.77), (1.0, 0.77)])
  /// Knowledge-only packs: a section answer's raw score → the probability that it is right,
  /// by what it was chosen on (docs/protocol.md, "Confidence"). Raw scores are on different
  /// scales (a share of words, a cosine plus a lead), and none of them is that probability: a
  /// cosine of 0.63 answered right about half the time. Each map is a logistic fit of right
  /// on the raw score over the tune questions of Benchmarks/documents that were answered
  /// from a passage (`Benchmarks/documents/calibrate.py --fit`), sampled at five scores across
  /// the fitted range and flat outside it; the held-out figures are in BENCHMARKS.md.
  ///
  /// In the encoder mode, chosen on the section's words (its coverage of the question's
  /// content words): 31 tune answers, 26 right.
  public var sectionWordsCalibration = ScoreCalibration(points: [
    (0.30, 0.73), (0.48, 0.79), (0.65, 0.84), (0.83, 0.88), (1.00, 0.91),
  ])
  /// In the encoder mode, chosen on meaning (the nearest paragraph's cosine plus
  /// ``semanticMarginWeight`` times the section's lead): 32 tune answers, 22 right.
  public var sectionMeaningCalibration = ScoreCalibration(points: [
    (0.72, 0.46), (0.99, 0.67), (1.25, 0.83), (1.52, 0.92), (1.79, 0.97),
  ])
  /// In the fast mode, chosen on the section's words: 39 tune answers, 28 right.
  public var sectionFastWordsCalibration = ScoreCalibration(points: [
    (0.30, 0.68), (0.48, 0.70), (0.65, 0.72), (0.83, 0.73), (1.00, 0.75),
  ])
  /// In the fast mode, chosen on the static token vectors' cosine: 14 tune answers, 6 right.
  public var sectionVectorCalibration = ScoreCalibration(points: [
    (0.55, 0.32), (0.61, 0.42), (0.67, 0.52), (0.72, 0.62), (0.78, 0.71),
  ])
  /// Longer questions are matched on their first part only.
  public var maxQuestionCharacters = 2_000
  /// How many intents an answer lists as candidates (the protocol promises the top 3).
  public var candidateCount = 3
  /// A message of at most this many words that holds a word pointing back ("they", "it")
  /// is also read together with the previous question: "how long do they last?" (6 words)
  /// leans on its antecedent, a long question that happens to contain "it" does not.
  public var continuationWordLimit = 8
  /// A message of at most this many words is a fragment ("and for ptsd?") and is also read
  /// together with the previous question, even without a pointing word.
  public var fragmentWordLimit = 4
  /// A message of more words than this, in two sentences or more, is also read by its last
  /// question alone (``Turn/questionReading``): people tell their story first and ask last,
  /// and a story of 60 words outweighs the 10 of the question in the classifier. 25 words is
  /// about twice the longest question of the default pack's tune set.
  public var longMessageWords = 25
  /// A continuation's own words must be this much in scope (the share of its content words
  /// the pack knows): "blah blah zzz" after a question about side effects is not about them.
  public var continuationInScope: Float = 0.5

  /// Whether a question about a named thing the document never mentions is answered "not
  /// covered" (``SubjectStage``). Off only to measure what the check changes
  /// (`--no-subject-check`).
  public var subjectCheck = true
  /// The subject check gives way to a small-talk intent only at this confidence (or the
  /// threshold, if higher): greetings and thanks match theirs near 1, while a question about
  /// another subject that shares one word with them ("is dayquil ok to take at night" →
  /// goodbye, "do bananas really help you sleep" → capabilities) scored 0.36-0.38.
  public var subjectCheckSmallTalkGiveWay = 0.6
  /// The same for a message that opens as a question ("*is* dr phil a real doctor", "*who*
  /// invented …"): small talk is greetings, thanks and goodbyes, and its own questions ("who
  /// are you", "what can you do") match near 1, so a question about a named thing that
  /// reaches a small-talk intent at 0.6-0.8 through one shared word ("doctor", "real") is
  /// about that thing. A greeting that names a place ("good morning from toronto", 0.66) keeps
  /// the lower bar. On the default pack's tune questions 0.8 answered one more other-subject
  /// question honestly and changed nothing else (nor the documents' tune figures).
  public var subjectCheckSmallTalkQuestionGiveWay = 0.8
  /// The confidence of the subject check's "not covered": the share of its replies on the
  /// tune sets (other-subject questions and in-scope questions of the default pack) that
  /// were right, so that it sits on the same scale as every other answer's.
  public var subjectCheckConfidence = 0.95
  /// The confidence of the engine's own dose decline (``DoseStage``): the share of its
  /// declines on the tune sets that were dose requests (docs/safety.md, "Dose requests").
  public var doseDeclineConfidence = 0.95

  /// A question whose own reading is at least this confident is complete: the conversation
  /// does not override it ("how quickly does it work?" after the mechanism). 0.5: above the
  /// answer threshold, so a guess is still filled from the context; with it the multi-turn
  /// tune set (Tests/Fixtures/multi-turn) went from 75.3% to 88.3% of later turns right.
  public var ownReadingConfident = 0.5
  /// A question pointing back with "they", "that"… and at most this many content words of
  /// its own ("are they permanent?": 1, "how long do they last?": 2) takes its topic from the
  /// previous question even when its own reading is confident.
  public var ownWordsOfAPointer = 2
  /// How many of a pointer's own likeliest intents the reading with the previous question may
  /// choose from (``ClassifierStage/contextFills(_:alone:together:_:)``): "are they
  /// permanent?" alone ranks how long the benefits last first and how long side effects last
  /// second; after a question on side effects the second is meant. The rule was written from
  /// two misses of the multi-turn tune set; 3 was set by hand before the set was run on it.
  public var pointerChoices = 3

  /// How many of the fallback's best intents are considered for "did you mean".
  public var fallbackOfferDepth = 5
  /// The most "did you mean" offers a fallback makes.
  public var fallbackOfferCount = 3
  /// Offers after the first need at least this probability: an intent at 1% is noise, and
  /// three unrelated offers read as a guess.
  public var fallbackOfferMinimum: Float = 0.05

  /// The configuration of `mode`, with that mode's default threshold. An embedder's
  /// configuration is the fast mode unless it asks for the encoder; the executable applies
  /// ``EngineMode/default`` when a run chooses none.
  public init(mode: EngineMode = .fast) {
    self.mode = mode
    threshold = mode == .encoder ? Self.defaultEncoderThreshold : Self.defaultThreshold
  }
}
