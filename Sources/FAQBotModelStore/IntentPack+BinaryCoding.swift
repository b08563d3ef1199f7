import FAQBotIntents

/// The parsed pack as part of a model file, so a start that finds its model cached skips the
/// YAML parse too (a fifth of a large pack's warm start, a sixth of `faqbot ask`).
///
/// The cache key is a hash of the intent files' names and contents, so a stored pack is exactly
/// what parsing them again would give, except the directory in its locations: the files may
/// have moved, and ``relocated(to:)`` puts the current paths back.
extension IntentPack {
  func encode(into writer: inout ModelBinaryWriter) {
    writer.append(optional: advice)
    let canonical = synonyms.keys.sorted()
    writer.append(UInt32(canonical.count))
    for word in canonical {
      writer.append(word)
      writer.append(strings: synonyms[word] ?? [])
    }
    writer.append(UInt32(intents.count))
    for intent in intents {
      writer.append(intent.id)
      writer.append(intent.kind.rawValue)
      writer.append(UInt64(bitPattern: Int64(intent.priority)))
      writer.append(strings: intent.examples)
      intent.answer.encode(into: &writer)
      writer.appendPresence(of: intent.followUp)
      intent.followUp?.encode(into: &writer)
      writer.append(strings: intent.suggest)
      writer.append(strings: intent.triggers)
      intent.location.encode(into: &writer)
      writer.append(UInt32(intent.exampleLocations.count))
      for location in intent.exampleLocations { location.encode(into: &writer) }
    }
  }

  static func decode(from reader: inout ModelBinaryReader) throws(TrainedModelError) -> IntentPack {
    let advice = try reader.optionalString("advice")
    var synonyms: [String: [String]] = [:]
    for _ in 0..<(try reader.count("synonym count", minimumSize: 8)) {
      synonyms[try reader.string("synonym")] = try reader.strings("synonym variants")
    }
    var intents: [Intent] = []
    for _ in 0..<(try reader.count("intent count", minimumSize: 16)) {
      let id = try reader.string("intent id")
      guard let kind = Intent.Kind(rawValue: try reader.string("intent kind")) else {
        throw .corrupt("unknown intent kind")
      }
      let priority = Int(Int64(bitPattern: try reader.uint64("priority")))
      let examples = try reader.strings("examples")
      let answer = try Reply.decode(from: &reader)
      let followUp = try reader.isPresent("follow-up") ? try Reply.decode(from: &reader) : nil
      let suggest = try reader.strings("suggestions")
      let triggers = try reader.strings("triggers")
      let location = try SourceLocation.decode(from: &reader)
      var exampleLocations: [SourceLocation] = []
      for _ in 0..<(try reader.count("example locations", minimumSize: 12)) {
        exampleLocations.append(try SourceLocation.decode(from: &reader))
      }
      intents.append(
        Intent(
          id: id, kind: kind, priority: priority, examples: examples, answer: answer, followUp: followUp,
          suggest: suggest, triggers: triggers, location: location, exampleLocations: exampleLocations))
    }
    return IntentPack(intents: intents, synonyms: synonyms, advice: advice)
  }

  /// The pack with each location's file replaced by the path in `files` of the same name.
  public func relocated(to files: [String]) -> IntentPack {
    var paths: [String: String] = [:]
    for path in files { paths[TrainedModel.baseName(path)] = path }
    // One decision per distinct file, not per location (a pack has thousands of examples).
    var moves: [String: String] = [:]
    for intent in intents {
      let file = intent.location.file
      if moves[file] == nil { moves[file] = paths[TrainedModel.baseName(file)] ?? file }
    }
    guard moves.contains(where: { $0.key != $0.value }) else { return self }
    var pack = self
    for index in pack.intents.indices {
      let file = pack.intents[index].location.file
      guard let path = moves[file], path != file else { continue }
      pack.intents[index].location.file = path
      for example in pack.intents[index].exampleLocations.indices
      where pack.intents[index].exampleLocations[example].file == file {
        pack.intents[index].exampleLocations[example].file = path
      }
    }
    return pack
  }
}

extension Reply {
  func encode(into writer: inout ModelBinaryWriter) {
    writer.append(optional: text)
    writer.append(strings: knowledge)
    writer.append(UInt32(bestParagraph ? 1 : 0))
  }

  static func decode(from reader: inout ModelBinaryReader) throws(TrainedModelError) -> Reply {
    let text = try reader.optionalString("reply text")
    let knowledge = try reader.strings("reply knowledge")
    let best = try reader.uint32("reply best paragraph")
    guard best <= 1 else { throw .corrupt("reply best paragraph is \(best), not 0 or 1") }
    return Reply(text: text, knowledge: knowledge, bestParagraph: best == 1)
  }
}

extension SourceLocation {
  func encode(into writer: inout ModelBinaryWriter) {
    writer.append(file)
    writer.append(UInt32(clamping: line))
    writer.append(UInt32(clamping: column))
  }

  static func decode(from reader: inout ModelBinaryReader) throws(TrainedModelError) -> SourceLocation {
    SourceLocation(
      file: try reader.string("location file"), line: Int(try reader.uint32("line")),
      column: Int(try reader.uint32("column")))
  }
}
