import FAQBot
import Foundation
import XCTest

@testable import FAQBotProtocol

/// Line framing for the JSON Lines front: CRLF, missing final newline, empty lines, chunk
/// boundaries anywhere, and over-long lines skipped without being held in memory.
final class LineReaderTests: XCTestCase {
  private func lines(
    _ text: String, maxLineBytes: Int = 65_536, chunkSize: Int = 65_536, maxReadSize: Int = .max
  ) -> [InputLine] {
    lines(Array(text.utf8), maxLineBytes: maxLineBytes, chunkSize: chunkSize, maxReadSize: maxReadSize)
  }

  private func lines(
    _ bytes: [UInt8], maxLineBytes: Int = 65_536, chunkSize: Int = 65_536, maxReadSize: Int = .max
  ) -> [InputLine] {
    var reader = LineReader(
      source: MemoryByteSource(bytes, maxReadSize: maxReadSize), maxLineBytes: maxLineBytes,
      chunkSize: chunkSize)
    var result: [InputLine] = []
    while let line = reader.next() {
      result.append(line)
    }
    XCTAssertNil(reader.next(), "a reader must stay at its end")
    return result
  }

  private func text(_ line: String) -> InputLine { .line(Array(line.utf8)) }

  func testSplitsOnLineFeed() {
    XCTAssertEqual(lines("a\nbc\n"), [text("a"), text("bc")])
    XCTAssertEqual(lines(""), [])
    XCTAssertEqual(lines("\n"), [text("")])
    XCTAssertEqual(lines("\n\n x \n\n"), [text(""), text(""), text(" x "), text("")])
  }

  func testStripsOneCarriageReturnBeforeLineFeed() {
    XCTAssertEqual(lines("a\r\nb\r\n"), [text("a"), text("b")])
    XCTAssertEqual(lines("a\r\r\n"), [text("a\r")])
    XCTAssertEqual(lines("a\rb\n"), [text("a\rb")])
    XCTAssertEqual(lines("\r\n"), [text("")])
  }

  func testFinalLineWithoutLineFeedCounts() {
    XCTAssertEqual(lines("a\nlast"), [text("a"), text("last")])
    XCTAssertEqual(lines("last\r"), [text("last")])
    XCTAssertEqual(lines("only"), [text("only")])
  }

  func testChunkBoundariesAnywhere() {
    let input = "{\"question\":\"é😀\"}\r\n\n  \r\nsecond line\nthird\r\n\r"
    let expected = lines(input)
    XCTAssertEqual(expected.count, 6)
    for chunkSize in 1...12 {
      for maxReadSize in [1, 2, 3, 5, 7, .max] {
        XCTAssertEqual(
          lines(input, chunkSize: chunkSize, maxReadSize: maxReadSize), expected,
          "chunk \(chunkSize), read \(maxReadSize)")
      }
    }
  }

  func testLimitIsExactAndExcludesLineEnd() {
    for chunkSize in [1, 3, 4, 5, 64] {
      XCTAssertEqual(
        lines("1234\n12345\n1234\r\n12345\r\n123\r4\n", maxLineBytes: 4, chunkSize: chunkSize),
        [
          text("1234"), .tooLarge(byteCount: 5), text("1234"), .tooLarge(byteCount: 5),
          .tooLarge(byteCount: 5),
        ],
        "chunk \(chunkSize)")
      XCTAssertEqual(
        lines("123456789\r", maxLineBytes: 4, chunkSize: chunkSize), [.tooLarge(byteCount: 9)],
        "chunk \(chunkSize)")
    }
    XCTAssertEqual(lines("a\nb\n", maxLineBytes: 0), [.tooLarge(byteCount: 1), .tooLarge(byteCount: 1)])
    XCTAssertEqual(lines("\n", maxLineBytes: 0), [text("")])
  }

  func testHugeLineIsSkippedWithoutBeingHeld() {
    let huge = 10_000_000
    var input = Array("{\"question\":\"before\"}\n".utf8)
    input += [UInt8](repeating: UInt8(ascii: "x"), count: huge)
    input += Array("\r\n{\"question\":\"after\"}\n".utf8)
    for maxReadSize in [.max, 4_093] {
      var reader = LineReader(source: MemoryByteSource(input, maxReadSize: maxReadSize))
      var results: [InputLine] = []
      var peakCapacity = 0
      while let line = reader.next() {
        results.append(line)
        peakCapacity = max(peakCapacity, reader.retainedCapacity)
      }
      XCTAssertEqual(
        results,
        [text("{\"question\":\"before\"}"), .tooLarge(byteCount: huge), text("{\"question\":\"after\"}")])
      // One 64 KiB chunk plus a partial line of at most 64 KiB + 1 (with array growth slack).
      XCTAssertLessThanOrEqual(peakCapacity, 65_536 + 2 * 65_537 + 4_096, "read size \(maxReadSize)")
    }
  }

  func testLineOfExactlyTheDefaultLimitAcrossChunks() {
    let limit = 65_536
    let body = [UInt8](repeating: UInt8(ascii: "a"), count: limit)
    let input = Array("x\n".utf8) + body + [0x0D, 0x0A] + body + [UInt8(ascii: "a"), 0x0A]
    XCTAssertEqual(
      lines(input, maxReadSize: 10_000), [text("x"), .line(body), .tooLarge(byteCount: limit + 1)])
  }

  func testMisbehavingSourceCannotOverrunTheChunk() {
    struct Liar: ByteSource {
      var calls = 0
      mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        calls += 1
        guard calls == 1 else { return -5 }
        for index in buffer.indices {
          buffer[index] = UInt8(ascii: "z")
        }
        return buffer.count + 1_000
      }
    }
    var reader = LineReader(source: Liar(), chunkSize: 8)
    XCTAssertEqual(reader.next(), text("zzzzzzzz"))
    XCTAssertNil(reader.next())
  }

  func testIsASequence() {
    let reader = LineReader(source: MemoryByteSource(Array("a\nb".utf8)))
    XCTAssertEqual(Array(reader), [text("a"), text("b")])
  }
}
