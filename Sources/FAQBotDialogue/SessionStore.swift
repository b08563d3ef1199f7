import OrderedCollections

/// Conversation contexts by session id, bounded: past `capacity` sessions the least
/// recently used ones are forgotten, so a long-running process does not grow without limit.
///
/// The contexts are kept in order of last use (swift-collections' OrderedDictionary): a used
/// session moves to the end and eviction drops from the front, so no turn sorts the sessions.
public struct SessionStore: Sendable {
  public let capacity: Int
  private var contexts: OrderedDictionary<String, ConversationContext> = [:]

  public init(capacity: Int = 10_000) { self.capacity = max(1, capacity) }

  public var count: Int { contexts.count }

  /// Runs `body` on the context of `session`, creating it if needed.
  public mutating func withContext<Result>(
    _ session: String, _ body: (inout ConversationContext) -> Result
  ) -> Result {
    var context = contexts.removeValue(forKey: session) ?? ConversationContext()
    let result = body(&context)
    contexts[session] = context
    if contexts.count > capacity { evictOldest() }
    return result
  }

  /// Drops the oldest tenth at once: removing from the front of an OrderedDictionary moves
  /// the rest, so evicting in batches keeps that O(1) amortised per session.
  private mutating func evictOldest() {
    let excess = contexts.count - capacity + max(1, capacity / 10)
    contexts.removeFirst(excess)
  }
}
