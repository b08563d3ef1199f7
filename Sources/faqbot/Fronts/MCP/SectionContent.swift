import FAQBot
import Foundation
import MCP

/// A knowledge section as the `get_section` tool and the section resources serve it: the
/// same text, with its paragraph and sentence ids, whichever way a client asks.
struct SectionContent: Sendable {
  let section: KnowledgeDocument.Section
  /// Where the display text of each passage comes from, the same text answers quote.
  let knowledge: KnowledgeBase

  /// The resource URI of a section: stable as long as its id is, and the id is what answers
  /// cite. The id is percent-encoded so a hand-written knowledge file cannot break the URI.
  static func uri(ofSection id: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return "faqbot://knowledge/sections/" + (id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id)
  }

  var uri: String { Self.uri(ofSection: section.id) }

  /// Markdown: the title as a heading, then each paragraph, preceded by its id in brackets so
  /// a model can cite it.
  var markdown: String {
    var text = "# \(section.title)\n\n[section \(section.id)]\n"
    for paragraph in section.paragraphs {
      text += "\n[\(paragraph.id)] \(display(paragraph.id, paragraph.text))\n"
    }
    return text
  }

  var structured: Value {
    .object([
      "id": .string(section.id),
      "title": .string(section.title),
      "uri": .string(uri),
      "paragraphs": .array(
        section.paragraphs.map { paragraph in
          .object([
            "id": .string(paragraph.id),
            "text": .string(display(paragraph.id, paragraph.text)),
            "sentences": .array(
              paragraph.sentences.map { sentence in
                .object(["id": .string(sentence.id), "text": .string(display(sentence.id, sentence.text))])
              }),
          ])
        }),
    ])
  }

  private func display(_ id: String, _ raw: String) -> String {
    knowledge.passage(id)?.text ?? raw
  }
}
