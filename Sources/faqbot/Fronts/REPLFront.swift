import CReadline
import FAQBot

/// The interactive front for people, on GNU readline. (Being written: see issue 4.)
struct REPLFront {
  let engine: Engine
  let packName: String
  let useHistory: Bool

  func run() {
    PipeFront(engine: engine).run()
  }
}
