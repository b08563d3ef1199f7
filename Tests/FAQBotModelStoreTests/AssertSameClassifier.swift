import FAQBot
import XCTest

@testable import FAQBotMatching

/// Asserts two classifiers hold the same model, field by field.
func assertSameClassifier(
  _ lhs: IntentClassifier, _ rhs: IntentClassifier, file: StaticString = #filePath, line: UInt = #line
) {
  XCTAssertEqual(lhs.intentIds, rhs.intentIds, file: file, line: line)
  XCTAssertEqual(lhs.knownStems, rhs.knownStems, file: file, line: line)
  XCTAssertEqual(lhs.openVocabulary, rhs.openVocabulary, file: file, line: line)
  XCTAssertEqual(lhs.space.wordIndex, rhs.space.wordIndex, file: file, line: line)
  XCTAssertEqual(lhs.space.characterIndex, rhs.space.characterIndex, file: file, line: line)
  XCTAssertEqual(lhs.space.idf, rhs.space.idf, file: file, line: line)
  XCTAssertEqual(lhs.space.characterWeight, rhs.space.characterWeight, file: file, line: line)
  XCTAssertEqual(lhs.model.classCount, rhs.model.classCount, file: file, line: line)
  XCTAssertEqual(lhs.model.weights, rhs.model.weights, file: file, line: line)
  XCTAssertEqual(lhs.model.bias, rhs.model.bias, file: file, line: line)
  XCTAssertEqual(lhs.embedding?.weight, rhs.embedding?.weight, file: file, line: line)
  XCTAssertEqual(lhs.embedding?.exampleCount, rhs.embedding?.exampleCount, file: file, line: line)
  XCTAssertEqual(lhs.embedding?.pieces, rhs.embedding?.pieces, file: file, line: line)
  XCTAssertEqual(
    lhs.embedding?.documentFrequencies, rhs.embedding?.documentFrequencies, file: file, line: line)
}
