import Testing

@testable import PythonAnalysis

@Suite struct NameInternerTests {
    @Test func namesKeepTheirIDsAsTheTableGrows() {
        var interner = NameInterner()
        let names = (0..<5_000).map { "name_\($0)" } + ["", "é", "self", "a.b"]
        let ids = names.map { interner.intern($0) }
        #expect(ids == names.indices.map { Int32($0) })
        for (name, id) in zip(names, ids) {
            #expect(interner.id(of: name) == id)
            #expect(interner.intern(name) == id)
        }
        #expect(interner.id(of: "missing") == nil)
        #expect(!interner.usesFallback)
    }

    @Test func longProbesMoveNamesToADictionary() {
        var interner = NameInterner(maximumProbeLength: 0)
        let names = (0..<200).map { "n\($0)" }
        let ids = names.map { interner.intern($0) }
        #expect(interner.usesFallback)
        #expect(ids == names.indices.map { Int32($0) })
        for (name, id) in zip(names, ids) { #expect(interner.id(of: name) == id) }
        #expect(interner.id(of: "n200") == nil)
        #expect(interner.intern("n200") == 200)
    }
}
