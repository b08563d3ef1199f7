import Dispatch
import OrderedCollections

// A stand-in of ConversationContext's shape: optional strings, an array, a flag, class refs.
final class Box: Sendable {}
struct Context: Sendable {
  var lastQuestion: String?
  var lastAnswer: Box?
  var lastReason: String?
  var lastReading: Box?
  var givenPassages: [String] = []
  var followUpGiven = false
}

/// The store before: a Dictionary with use stamps, sorting every entry to evict.
struct SortingStore {
  let capacity: Int
  var contexts: [String: (context: Context, lastUsed: UInt64)] = [:]
  var clock: UInt64 = 0
  init(capacity: Int) { self.capacity = capacity }
  mutating func withContext<R>(_ session: String, _ body: (inout Context) -> R) -> R {
    clock += 1
    var entry = contexts.removeValue(forKey: session) ?? (Context(), 0)
    let result = body(&entry.context)
    entry.lastUsed = clock
    contexts[session] = entry
    if contexts.count > capacity {
      let excess = contexts.count - capacity + max(1, capacity / 10)
      let oldest = contexts.sorted { $0.value.lastUsed < $1.value.lastUsed }.prefix(excess)
      for (key, _) in oldest { contexts.removeValue(forKey: key) }
    }
    return result
  }
}

/// The store after: an OrderedDictionary in order of use.
struct OrderedStore {
  let capacity: Int
  var contexts: OrderedDictionary<String, Context> = [:]
  init(capacity: Int) { self.capacity = capacity }
  mutating func withContext<R>(_ session: String, _ body: (inout Context) -> R) -> R {
    var context = contexts.removeValue(forKey: session) ?? Context()
    let result = body(&context)
    contexts[session] = context
    if contexts.count > capacity {
      contexts.removeFirst(contexts.count - capacity + max(1, capacity / 10))
    }
    return result
  }
}

struct Random { var state: UInt64; mutating func next() -> UInt64 { state &+= 0x9E37_79B9_7F4A_7C15; var z = state; z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9; z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB; return z ^ (z >> 31) } }

func measure(_ name: String, _ turns: Int, _ body: () -> Int) {
  var best = Double.infinity
  var check = 0
  for _ in 0..<5 {
    let start = DispatchTime.now().uptimeNanoseconds
    check = body()
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
  print("\(name): \(Int(best / Double(turns) * 1e9)) ns/turn (best of 5, check \(check))")
}

let capacity = 10_000
let turns = 20_000
for (label, sessions) in [("one session", 1), ("5,000 sessions, random", 5_000), ("10,000 sessions (= capacity), random", 10_000), ("50,000 sessions, random (evicting)", 50_000), ("50,000 sessions, round robin (evicting)", 50_000)] {
  let roundRobin = label.contains("round")
  let names = (0..<sessions).map { "session-\($0)" }
  func order() -> [Int] { var r = Random(state: 7); return (0..<turns).map { roundRobin ? $0 % sessions : Int(r.next() % UInt64(sessions)) } }
  let sequence = order()
  measure("before (Dictionary + sort), \(label)", turns) {
    var store = SortingStore(capacity: capacity); var n = 0
    for i in sequence { n &+= store.withContext(names[i]) { c in c.followUpGiven.toggle(); return c.followUpGiven ? 1 : 0 } }
    return n + store.contexts.count
  }
  measure("after (OrderedDictionary), \(label)", turns) {
    var store = OrderedStore(capacity: capacity); var n = 0
    for i in sequence { n &+= store.withContext(names[i]) { c in c.followUpGiven.toggle(); return c.followUpGiven ? 1 : 0 } }
    return n + store.contexts.count
  }
}
