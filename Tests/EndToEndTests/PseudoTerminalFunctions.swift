import Foundation

/// The POSIX pseudo-terminal calls, looked up at run time: Glibc's Swift module hides them
/// (they need _XOPEN_SOURCE), though every libc has them.
struct PseudoTerminalFunctions {
  let open: @convention(c) (Int32) -> Int32
  let grant: @convention(c) (Int32) -> Int32
  let unlock: @convention(c) (Int32) -> Int32
  /// `ptsname`: not reentrant, which is fine for tests that open terminals one at a time.
  let name: @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

  /// `POSIX_SPAWN_SETSID`, hidden the same way (it needs _GNU_SOURCE on glibc).
  #if os(Linux)
    static let spawnNewSession: Int32 = 0x80
  #else
    static let spawnNewSession: Int32 = 0x400
  #endif

  init() throws {
    let process = dlopen(nil, RTLD_NOW)
    func lookUp<Function>(_ symbol: String, as type: Function.Type) throws -> Function {
      guard let address = dlsym(process, symbol) else {
        throw PseudoTerminal.Failure("this C library has no \(symbol)")
      }
      return unsafeBitCast(address, to: type)
    }
    open = try lookUp("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    grant = try lookUp("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    unlock = try lookUp("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    name = try lookUp("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
  }
}
