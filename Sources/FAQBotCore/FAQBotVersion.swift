/// The engine's version, shown by `faqbot --version` and mixed into the model-cache key so
/// a new engine never trusts a model trained by an old one.
public enum FAQBotVersion {
  /// The version `faqbot --version` prints and the model cache's engine string names.
  public static let string = "0.1.0"
}
