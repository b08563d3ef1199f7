/// The kinds of crisis message the detector knows, as published crisis-detection comparisons
/// group them. Every category gets the same answer; the category says why, for `/why` and
/// for evaluation.
public enum CrisisCategory: String, Sendable, CaseIterable, Codable {
  /// "I want to kill myself", "I'm going to end my life tonight".
  case explicitIdeation = "explicit_ideation"
  /// "What's the point anymore", "everyone would be better off without me".
  case passiveIdeation = "passive_ideation"
  /// "What is the lethal dose of ketamine", "how many pills to die".
  case methodSeeking = "method_seeking"
  /// "I've been cutting again", "I burn myself when it gets bad".
  case selfHarm = "self_harm"
  /// An overdose planned or in progress: "I just swallowed the whole bottle".
  case overdose
  /// Someone else is at risk: "my friend says she wants to die".
  case thirdParty = "third_party"
  /// Abbreviations, euphemisms, misspellings and spacing: "kms", "sewerslide", "unalive".
  case slang

  /// Words for `/why` and reasons.
  public var label: String {
    switch self {
    case .explicitIdeation: return "explicit suicidal ideation"
    case .passiveIdeation: return "passive suicidal ideation"
    case .methodSeeking: return "a question about a method or a lethal dose"
    case .selfHarm: return "self-harm"
    case .overdose: return "an overdose, planned or in progress"
    case .thirdParty: return "concern for someone else at risk"
    case .slang: return "crisis slang or a euphemism"
    }
  }
}
