/// Scores an engine on labelled questions: how `faqbot eval` and the accuracy tests measure
/// a pack. A question labelled `nil` is out of scope and is right only when the engine
/// falls back honestly or a not-covered intent answers it.
public struct Evaluation: Sendable {
  /// One labelled question.
  public struct Item: Sendable, Equatable {
    /// The question as a person would type it.
    public var question: String
    /// The intent that should answer, or `nil` when the bot should say it doesn't know.
    public var intent: String?

    /// An item; a nil `intent` marks an out-of-scope question.
    public init(question: String, intent: String?) {
      self.question = question
      self.intent = intent
    }
  }

  /// How an engine did on the items at one threshold.
  public struct Report: Sendable, Equatable {
    /// The threshold the engine answered at.
    public var threshold: Double
    /// How many items were asked.
    public var total: Int
    /// How many were answered with their label (an out-of-scope item: with a fallback).
    public var correct: Int
    /// Out-of-scope items answered with a fallback, out of all fallbacks.
    public var outOfScopePrecision: Double
    /// Out-of-scope items answered with a fallback, out of all out-of-scope items.
    public var outOfScopeRecall: Double
    /// (expected, got) label pairs that differed, most frequent first; "none" stands for a fallback.
    public var confusions: [(expected: String, got: String, count: Int)]
    /// Every item answered wrongly, in item order, with the labels expected and given ("none"
    /// stands for a fallback).
    public var mistakes: [(question: String, expected: String, got: String)]

    /// `correct / total`; 0 for no items.
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// Compares the threshold and the counts only: arrays of tuples are not `Equatable`.
    public static func == (lhs: Report, rhs: Report) -> Bool {
      lhs.threshold == rhs.threshold && lhs.total == rhs.total && lhs.correct == rhs.correct
    }
  }

  /// The labelled questions, asked in this order.
  public let items: [Item]

  /// An evaluation of `items`.
  public init(items: [Item]) { self.items = items }

  /// The label an answer gives: its intent, "none" for a fallback, or the passage for a
  /// knowledge answer (never right for an out-of-scope item; right for an intent whose answer
  /// cites the passage's section, see ``run(_:)``).
  static func label(of answer: Answer) -> String {
    switch answer.kind {
    case .fallback: "none"
    case .knowledge: "passage:\(answer.sources.first?.id ?? "?")"
    case .safety: "crisis"
    case .intent: answer.intent ?? "none"
    }
  }

  /// Asks `engine` every item, each in a new conversation, and scores the answers.
  public func run(_ engine: Engine) -> Report {
    var correct = 0
    var fallbacks = 0
    var rightFallbacks = 0
    var outOfScope = 0
    var pairs: [String: Int] = [:]
    var mistakes: [(String, String, String)] = []
    for item in items {
      let answer = engine.respond(to: item.question)
      let expected = item.intent ?? "none"
      // An out-of-scope question answered by a not-covered intent ("the document doesn't
      // cover the weather") got the honest answer its label asks for, in the pack's words.
      var got = expected == "none" && answer.category == .notCovered ? "none" : Self.label(of: answer)
      // A passage of a section the expected intent's answer cites is that intent's answer
      // found by retrieval, as `faqbot check` and Benchmarks/documents count it.
      if got != expected, answer.kind == .knowledge, let intent = engine.resources.pack.intent(expected),
        intent.kind == .faq, PackCheck.serves(answer, intent: intent, knowledge: engine.resources.knowledge)
      {
        got = expected
      }
      if got == "none" { fallbacks += 1 }
      if expected == "none" { outOfScope += 1 }
      if got == expected {
        correct += 1
        if got == "none" { rightFallbacks += 1 }
      } else {
        pairs["\(expected)\u{0}\(got)", default: 0] += 1
        mistakes.append((item.question, expected, got))
      }
    }
    let confusions = pairs.map { key, count in
      let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
      return (expected: parts[0], got: parts.count > 1 ? parts[1] : "", count: count)
    }.sorted { ($0.count, $1.expected, $1.got) > ($1.count, $0.expected, $0.got) }
    return Report(
      threshold: engine.configuration.threshold, total: items.count, correct: correct,
      outOfScopePrecision: fallbacks == 0 ? 1 : Double(rightFallbacks) / Double(fallbacks),
      outOfScopeRecall: outOfScope == 0 ? 1 : Double(rightFallbacks) / Double(outOfScope),
      confusions: confusions, mistakes: mistakes)
  }

  /// The outcome of a threshold sweep: every threshold's report, in the order asked, and the
  /// threshold to choose.
  public struct Sweep: Sendable {
    /// Every threshold's report, in the order asked.
    public var reports: [Report]
    /// The best accuracy any threshold reached.
    public var bestAccuracy: Double
    /// The thresholds that reach `bestAccuracy`, in the order asked.
    public var tied: [Double]
    /// The tied threshold nearest the middle of the tied range: the least fragile choice,
    /// since a threshold at the edge of its range flips answers at the smallest change.
    public var best: Double
  }

  /// Runs the same trained engine at each threshold and chooses the best one; nil when no
  /// threshold is given.
  public func sweep(_ engine: Engine, thresholds: [Double]) -> Sweep? {
    let reports = thresholds.map { threshold in
      var configuration = engine.configuration
      configuration.threshold = threshold
      let tuned = Engine(
        pack: engine.resources.pack, knowledge: engine.resources.knowledge, configuration: configuration,
        classifier: engine.resources.classifier)
      return run(tuned)
    }
    guard let bestAccuracy = reports.map(\.accuracy).max() else { return nil }
    let tied = reports.filter { $0.accuracy == bestAccuracy }.map(\.threshold)
    return Sweep(reports: reports, bestAccuracy: bestAccuracy, tied: tied, best: tied[tied.count / 2])
  }
}
