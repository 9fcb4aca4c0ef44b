import Diagnostics
import Testing

@testable import Documents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct HostileDocumentTests {
    @Test func billionLaughsRejected() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(aliases)]\n"
        }
        let clock = ContinuousClock()
        var error: DocumentError?
        let elapsed = clock.measure { error = parseError(text) }
        let rejection = try #require(error)
        #expect(rejection.code == .tooManyNodes)
        #expect(rejection.message.contains("node limit of 2000000"))
        #expect(rejection.location.line == 7)
        #expect(elapsed < .seconds(2))
    }

    @Test func aliasesWithinLimitExpand() throws {
        let root = try parsed("base: &b {x: 1}\ncopy: *b\n").root
        #expect(root["copy"]?["x"]?.scalar == "1")
        #expect(root["copy"]?.location == SourceLocation(file: "t.yaml", line: 2, column: 7))
    }

    @Test func undefinedAliasRejected() throws {
        let error = try #require(parseError("a: *missing\n"))
        #expect(error.code == .undefinedAlias)
        #expect(error.location == SourceLocation(file: "t.yaml", line: 1, column: 4))
    }

    @Test func selfReferenceRejected() throws {
        let error = try #require(parseError("a: &x [*x]\n"))
        #expect(error.code == .undefinedAlias)
    }

    @Test(arguments: ["[", "{a: "]) func deepNestingRejected(_ opener: String) throws {
        let text = String(repeating: opener, count: 10_000)
        let error = try #require(parseError(text))
        #expect(error.code == .nestingTooDeep)
        #expect(error.message.contains("depth limit of 256"))
    }

    @Test func aliasDepthCounted() throws {
        var limits = DocumentLimits()
        limits.maximumDepth = 4
        #expect(throws: Never.self) { try parsed("a: &x [[1]]\n", limits: limits) }
        let error = try #require(parseError("a: &x [[[1]]]\nb: [[*x]]\n", limits: limits))
        #expect(error.code == .nestingTooDeep)
        #expect(error.location.line == 2)
    }

    @Test func blockNestingAtLimitAccepted() throws {
        var limits = DocumentLimits()
        limits.maximumDepth = 4
        #expect(throws: Never.self) { try parsed("a:\n  b:\n    c: [1]\n", limits: limits) }
        #expect(parseError("a:\n  b:\n    c: [[1]]\n", limits: limits)?.code == .nestingTooDeep)
    }

    @Test(arguments: ["", "   \n\n", "\u{FEFF}"]) func emptyFileRejected(_ text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.code == .emptyDocument)
        #expect(error.message.contains("empty"))
    }

    @Test func commentsOnlyRejected() throws {
        let error = try #require(parseError("# just a comment\n"))
        #expect(error.code == .emptyDocument)
    }

    @Test func binaryRejected() throws {
        let error = try #require(parseError(bytes: Array("a: 1\nb: x".utf8) + [0, 1, 2]))
        #expect(error.code == .binaryFile)
        #expect(error.location == SourceLocation(file: "t.yaml", line: 2, column: 5))
    }

    @Test(arguments: [[0xC3, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]])
    func invalidUTF8Rejected(_ sequence: [UInt8]) throws {
        let error = try #require(parseError(bytes: Array("a: é\nb: ".utf8) + sequence))
        #expect(error.code == .invalidEncoding)
        #expect(error.location == SourceLocation(file: "t.yaml", line: 2, column: 4))
        #expect(error.message.contains("UTF-8"))
    }

    @Test func controlCharacterRejected() throws {
        let error = try #require(parseError("a: x\u{1}y\n"))
        #expect(error.code == .yamlSyntax)
        #expect(error.location == SourceLocation(file: "t.yaml", line: 1, column: 5))
    }

    @Test func truncatedYAMLReportsLine() throws {
        let text = "Resources:\n  Fn:\n    Properties:\n      Policies: [a, b\n"
        let error = try #require(parseError(text))
        #expect(error.code == .yamlSyntax)
        #expect(error.location.line == 5)
        #expect(error.message.contains("line 4"))
    }

    @Test func unclosedQuoteReported() throws {
        let error = try #require(parseError("a: \"open\nb: 1\n"))
        #expect(error.code == .yamlSyntax)
        #expect(error.message.contains("close it"))
    }

    @Test func tabIndentationExplained() throws {
        let error = try #require(parseError("a:\n\tb: 1\n"))
        #expect(error.code == .yamlSyntax)
        #expect(error.location == SourceLocation(file: "t.yaml", line: 2, column: 1))
        #expect(error.message.contains("indent with spaces"))
    }

    @Test func duplicateKeysWarned() throws {
        let document = try parsed("a: 1\nb: 2\na: 3\n")
        #expect(document.root.mapping?.map(\.key.scalar) == ["b", "a"])
        #expect(document.root["a"]?.scalar == "3")
        let warning = try #require(document.warnings.first)
        #expect(document.warnings.count == 1)
        #expect(warning.code == .duplicateKey)
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: "t.yaml", line: 3, column: 1))
        #expect(warning.message.contains("earlier at line 1"))
    }

    @Test func duplicateKeysWarnedInLargeMapping() throws {
        let keys = (0..<40).map { "k\($0): \($0)\n" }.joined()
        let document = try parsed(keys + "k3: again\nk30: again\nk3: third\n")
        #expect(document.root.mapping?.count == 40)
        #expect(document.root["k3"]?.scalar == "third")
        #expect(document.root["k30"]?.scalar == "again")
        #expect(document.root.mapping?.last?.key.scalar == "k3")
        #expect(document.warnings.map(\.location?.line) == [41, 42, 43])
        #expect(document.warnings[2].message.contains("earlier at line 41"))
    }

    @Test func byteOrderMarkAccepted() throws {
        let root = try DocumentReader.parse(
            bytes: [0xEF, 0xBB, 0xBF] + Array("a: !Ref B\n".utf8), displayPath: "t.yaml")
        #expect(root["a"]?.tag == "!Ref")
        #expect(root["a"]?.location == SourceLocation(file: "t.yaml", line: 1, column: 4))
    }

    @Test func utf16WithByteOrderMarkAccepted() throws {
        let units = Array("{\"a\": \"é\"}".utf16)
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let root = try DocumentReader.parse(bytes: bytes, displayPath: "t.json")
        #expect(root["a"]?.scalar == "é")
        #expect(root["a"]?.location == SourceLocation(file: "t.json", line: 1, column: 7))
    }

    @Test func extraDocumentsWarned() throws {
        let document = try parsed("a: 1\n---\nb: [unclosed\n")
        #expect(document.root["a"]?.scalar == "1")
        #expect(document.warnings.map(\.code) == [.extraDocuments])
        #expect(document.warnings.first?.location?.line == 2)
    }

    @Test func textAfterDocumentEndWarned() throws {
        let document = try parsed("a: 1\n...\n]\n")
        #expect(document.root["a"]?.scalar == "1")
        #expect(document.warnings.map(\.code) == [.extraDocuments])
        #expect(document.warnings.first?.location?.line == 3)
    }

    @Test func explicitSingleDocumentNotWarned() throws {
        let document = try parsed("---\na: 1\n...\n")
        #expect(document.warnings.isEmpty)
    }

    @Test func largeFileRejectedBeforeReading() throws {
        let path = try temporaryFolder() + "/big.yaml"
        let descriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        try #require(ftruncate(descriptor, 100 * 1024 * 1024) == 0)
        close(descriptor)
        let clock = ContinuousClock()
        var caught: DocumentError?
        let elapsed = clock.measure {
            do throws(DocumentError) {
                _ = try DocumentReader.parse(contentsOf: path, displayPath: "big.yaml")
            } catch {
                caught = error
            }
        }
        let error = try #require(caught)
        #expect(error.code == .fileTooLarge)
        #expect(error.message.contains("104857600 bytes"))
        #expect(error.message.contains("67108864"))
        #expect(elapsed < .milliseconds(200))
    }

    @Test func missingFileRejected() throws {
        let path = try temporaryFolder() + "/absent.yaml"
        #expect(throws: DocumentError.self) { try DocumentReader.parse(contentsOf: path) }
        do {
            _ = try DocumentReader.parse(contentsOf: path, displayPath: "absent.yaml")
        } catch {
            #expect(error.code == .fileUnreadable)
            #expect(error.description == "absent.yaml: error: file not found; check the path [MR1001]")
        }
    }

    @Test func directoryRejected() throws {
        let folder = try temporaryFolder()
        do {
            _ = try DocumentReader.parse(contentsOf: folder, displayPath: "dir")
            Issue.record("a directory was parsed")
        } catch {
            #expect(error.code == .notRegularFile)
        }
    }
}
