/// Conversation contexts by session id, bounded: past `capacity` sessions the least
/// recently used ones are forgotten, so a long-running process does not grow without limit.
public struct SessionStore: Sendable {
  /// The most sessions kept (at least 1); past it, the least recently used are dropped, a
  /// tenth of the capacity at once.
  public let capacity: Int
  private var contexts: [String: (context: ConversationContext, lastUsed: UInt64)] = [:]
  private var clock: UInt64 = 0

  /// A store of at most `capacity` sessions (1 if less is asked).
  public init(capacity: Int = 10_000) { self.capacity = max(1, capacity) }

  /// How many sessions are remembered now.
  public var count: Int { contexts.count }

  /// Runs `body` on the context of `session`, creating it if needed.
  public mutating func withContext<Result>(
    _ session: String, _ body: (inout ConversationContext) -> Result
  ) -> Result {
    clock += 1
    var entry = contexts.removeValue(forKey: session) ?? (ConversationContext(), 0)
    let result = body(&entry.context)
    entry.lastUsed = clock
    contexts[session] = entry
    if contexts.count > capacity { evictOldest() }
    return result
  }

  /// Drops the oldest tenth at once, so eviction costs O(1) amortised per session.
  private mutating func evictOldest() {
    let excess = contexts.count - capacity + max(1, capacity / 10)
    let oldest = contexts.sorted { $0.value.lastUsed < $1.value.lastUsed }.prefix(excess)
    for (key, _) in oldest { contexts.removeValue(forKey: key) }
  }
}
