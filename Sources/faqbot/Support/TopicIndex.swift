import FAQBot

/// What the REPL's `/topics` and the MCP `topics` tool list: the pack's intents grouped the
/// way the document is organised, so people see what they can ask in the document's own terms.
/// Shared by both fronts so they cannot disagree about what the pack answers.
///
/// A FAQ intent belongs to the section of the first passage its answer cites, an uncited one
/// to "Other"; every other intent is grouped by its kind (not covered, declined…), whatever it
/// cites. Each intent is shown as its first example question.
struct TopicIndex: Sendable {
  struct Group: Sendable, Equatable {
    /// What `/topics NAME` and Tab completion use: the section id, or the kind's name.
    /// Ids rather than titles because titles have spaces, which readline completes badly.
    var key: String
    var title: String
    var questions: [String]
  }

  /// Sections in document order, then the kind groups.
  var groups: [Group]

  /// - Parameter kinds: the intent kinds to list: by default only what can be asked, a
  ///   document answer or an honest "not covered" (the REPL's `/topics`), never a crisis
  ///   message, small talk or a question faqbot declines, which would advertise what it
  ///   refuses to do. The MCP front lists only `.faq`.
  init(pack: IntentPack, knowledge: KnowledgeBase, kinds: Set<Intent.Kind> = [.faq, .notCovered]) {
    var bySection: [String: [String]] = [:]
    var byKind: [String: [String]] = [:]
    for intent in pack.intents where kinds.contains(intent.kind) {
      guard let question = intent.examples.first else { continue }
      // A not-covered intent may cite the passage its honest answer leans on ("the article
      // doesn't say what it costs" cites access): listed under that section it would read as
      // a question the document answers, so it stays in its own group.
      if intent.kind == .faq, let cited = intent.answer.knowledge.first,
        let passage = knowledge.passage(cited)
      {
        bySection[passage.sectionId, default: []].append(question)
      } else {
        byKind[Self.kindKey(intent.kind), default: []].append(question)
      }
    }
    var groups: [Group] = []
    for section in knowledge.document.sections {
      if let questions = bySection[section.id] {
        groups.append(Group(key: section.id, title: section.title, questions: questions))
      }
    }
    for (key, title) in Self.kindGroups {
      if let questions = byKind[key] { groups.append(Group(key: key, title: title, questions: questions)) }
    }
    self.groups = groups
  }

  /// The kind groups in the order listed, with their titles.
  static let kindGroups: [(key: String, title: String)] = [
    ("other", "Other"), ("smalltalk", "Small talk"), ("decline", "Questions I decline"),
    ("not_covered", "Not covered by the document"), ("safety", "Safety"),
  ]

  private static func kindKey(_ kind: Intent.Kind) -> String {
    kind == .faq ? "other" : kind.rawValue
  }

  var keys: [String] { groups.map(\.key) }

  /// The groups `name` means: the one whose key or title it is (any case), or else every
  /// group whose key or title contains it, so "/topics side" finds "Potential Side Effects".
  func groups(named name: String) -> [Group] {
    let wanted = name.lowercased()
    if let exact = groups.first(where: { $0.key.lowercased() == wanted || $0.title.lowercased() == wanted }) {
      return [exact]
    }
    return groups.filter { $0.key.lowercased().contains(wanted) || $0.title.lowercased().contains(wanted) }
  }
}
