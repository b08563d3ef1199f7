import Dispatch
import Foundation

extension REPL {
  /// Turns signals into bytes on a pipe the input loop polls beside the terminal, so Ctrl-C
  /// and resizes are handled between two keys, on the main thread, where readline can be
  /// called, and without a signal handler touching shared state.
  final class SignalPipe {
    /// Readable when a signal has arrived; ``received()`` says which.
    let readEnd: Int32
    private let writeEnd: Int32
    private var sources: [any DispatchSourceSignal] = []
    private let numbers: [Int32]

    init?(_ numbers: [Int32]) {
      var ends: [Int32] = [0, 0]
      guard pipe(&ends) == 0 else { return nil }
      readEnd = ends[0]
      writeEnd = ends[1]
      self.numbers = numbers
      for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      }
      let writeEnd = writeEnd
      for number in numbers {
        // Dispatch receives the signal only once its default action is off.
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler {
          var byte = UInt8(truncatingIfNeeded: number)
          _ = write(writeEnd, &byte, 1)
        }
        source.resume()
        sources.append(source)
      }
    }

    /// The signals that arrived since the last call, oldest first (repeats kept).
    func received() -> [Int32] {
      var bytes = [UInt8](repeating: 0, count: 64)
      var numbers: [Int32] = []
      while true {
        let count = read(readEnd, &bytes, bytes.count)
        guard count > 0 else { break }
        numbers += bytes.prefix(count).map { Int32($0) }
      }
      return numbers
    }

    deinit {
      sources.forEach { $0.cancel() }
      for number in numbers { signal(number, SIG_DFL) }
      close(readEnd)
      close(writeEnd)
    }
  }
}
