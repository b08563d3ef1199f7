import FAQBotJSON

/// Where each element of each array (and each member value of each object) of a JSON text
/// begins, so errors about entries of a parsed list can name their line: ``JSONValue`` keeps
/// no positions.
///
/// A single pass over text that ``JSONParser`` has already accepted; it only tracks strings
/// and nesting.
struct JSONElementStarts {
  /// The offset of the top-level value.
  private(set) var firstValue = 0
  private var starts: [Int: [Int]] = [:]

  init(_ bytes: [UInt8]) {
    var open: [Int] = []
    var expectingValue = true
    var index = 0
    var foundFirst = false
    func valueBegins(at offset: Int) {
      if !foundFirst {
        firstValue = offset
        foundFirst = true
      }
      if let container = open.last, expectingValue { starts[container, default: []].append(offset) }
      expectingValue = false
    }
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        break
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        valueBegins(at: index)
        open.append(index)
        starts[index] = []
        expectingValue = byte == UInt8(ascii: "[")
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        open.removeLast()
        expectingValue = false
      case UInt8(ascii: ","):
        // In an object a comma is followed by a name, which is not a value.
        expectingValue = open.last.map { bytes[$0] == UInt8(ascii: "[") } ?? false
      case UInt8(ascii: ":"):
        expectingValue = true
      case UInt8(ascii: "\""):
        valueBegins(at: index)
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
          index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
      default:
        valueBegins(at: index)
        while index + 1 < bytes.count, !",]} \t\n\r".utf8.contains(bytes[index + 1]) { index += 1 }
      }
      index += 1
    }
  }

  /// The start offsets of the elements (or member values) of the container opened at `offset`.
  func elements(ofContainerAt offset: Int) -> [Int] { starts[offset] ?? [] }
}
