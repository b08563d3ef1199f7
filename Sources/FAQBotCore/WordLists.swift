/// The engine's fixed English word lists, in one place so that every stage that skips
/// function words skips the same ones.
public enum WordLists {
  /// Porter2 stems of function words that carry no topic ("how", "the", "tell"): they never
  /// count towards a passage match, a question's in-scope share or its content words.
  /// Stems, not words, because every user of the list compares stems.
  public static let stopStems: Set<String> = [
    "a", "about", "abl", "after", "all", "also", "am", "an", "and", "ani", "anyth", "are", "as", "at", "be",
    "been", "befor", "being", "between", "both", "but", "by", "can", "could", "did", "do", "doe", "done",
    "dure", "each", "els", "ever", "for", "from", "get", "go", "got", "had", "has", "have", "he", "her",
    "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "know", "let", "like",
    "me", "more", "most", "much", "my", "need", "no", "not", "of", "on", "onli", "or", "other", "our", "out",
    "pleas", "realli", "s", "say", "she", "should", "so", "some", "tell", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "thing", "this", "those", "through", "to", "too", "up", "us",
    "use", "veri", "wa", "want", "we", "were", "what", "when", "where", "whi", "which", "while", "who",
    "will",
    "with", "would", "you", "your", "explain", "mean", "help", "thank", "hi", "hello", "someth", "anyon",
    "wonder", "curious", "question",
  ]

  /// Words that point back at the previous topic ("how long do *they* last?"): a short
  /// question holding one is read together with the question before it.
  public static let anaphora: Set<String> = [
    "it", "they", "them", "that", "those", "this", "these", "its", "their", "there", "he", "she",
  ]
}
