import FAQBot
import XCTest

/// The thirteenth round's patterns (`CrisisPatterns+ThirteenthRound.swift`): the phrasings
/// they were written for ring, and the everyday sentences a review tried on them do not.
final class CrisisPatternTests: XCTestCase {
  let detector = CrisisDetector()

  func testTheThirteenthRoundsPhrasingsRing() {
    for message in [
      "how far would i need to fall for it to be instant", "is 20 floors high enough",
      "would 40 tylenol pm do it",
      "which meds could i take home that would do it", "would a helium bag work",
      "whats the least painful method",
      "can i buy pentobarbital online", "how do i make sure an overdose works",
      "i wish i could just fade away", "i want to fade away", "i dont see a future for myself at all",
      "im never going to be ok", "ill never get better", "nothing is ever going to get better",
      "nothing ever gets better", "no point in treatment, nothing will fix me",
      "ive stopped caring if i live or die",
      "im just waiting for it all to be over", "the ones who didnt make it are the lucky ones",
      "sucide is on my mind every night", "i deserve the pain, thats why i do it", "s/h urges won't go away",
      "i might just skydive without a parachute fr", "i want out. like permanent out",
      "i want to do the thing where you dont wake up", "s-word thoughts again", "idw2live",
      "been thinking about roping, got one in the garage", "he sometimes puts his pistol in his mouth",
      "my friend drank bleach", "my son is locked in the bathroom and says he has a knife",
      "my grandfather said hes ready to go and stopped eating", "i took a load of my mums tablets",
      "i have burns on my stomach, i did them to myself",
      // A statistic asked beside a plan is still a plan.
      "im planning suicide, what percent of overdoses actually work",
      "im considering suicide what are the statistics on pills",
      // The border round's.
      "my teen just told me she has a plan", "how do i use narcan he's not waking up",
      "the guy next to me on the train isnt breathing",
      "my son drank something from under the sink on purpose",
      "the anniversary of my attempt is tomorrow and i should finish what i started",
      "i tried in 2015 and ive got the same plan as back then",
      "i used to have suicidal thoughts and theyre back", "i feel like im going to die by my own hand soon",
    ] {
      XCTAssertNotNil(detector.detect(message), message)
    }
  }

  func testTheReviewsEverydayLookalikesDoNotRing() {
    for message in [
      "least painful way to remove a splinter", "most painless way to get a tattoo",
      "is waxing a less painful option", "how do i make sure my birth control pills work",
      "will 2 advil be enough for my back pain", "does 1 tylenol do it for back pain",
      "this bag will do the job for a weekend trip", "is this rope strong enough to do the job",
      "my gun will do the job for deer hunting", "where can i buy sodium nitrite for curing bacon",
      "how many lice treatments so they dont come back", "how much should i tip so the movers dont come back",
      "im dizzy and waiting for everything to stop spinning", "my headache is awful, i want it to just stop",
      "burned my hand on the stove, i did it to myself",
      "cut my finger cooking and did it myself, will it scar",
      "i cut my own hair and it looks bad, i did this to myself",
      "i dont want anyone to know i did the blood test",
      "my kid is ready to go to school but refuses eating breakfast",
      "taken loads of ibuprofen this week for my back",
      "i locked my bathroom door and now need a knife to open the lock", "is the red sweater permanently out",
      "the thing where you dont wake up when your alarm goes off",
      "the actor held a gun to his head in the movie",
      "why did socrates have to drink poison", "is it true people drink bleach to cure covid",
      "suicide prevention is on my mind as a new nurse", "no one can ever help me with my taxes",
      "i dont see any future for me at this company", "are 2 floors enough for a family of five",
      "how high can a cat fall and still land on its feet instantly",
      // Beside the border round's patterns.
      "my husband said he has a plan to fix the roof", "my daughter has a plan for college",
      "i drank coffee late on purpose to stay up",
      "i built this house by my own hands", "narcan is not sold out at my pharmacy",
    ] {
      XCTAssertNil(detector.detect(message), "\(message): \(detector.detect(message)?.reason ?? "")")
    }
  }

  /// A team's library bot tried everyday borrowing questions: "at once" and "took too many"
  /// ring for something taken, not for books, burgers or meetings.
  func testAtOnceAndTooManyRingForWhatIsTakenOnly() {
    for message in [
      "i took 20 at once", "i took like 30 at once", "i took all my pills at once",
      "what if i take them all at once", "took 3 weeks worth of meds at once", "i took too many",
      "i took too many tablets",
    ] {
      XCTAssertNotNil(detector.detect(message), message)
    }
    for message in [
      "can i take 5 books at once", "how many dvds can i take at once", "i took too many books home",
      "i ate three burgers at once", "i did all my homework at once", "can i take two classes at once",
      "i had two meetings at once",
    ] {
      XCTAssertNil(detector.detect(message), "\(message): \(detector.detect(message)?.reason ?? "")")
    }
  }
}
