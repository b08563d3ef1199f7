import Foundation

/// A file's bytes in memory, mapped read-only or read into a private copy, for as long as
/// something holds them.
///
/// Only files that are replaced by rename, never rewritten in place, may be mapped: the
/// model cache writes that way (`ModelCache.writeAtomically`), so a mapping always sees the
/// whole file it opened. A file shortened under a live mapping would fault on access.
package final class MappedFile: @unchecked Sendable {
  // Unchecked: the mapping is read-only and unmapped only when the last holder goes away.
  package let bytes: UnsafeRawBufferPointer

  /// Maps the file at `path`; nil when it cannot be opened or mapped (an empty file, too).
  package convenience init?(path: String) {
    // Populated at once: the checksum reads every page anyway, and one call is cheaper than
    // a fault per page.
    self.init(path: path) { descriptor, status in
      let size = Int(status.st_size)
      guard status.st_mode & S_IFMT == S_IFREG, size > 0,
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0),
        address != MAP_FAILED
      else { return nil }
      return UnsafeMutableRawBufferPointer(start: address, count: size)
    }
  }

  /// Reads the file at `path` into fresh memory of its own, a private copy: replacing or
  /// shortening the file afterwards changes nothing, so any file may be read this way (a
  /// deployment's `--model`, which people overwrite with `cp`). One read into pages populated
  /// at once, where reading into `Data` and copying to an array and then the weights to
  /// their own array touched the whole model three times.
  ///
  /// A stream has no size to read up to (a pipe, `/dev/stdin`, a shell's `<(…)`): it is read
  /// to its end first, then copied into a mapping of that size. Nil when the file cannot be
  /// read, is empty, or a regular file changes size while it is read.
  package convenience init?(copying path: String) {
    self.init(path: path) { descriptor, status in
      guard status.st_mode & S_IFMT == S_IFREG else {
        guard let data = try? FileHandle(fileDescriptor: descriptor).readToEnd(), !data.isEmpty,
          let copy = Self.anonymousMapping(count: data.count)
        else { return nil }
        data.copyBytes(to: copy)
        mprotect(copy.baseAddress, copy.count, PROT_READ)
        return copy
      }
      guard let copy = Self.anonymousMapping(count: Int(status.st_size)) else { return nil }
      var done = 0
      while done < copy.count {
        let count = read(descriptor, copy.baseAddress.map { $0 + done }, copy.count - done)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else {
          munmap(copy.baseAddress, copy.count)
          return nil
        }
        done += count
      }
      mprotect(copy.baseAddress, copy.count, PROT_READ)
      return copy
    }
  }

  /// Fresh writable pages, populated at once, that `deinit` unmaps like a file's mapping;
  /// nil for a size of 0 or when the memory cannot be had.
  private static func anonymousMapping(count: Int) -> UnsafeMutableRawBufferPointer? {
    guard count > 0,
      let address = mmap(
        nil, count, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0),
      address != MAP_FAILED
    else { return nil }
    return UnsafeMutableRawBufferPointer(start: address, count: count)
  }

  /// Opens the file at `path` and keeps the bytes `place` puts in memory for it (a mapping
  /// that `deinit` unmaps); nil when the file cannot be opened or `place` returns nil.
  private init?(
    path: String,
    placing place: (_ descriptor: Int32, _ status: stat) -> UnsafeMutableRawBufferPointer?
  ) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, let placed = place(descriptor, status) else { return nil }
    bytes = UnsafeRawBufferPointer(placed)
  }

  deinit {
    if let address = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: address), bytes.count) }
  }
}
