import FAQBot
import Foundation
import XCTest

@testable import faqbot

/// The executable's own reader of standard input: lines from a real descriptor.
final class FileDescriptorSourceTests: XCTestCase {
  private func text(_ line: String) -> InputLine { .line(Array(line.utf8)) }

  func testReadsFromFileDescriptor() throws {
    let pipe = Pipe()
    pipe.fileHandleForWriting.write(Data("{\"question\":\"hi\"}\r\nsecond\nno newline".utf8))
    try pipe.fileHandleForWriting.close()
    var reader = LineReader(fileDescriptor: pipe.fileHandleForReading.fileDescriptor)
    var results: [InputLine] = []
    while let line = reader.next() {
      results.append(line)
    }
    XCTAssertEqual(results, [text("{\"question\":\"hi\"}"), text("second"), text("no newline")])
    XCTAssertNil(reader.next())
  }

  func testReadErrorEndsInput() {
    var reader = LineReader(fileDescriptor: -1)
    XCTAssertNil(reader.next())
  }
}
