import XCTest

@testable import FAQBotDialogue

/// Which quoted sentences lean on the one before them.
final class StandaloneQuoteTests: XCTestCase {
  func testConnectivesInTheFirstClauseAreDependent() {
    XCTAssertTrue(StandaloneQuote.isDependent("However, the drug can cause some side effects."))
    XCTAssertTrue(StandaloneQuote.isDependent("Ketamine therapy, on the other hand, works fast."))
    XCTAssertTrue(StandaloneQuote.isDependent("Brew, however, keeps them."))
    XCTAssertFalse(StandaloneQuote.isDependent("Ketamine is an anaesthetic."))
  }

  /// An "it" that stands for the clause after it points nowhere back: "It's important to speak
  /// with a professional" was quoted after two sentences on insurance it does not need.
  func testAnItThatPointsForwardIsStandalone() {
    XCTAssertFalse(
      StandaloneQuote.isDependent("It’s important to speak with a qualified healthcare professional."))
    XCTAssertFalse(StandaloneQuote.isDependent("It's very important to ask."))
    XCTAssertFalse(StandaloneQuote.isDependent("It is possible that the effect lasts."))
    XCTAssertTrue(StandaloneQuote.isDependent("It works by altering the brain’s neurotransmitter levels."))
    XCTAssertTrue(StandaloneQuote.isDependent("Its effects fade within hours."))
    XCTAssertTrue(StandaloneQuote.isDependent("It is a dissociative drug."))
  }

  /// A passage as short as a connective phrase (a one-word code line such as `brew`) is
  /// neither dependent nor a crash: the phrase range was once `1...0`.
  func testPassagesNoLongerThanAPhraseAreStandalone() {
    XCTAssertFalse(StandaloneQuote.isDependent("brew"))
    XCTAssertFalse(StandaloneQuote.isDependent("brew upgrade"))
    XCTAssertFalse(StandaloneQuote.isDependent("on the other side"))
    XCTAssertFalse(StandaloneQuote.isDependent(""))
    XCTAssertTrue(StandaloneQuote.isDependent("however"))
  }
}
