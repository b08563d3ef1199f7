// The umbrella module: `import FAQBot` gives an embedder every layer of the engine, as one
// import did before the layers became targets. Each layer can also be imported alone (for
// example `import FAQBotKnowledge` for a tool that only builds knowledge files).
@_exported import FAQBotCore
@_exported import FAQBotDefaultPack
@_exported import FAQBotDialogue
@_exported import FAQBotEncoder
@_exported import FAQBotIntents
@_exported import FAQBotJSON
@_exported import FAQBotKnowledge
@_exported import FAQBotMatching
@_exported import FAQBotModelStore
@_exported import FAQBotProtocol
@_exported import FAQBotSafety
@_exported import FAQBotVectors
