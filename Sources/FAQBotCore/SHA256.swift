import Crypto

/// SHA-256 (FIPS 180-4), used to fingerprint the source document in the knowledge file and
/// to key the trained-model cache: the digest of swift-crypto (BoringSSL's on Linux), behind
/// the small interface the engine uses, so the cache keys are the same hex digests as before
/// (SHA256Tests checks the standard vectors). The measurement that chose the library over
/// the hand-written hash (build time, a large pack's start) is in docs/performance.md.
public struct SHA256: Sendable {
  private var hasher = Crypto.SHA256()

  /// An empty hash; feed it with `update` and read it with `finalizeHex`.
  public init() {}

  /// The hex digest of `bytes` in one call.
  public static func hexDigest<Bytes: Sequence>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var hasher = SHA256()
    hasher.update(Array(bytes))
    return hasher.finalizeHex()
  }

  /// Hashes `bytes` (appended to what was hashed before).
  public mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Hashes `bytes` in place, without copying them.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    hasher.update(bufferPointer: bytes)
  }

  /// Hashes the UTF-8 of `text`, in place when the string is stored as UTF-8 (native ones are).
  public mutating func update(_ text: String) {
    var text = text
    text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
  }

  /// Finishes and returns the digest as 64 lowercase hex characters.
  public mutating func finalizeHex() -> String {
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in hasher.finalize() {
      hex.append(digits[Int(byte >> 4)])
      hex.append(digits[Int(byte & 0xf)])
    }
    return String(decoding: hex, as: UTF8.self)
  }
}
