import FAQBot

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Bytes from a file descriptor via `read(2)`, usually standard input.
///
/// The front has nothing useful to do with a read error but stop, so errors end the input
/// like EOF does (the process then exits cleanly having answered every complete line).
/// `EINTR` is not an error, just a signal arriving mid-read, and is retried. A non-blocking
/// descriptor's `EAGAIN` also ends the input: give this type a blocking descriptor.
/// The descriptor is borrowed: this type never closes it.
public struct FileDescriptorSource: ByteSource, Sendable {
  public let fileDescriptor: Int32
  private var reachedEnd = false

  public init(fileDescriptor: Int32) {
    self.fileDescriptor = fileDescriptor
  }

  public mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
    guard !reachedEnd, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let result = Self.systemRead(fileDescriptor, base, buffer.count)
      if result > 0 {
        return result
      }
      if result < 0 && errno == EINTR {
        continue
      }
      reachedEnd = true
      return 0
    }
  }

  /// `read(2)`, qualified by module because the protocol requirement above shadows the name.
  private static func systemRead(
    _ descriptor: Int32, _ base: UnsafeMutablePointer<UInt8>, _ count: Int
  ) -> Int {
    #if canImport(Glibc)
      return Glibc.read(descriptor, base, count)
    #elseif canImport(Musl)
      return Musl.read(descriptor, base, count)
    #else
      return Darwin.read(descriptor, base, count)
    #endif
  }
}

extension LineReader where Source == FileDescriptorSource {
  /// Reads lines from a file descriptor (standard input by default), which stays open.
  init(fileDescriptor: Int32 = 0, maxLineBytes: Int = 65_536) {
    self.init(source: FileDescriptorSource(fileDescriptor: fileDescriptor), maxLineBytes: maxLineBytes)
  }
}
