import FAQBot

/// The conversations of one `faqbot mcp` process, by the `session` argument of `ask`.
///
/// An actor because the SDK answers requests concurrently, and two questions of one session
/// must run one after the other on its context (the second reads what the first left). The
/// store is bounded like the JSON front's: past its capacity the least recently used
/// sessions are forgotten. Questions without a session never enter the actor.
actor MCPSessions {
  private let engine: Engine
  private var store: SessionStore

  init(engine: Engine, capacity: Int = 10_000) {
    self.engine = engine
    self.store = SessionStore(capacity: capacity)
  }

  func respond(to question: String, session: String) -> Answer {
    let engine = engine
    return store.withContext(session) { engine.respond(to: question, context: &$0) }
  }
}
