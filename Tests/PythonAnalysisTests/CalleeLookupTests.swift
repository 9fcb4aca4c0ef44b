import Testing

@testable import PythonAnalysis

/// A method called on an object the analysis cannot follow stands for every local method of
/// that name, nested classes included.
@Suite struct MethodsByNameTests {
    @Test func methodsOfANameComeInClassOrder() {
        let program = Program()
        for (classID, name) in ["Outer", "Inner", "Other"].enumerated() {
            program.classes.append(
                ClassInfo(
                    name: name,
                    definition: ClassDefinition(
                        name: name, bases: [], decorators: [], body: [], position: SourcePosition(line: 1, column: 1)),
                    module: 0, scope: classID, definingScope: 0))
        }
        // The nested class defines `run` before its enclosing class does.
        program.addMethod(10, named: "run", inClass: 1)
        program.addMethod(11, named: "run", inClass: 0)
        program.addMethod(12, named: "stop", inClass: 2)
        program.addMethod(13, named: "run", inClass: 2)
        program.addMethod(14, named: "run", inClass: 0)
        #expect(program.methods(named: "run") == [14, 10, 13])
        #expect(program.methods(named: "stop") == [12])
        #expect(program.methods(named: "missing") == [])
    }
}

@Suite struct ExtensionRequestTests {
    @Test(arguments: [
        ("os.path.join", false), ("json.loads", false), ("builtins.len", false), ("requests.get", true),
        ("osx.get", true), ("os", true), ("urllib.request.urlopen", true),
    ])
    func outsideFunctionMayMakeRequest(_ path: String, _ may: Bool) {
        #expect(ExtensionRecognizer.mayMakeHTTPRequest(.external(path)) == may)
    }
}

@Suite struct ImportNameTests {
    @Test(arguments: [("a.b.c", "a"), ("boto3", "boto3"), ("é.b", "é"), (".a", "a"), ("", "")])
    func importBindsFirstComponent(_ name: String, _ bound: String) {
        #expect(ScopeBuilder.firstComponent(of: name) == bound)
    }
}
