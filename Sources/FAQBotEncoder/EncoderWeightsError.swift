/// Why a weights file was refused: each is a damaged, truncated or foreign file, which the
/// encoder must not read (a wrong size or offset would read outside the file).
public enum EncoderWeightsError: Error, Equatable, Sendable {
  /// Shorter than the header.
  case truncatedHeader
  /// Not "FQEN": not a weights file of faqbot's.
  case badMagic
  /// A version this build cannot read.
  case unsupportedVersion(UInt32)
  /// Sizes in the header outside what MiniLM-like models have (or that would overflow).
  case implausibleHeader(String)
  /// The header describes a file of `expected` bytes; the file has `actual`.
  case sizeMismatch(expected: Int, actual: Int)
  /// The vocabulary's offsets or hash table point outside it.
  case damagedVocabulary(String)
  /// A piece the encoder needs ([CLS], [SEP], [UNK]) is missing from the vocabulary.
  case missingPiece(String)
  /// A scale, bias or LayerNorm parameter is not a finite number.
  case nonFiniteParameter(String)
  /// The bytes do not start at a multiple of 4, so the floats cannot be read in place.
  case misaligned
}
