/// The engine's version, shown by `faqbot --version` and mixed into the model-cache key so
/// a new engine never trusts a model trained by an old one.
public enum FAQBotVersion {
  public static let string = "0.1.0"
}
