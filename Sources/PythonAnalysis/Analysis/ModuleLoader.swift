import Diagnostics
import Documents

/// Finds and reads the local modules of a function's code: `a.b` is `a/b.py` or
/// `a/b/__init__.py` under the code root, and a folder without `__init__.py` is a namespace
/// package. A module is read once, so circular imports end.
final class ModuleLoader {
    let program: Program
    let codeRoot: String
    let rootForDisplay: String
    let diagnostics: DiagnosticSink
    /// Python source files are far smaller than this; the limit bounds hostile input.
    static let maximumFileSize = 16 * 1024 * 1024
    private let reader: SourceFileReader
    /// The code root's folders, each read once, so a lookup of `json` or `boto3` from every
    /// module costs no `stat` call.
    private let folders: FolderListings
    private var absent: Set<String> = []
    /// Syntax problems reported per file, counting those of bodies parsed later.
    private var syntaxProblemCounts: [String: Int] = [:]
    private(set) var filesRead: [String] = []
    private(set) var bytesRead = 0

    init(program: Program, codeRoot: String, rootForDisplay: String, diagnostics: DiagnosticSink) {
        self.program = program
        self.codeRoot = codeRoot.hasSuffix("/") && codeRoot.count > 1 ? String(codeRoot.dropLast()) : codeRoot
        self.rootForDisplay = rootForDisplay
        self.diagnostics = diagnostics
        self.reader = SourceFileReader(root: codeRoot, maximumFileSize: Self.maximumFileSize)
        self.folders = FolderListings(root: self.codeRoot)
        program.reportDeferredProblems = { [weak self] moduleID, problems in
            guard let self else { return }
            self.reportSyntaxProblems(problems, path: self.program.modules[moduleID].displayPath)
        }
    }

    func displayPath(_ path: String) -> String {
        var root = rootForDisplay
        if root.hasSuffix("/") { root.removeLast() }
        guard !root.isEmpty && path.hasPrefix(root + "/") else { return path }
        if root.utf8.allSatisfy({ $0 < 0x80 }) {
            // The characters that match an ASCII root are its own bytes, so the rest of `path`
            // starts right after them and the `/`.
            return String(decoding: path.utf8.dropFirst(root.utf8.count + 1), as: UTF8.self)
        }
        return String(path.dropFirst(root.count + 1))
    }

    /// Returns the local module's index and reads the module on first use. Modules outside
    /// the code, such as the standard library and third-party packages, return `nil`.
    func module(named name: String) -> Int? {
        // Most lookups name modules outside the code, such as `json` or `boto3`, again and
        // again, so those are checked first. No name is in both.
        if absent.contains(name) { return nil }
        if let id = program.moduleIDs[name] { return id }
        let components = Self.components(of: name)
        guard !components.isEmpty, components.allSatisfy(Self.isIdentifier) else {
            absent.insert(name)
            return nil
        }
        // Python's path finder prefers a package, then a module file, then a namespace package.
        let parents = components.dropLast()
        let last = String(components[components.count - 1])
        let isFolder = folders.kind(of: last, inFolder: parents) == .folder
        if isFolder && folders.kind(of: "__init__.py", inFolder: components[...]) == .other {
            return load(name: name, path: path(of: components) + "/__init__.py", isPackage: true)
        }
        if folders.kind(of: last + ".py", inFolder: parents) == .other {
            return load(name: name, path: path(of: components) + ".py", isPackage: false)
        }
        if isFolder {
            return addModule(
                name: name, displayPath: displayPath(path(of: components)), isPackage: true, statements: [])
        }
        absent.insert(name)
        return nil
    }

    /// Returns the path of a module's file or folder, without the `.py` or `/__init__.py` ending.
    private func path(of components: [Substring]) -> String {
        codeRoot + "/" + components.joined(separator: "/")
    }

    /// Splits a dotted name into its parts. An ASCII name is split on bytes, which gives the
    /// parts that splitting on characters gives because `.` is a character of its own in ASCII
    /// text, without breaking the text into characters.
    static func components(of name: String) -> [Substring] {
        let dot = UInt8(ascii: ".")
        // Without a `.` byte the text has no `.` character either, so it is one part.
        guard name.utf8.contains(dot) else { return [name[...]] }
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            return name.split(separator: ".", omittingEmptySubsequences: false)
        }
        return name.utf8.split(separator: dot, omittingEmptySubsequences: false).map { part in
            name[part.startIndex..<part.endIndex]
        }
    }

    private static func isIdentifier(_ component: Substring) -> Bool {
        guard let first = component.utf8.first, ByteClass.isIdentifierStart(first) else { return false }
        return component.utf8.allSatisfy(ByteClass.isIdentifierContinuation)
    }

    /// The file a module name would be read from, for messages about a missing handler.
    func expectedPath(of name: String) -> String {
        displayPath(codeRoot + "/" + name.split(separator: ".").joined(separator: "/") + ".py")
    }

    private func load(name: String, path: String, isPackage: Bool) -> Int? {
        let display = displayPath(path)
        let bytes: [UInt8]
        do {
            bytes = try reader.read(path)
        } catch {
            diagnostics.report(.error, error.code, error.message, at: SourceLocation(file: display))
            absent.insert(name)
            return nil
        }
        filesRead.append(display)
        bytesRead += bytes.count
        let file = TokenizedFile(bytes: bytes)
        reportTokenProblems(file, path: display)
        var parser = Parser(file: file, defersFunctionBodies: true)
        let statements = parser.parseModule()
        reportSyntaxProblems(parser.problems, path: display)
        return addModule(name: name, displayPath: display, isPackage: isPackage, statements: statements)
    }

    /// Reports at most `Parser.maximumReportedProblems` problems per file, as one parser would.
    private func reportSyntaxProblems(_ problems: [SyntaxProblem], path: String) {
        guard !problems.isEmpty else { return }
        let reported = syntaxProblemCounts[path, default: 0]
        let count = min(problems.count, max(0, Parser.maximumReportedProblems - reported))
        syntaxProblemCounts[path] = reported + count
        for problem in problems.prefix(count) {
            let location = SourceLocation(file: path, line: problem.position.line, column: problem.position.column)
            diagnostics.report(
                .warning, .pythonUnparsedStatement, "cannot parse this statement: \(problem.message)", at: location,
                notes: ["SDK calls in this statement are not analyzed; check that the file is valid Python 3"])
        }
    }

    private func addModule(name: String, displayPath: String, isPackage: Bool, statements: [Statement]) -> Int {
        let id = program.modules.count
        let scope = program.addScope(ScopeInfo(parent: nil, module: id))
        program.modules.append(
            ModuleInfo(name: name, displayPath: displayPath, isPackage: isPackage, scope: scope, statements: statements)
        )
        program.moduleIDs[name] = id
        program.reserveNames(statements.count, in: scope)
        ScopeBuilder(program: program, moduleID: id).bindStatements(statements, in: scope)
        return id
    }

    private func reportTokenProblems(_ file: TokenizedFile, path: String) {
        for problem in file.problems {
            let column = file.column(of: Int32(problem.offset), line: Int32(problem.line))
            diagnostics.report(
                .error, .pythonInvalidSource, problem.message,
                at: SourceLocation(file: path, line: problem.line, column: column))
        }
        if file.problemCount > file.problems.count {
            diagnostics.report(
                .note, .pythonMoreProblems,
                "\(file.problemCount - file.problems.count) more problems in this file are not listed",
                at: SourceLocation(file: path))
        }
    }

}
