import Diagnostics
import Testing

@testable import PythonAnalysis

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Module lookup reads folder listings instead of calling `stat` on each candidate path. These
/// cases check that it finds the same files.
@Suite struct ModuleLookupTests {
    private static let handler = "def handler(event, context):\n    pass\n"

    @Test(arguments: [
        ("json", ["json"]), ("a.b.c", ["a", "b", "c"]), ("", [""]), ("a..b", ["a", "", "b"]), (".a", ["", "a"]),
        ("caf\u{E9}", ["caf\u{E9}"]), ("caf\u{E9}.x", ["caf\u{E9}", "x"]), ("a.\u{301}b", ["a.\u{301}b"]),
    ])
    func nameSplitsIntoComponents(name: String, expected: [String]) {
        #expect(ModuleLoader.components(of: name).map(String.init) == expected)
    }

    @Test func linkedPackageFolderIsRead() throws {
        let fixture = try Fixture([
            "app.py": "import linked\n" + Self.handler,
            "real/__init__.py": "X = 1\n",
        ])
        try FileManagerLink.create(at: fixture.root + "/linked", pointingTo: fixture.root + "/real")
        let (result, diagnostics) = fixture.analyze()
        #expect(result.filesRead == ["app.py", "linked/__init__.py"])
        #expect(diagnostics.isEmpty)
    }

    @Test func initFolderIsNotAPackageFile() throws {
        let fixture = try Fixture([
            "app.py": "import shared\n" + Self.handler,
            "shared/__init__.py/placeholder.txt": "",
            "shared.py": "X = 1\n",
        ])
        let (result, _) = fixture.analyze()
        #expect(result.filesRead == ["app.py", "shared.py"])
    }

    @Test func moduleFolderNamedLikeFileIsNamespace() throws {
        let fixture = try Fixture([
            "app.py": "from shared import mod\n" + Self.handler,
            "shared.py/placeholder.txt": "",
            "shared/mod.py": "X = 1\n",
        ])
        let (result, diagnostics) = fixture.analyze()
        #expect(result.filesRead == ["app.py", "shared/mod.py"])
        #expect(diagnostics.isEmpty)
    }

    @Test func brokenLinkIsMissingModule() throws {
        let fixture = try Fixture(["app.py": "import gone\n" + Self.handler])
        try FileManagerLink.create(at: fixture.root + "/gone.py", pointingTo: fixture.root + "/absent.py")
        let (result, diagnostics) = fixture.analyze()
        #expect(result.filesRead == ["app.py"])
        #expect(diagnostics.isEmpty)
    }

    @Test func namedPipeIsReportedNotRead() throws {
        let fixture = try Fixture(["app.py": "import pipe\n" + Self.handler])
        try #require(mkfifo(fixture.root + "/pipe.py", 0o600) == 0)
        let (result, diagnostics) = fixture.analyze()
        #expect(result.filesRead == ["app.py"])
        let error = try #require(diagnostics.first { $0.location?.file == "pipe.py" })
        #expect(error.severity == .error)
        #expect(error.message.contains("not a regular file"))
    }

    @Test func submoduleOfFileIsMissing() throws {
        let fixture = try Fixture([
            "app.py": "import helpers.inner\n" + Self.handler,
            "helpers.py": "X = 1\n",
        ])
        let (result, _) = fixture.analyze()
        #expect(result.filesRead == ["app.py", "helpers.py"])
    }

    @Test func nonASCIIModuleNameIsFound() throws {
        let fixture = try Fixture([
            "app.py": "import caf\u{E9}\n" + Self.handler,
            "caf\u{E9}.py": "X = 1\n",
        ])
        let (result, _) = fixture.analyze()
        #expect(result.filesRead == ["app.py", "caf\u{E9}.py"])
    }
}
