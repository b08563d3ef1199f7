import FAQBotCore
import Foundation
import Yams

/// Reads `pack.yaml` into ``PackSettings``, reporting each mistake with its file, line and
/// column: an unknown key (with the key probably meant), a value of the wrong type, a
/// threshold outside 0...1, an unknown mode.
struct PackSettingsReader {
  static let keys = ["name", "description", "threshold", "emergency", "mode", "advice", "disclaimer"]

  let file: String
  var errors: [IntentFileError] = []

  init(file: String) { self.file = file }

  private func location(_ node: Node?) -> SourceLocation {
    SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
  }

  private mutating func fail(_ node: Node?, _ message: String) {
    errors.append(.init(location(node), message))
  }

  mutating func read(_ source: String) -> PackSettings {
    var settings = PackSettings()
    let root: Node?
    do {
      root = try Yams.compose(yaml: source, .basic)
    } catch let error as YamlError {
      errors.append(YAMLSyntax.error(error, file: file, text: source))
      return settings
    } catch {
      errors.append(.init(.init(file: file, line: 1), "\(error)"))
      return settings
    }
    guard let root else { return settings }
    guard let mapping = root.mapping else {
      fail(root, "pack settings must be a mapping of keys (\(Self.keys.joined(separator: ", ")))")
      return settings
    }
    for (key, value) in mapping {
      let name = key.string ?? "?"
      switch name {
      case "name": settings.name = text(value, key: name)
      case "description": settings.description = text(value, key: name)
      case "emergency":
        settings.emergency = text(value, key: name)
        // The crisis answer must say how to get help now: a text without a number to call
        // ("please stay calm") would be shown to someone in danger instead of 988.
        if let emergency = settings.emergency, !emergency.contains(where: \.isNumber) {
          fail(
            value,
            "'emergency' must say how to get help now, with a number to call (988 in the US, 112 in Europe, "
              + "your users' local emergency number)")
          settings.emergency = nil
        }
      case "advice": settings.advice = text(value, key: name)
      case "disclaimer": settings.disclaimer = text(value, key: name)
      case "threshold":
        guard let scalar = value.scalar, let number = Double(scalar.string) else {
          fail(value, "'threshold' must be a number between 0 and 1, e.g. 0.3")
          continue
        }
        guard (0...1).contains(number) else {
          fail(value, "'threshold' must be between 0 and 1 (got \(scalar.string))")
          continue
        }
        settings.threshold = number
      case "mode":
        let modes = PackSettings.Mode.allCases.map(\.rawValue)
        guard let scalar = value.scalar, let mode = PackSettings.Mode(rawValue: scalar.string) else {
          let given = value.scalar?.string ?? "?"
          fail(
            value,
            "unknown mode '\(given)' (one of \(modes.joined(separator: ", ")))"
              + EditDistance.didYouMean(given, among: modes))
          continue
        }
        settings.mode = mode
      default:
        fail(
          key,
          "unknown key '\(name)' in pack settings (known keys: \(Self.keys.joined(separator: ", ")))"
            + EditDistance.didYouMean(name, among: Self.keys))
        continue
      }
      settings.locations[name] = location(value)
    }
    // A key whose value was refused is not "set here".
    for key in Self.keys where settings.locations[key] != nil && !isSet(settings, key) {
      settings.locations[key] = nil
    }
    return settings
  }

  private func isSet(_ settings: PackSettings, _ key: String) -> Bool {
    switch key {
    case "name": settings.name != nil
    case "description": settings.description != nil
    case "threshold": settings.threshold != nil
    case "emergency": settings.emergency != nil
    case "mode": settings.mode != nil
    case "disclaimer": settings.disclaimer != nil
    default: settings.advice != nil
    }
  }

  private mutating func text(_ node: Node, key: String) -> String? {
    guard let scalar = node.scalar,
      !scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    else {
      fail(node, "'\(key)' must be non-empty text")
      return nil
    }
    guard YAMLText.isText(scalar) else {
      fail(node, "'\(key)' must be text, not '\(scalar.string)' (put text in quotes if it is meant)")
      return nil
    }
    return scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
