import XCTest

@testable import FAQBotSafety

/// Dose requests, which the engine declines in every pack, and the questions that share
/// their words without asking for a dose.
final class DoseRequestTests: XCTestCase {
  private func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "." }.map(String.init)
  }

  func testDoseRequestsAreRecognised() {
    for request in [
      "how many mg can I take a day", "what is the maximum dose per day",
      "how much ketamine do they give you",
      "how much ketamine is in a session", "can I microdose ketamine at home", "is 100mg of ketamine a lot",
      "how many pills can i take", "how many xanax can i take at once", "how often should i take it",
      "whats a safe amount of ibuprofen to take", "what dosage do clinics use",
      "how often should i take ibuprofen", "how often can i use it",
      "how often should you use the nasal spray",
    ] {
      XCTAssertNotNil(DoseRequest.match(in: words(request)), request)
    }
  }

  func testQuestionsThatShareTheirWordsAreNot() {
    for question in [
      "how much does ketamine therapy cost", "how many ketamine sessions do i need",
      "how many people use ketamine",
      "how many antidepressants do i need to have tried first", "i need kilograms to milligrams",
      "what is the correct amount of ounces in a pound", "how often are infusions given",
      "can you overdose on ketamine in a clinic", "how much caffeine is in green tea",
      "how many calories in a banana",
      // Another verb, or using something that is no medicine (a library's questions).
      "how often should i take out books", "how often can i take a break",
      "how often can i use the study rooms",
    ] {
      XCTAssertNil(DoseRequest.match(in: words(question)), question)
    }
  }
}
