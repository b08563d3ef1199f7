import Dispatch
import FAQBot

/// Answers the request lines a client has already sent, on every core, and writes the
/// responses in request order.
///
/// The engine is a value shared by all threads; what must stay sequential is a session, since
/// each question of it reads the context the previous one left. So requests are grouped by
/// session (a request without one is a group of its own), groups run concurrently, and each
/// group runs its questions in order on its context.
struct JSONBatch {
  let engine: Engine
  let decoder: RequestDecoder
  let writer = ResponseWriter()
  let maxLineBytes: Int

  /// Appends the response to each non-blank line of `lines` to `output`, in order.
  func answer(_ lines: [InputLine], sessions: inout SessionStore, into output: inout [UInt8]) {
    var responses: [Response] = []
    var requests: [Request] = []
    for line in lines {
      switch line {
      case .tooLarge(let byteCount):
        responses.append(.error(ProtocolError.tooLarge(byteCount: byteCount, limit: maxLineBytes)))
      case .line(let bytes):
        if RequestDecoder.isBlank(bytes) { continue }
        switch decoder.decode(line: bytes) {
        case .failure(let error): responses.append(.error(error))
        case .success(let request):
          responses.append(.answer(requests.count))
          requests.append(request)
        }
      }
    }
    let answers = respond(to: requests, sessions: &sessions)
    for response in responses {
      switch response {
      case .error(let error): writer.encode(error, into: &output)
      case .answer(let index): output += answers[index]
      }
    }
  }

  private enum Response {
    case error(ProtocolError)
    case answer(Int)
  }

  /// The response lines to `requests`, in order. Each is encoded by the thread that answered
  /// it: encoded one after the other once the batch was answered, 256 responses left one core
  /// idle for a fifth of the batch's time (docs/performance.md, "Eighth round").
  private func respond(to requests: [Request], sessions: inout SessionStore) -> [[UInt8]] {
    var members: [[Int]] = []
    var groupSessions: [String?] = []
    var groupOfSession: [String: Int] = [:]
    for (index, request) in requests.enumerated() {
      if let session = request.session, let group = groupOfSession[session] {
        members[group].append(index)
      } else {
        if let session = request.session { groupOfSession[session] = members.count }
        members.append([index])
        groupSessions.append(request.session)
      }
    }
    let contexts = groupSessions.map { session in
      session.map { sessions.withContext($0) { $0 } } ?? ConversationContext()
    }
    let answers = ResultSlots<[UInt8]>(count: requests.count)
    let finalContexts = ResultSlots<ConversationContext>(count: members.count)
    let engine = engine
    let writer = writer
    let groups = members
    // The encoder mode's vectors, encoded together in batches over every core before the
    // groups run: a batch goes through each weight matrix once (nil in the fast mode).
    let sentences = engine.sentenceVectors(for: requests.map(\.question))
    let work: @Sendable (Int) -> Void = { group in
      var context = contexts[group]
      for index in groups[group] {
        let answer = engine.respond(
          to: requests[index].question, context: &context, sentence: sentences?[index])
        var line: [UInt8] = []
        writer.encode(answer, id: requests[index].id, into: &line)
        answers.store(line, at: index)
      }
      finalContexts.store(context, at: group)
    }
    if groups.count == 1 {
      work(0)
    } else if groups.count > 1 {
      DispatchQueue.concurrentPerform(iterations: groups.count, execute: work)
    }
    for (group, context) in finalContexts.take().enumerated() {
      if let session = groupSessions[group], let context { sessions.withContext(session) { $0 = context } }
    }
    return answers.take().enumerated().map { index, line in
      // Every index is stored by its group; the fallback is for the type, never reached.
      line
        ?? {
          var empty: [UInt8] = []
          writer.encode(
            Answer(kind: .fallback, intent: nil, confidence: 0, text: ""), id: requests[index].id,
            into: &empty)
          return empty
        }()
    }
  }
}
