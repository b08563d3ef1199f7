/// How the engine reads a question: with the fast matcher alone, or with the contextual
/// sentence encoder as well (issue 17).
public enum EngineMode: String, Sendable, Equatable, CaseIterable {
  /// TF-IDF and the static token vectors: microseconds a question, for throughput.
  case fast
  /// The fast matcher plus all-MiniLM-L6-v2 (``FAQBotEncoder/SentenceEncoder``): a softmax on
  /// its sentence vectors mixed with the fast one, the nearest training question for the
  /// out-of-scope score, and semantic passage retrieval for knowledge-only packs;
  /// milliseconds a question.
  case encoder

  /// The mode a run gets when neither it nor its pack chooses one. Chosen by measurement
  /// (docs/performance.md, "Encoder mode"; README): the encoder mode was to be the default
  /// if it met issue 17's latency targets, and training CLINC150 in it took minutes on this
  /// machine against the 60 s target, so the default is the fast mode.
  public static let `default`: EngineMode = .fast
}
