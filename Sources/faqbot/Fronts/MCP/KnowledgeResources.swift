import FAQBot
import Foundation
import MCP

/// The knowledge file as MCP resources: each section at
/// `faqbot://knowledge/sections/<section-id>` (Markdown, with paragraph ids), and the whole
/// file at ``fileURI`` (JSON, as `faqbot knowledge build` writes it), so a host can attach the
/// document itself to a conversation rather than only what the tools return.
struct KnowledgeResources: Sendable {
  static let fileURI = "faqbot://knowledge/file"

  let knowledge: KnowledgeBase
  private let sectionsByURI: [String: KnowledgeDocument.Section]

  init(knowledge: KnowledgeBase) {
    self.knowledge = knowledge
    var byURI: [String: KnowledgeDocument.Section] = [:]
    for section in knowledge.document.sections { byURI[SectionContent.uri(ofSection: section.id)] = section }
    sectionsByURI = byURI
  }

  var list: [Resource] {
    let title = knowledge.document.title
    let sections = knowledge.document.sections.map { section in
      let content = SectionContent(section: section, knowledge: knowledge)
      return Resource(
        name: section.id, uri: content.uri, title: section.title,
        description: "Section \"\(section.title)\" of \"\(title)\", with its paragraph ids.",
        mimeType: "text/markdown", size: content.markdown.utf8.count)
    }
    let file = Resource(
      name: "knowledge.json", uri: Self.fileURI, title: "Knowledge file: \(title)",
      description: "The whole knowledge file: sections, paragraphs and sentences with ids and byte ranges.",
      mimeType: "application/json", size: fileBytes.count)
    return sections + [file]
  }

  /// The contents of `uri`; a JSON-RPC "resource not found" error (-32002) for any other URI.
  func read(_ uri: String) throws -> ReadResource.Result {
    if uri == Self.fileURI {
      let text = String(decoding: fileBytes, as: UTF8.self)
      return ReadResource.Result(contents: [.text(text, uri: uri, mimeType: "application/json")])
    }
    guard let section = sectionsByURI[uri] else {
      throw MCPError.serverError(code: -32002, message: "Resource not found: \(uri)")
    }
    let content = SectionContent(section: section, knowledge: knowledge)
    return ReadResource.Result(contents: [.text(content.markdown, uri: uri, mimeType: "text/markdown")])
  }

  /// The file as faqbot writes it: the knowledge the engine was built from, encoded again, so
  /// what is served is what answers are drawn from even if the file changed since start.
  private var fileBytes: [UInt8] { KnowledgeFile.encode(knowledge.document) }
}
