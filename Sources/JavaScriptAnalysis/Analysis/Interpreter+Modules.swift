import Diagnostics
import Documents

extension Interpreter {
    /// Loads and runs a local module file once and returns its record. A module that is
    /// still running (a circular import) returns its record with the exports made so far.
    func loadModule(at path: String, from location: SourceLocation?) -> ModuleRecord? {
        if let id = modulesByPath[path] { return modules[id] }
        let display = displayPath(path)
        let bytes: [UInt8]
        do {
            bytes = try reader.read(path)
        } catch {
            diagnostics.report(.error, error.code, error.message, at: location ?? SourceLocation(file: display))
            return nil
        }
        filesRead.append(display)
        bytesRead += bytes.count
        let record = ModuleRecord(
            id: modules.count, path: path, displayPath: display, isTypeScript: SourceFiles.isTypeScript(path))
        modules.append(record)
        modulesByPath[path] = record.id
        let file = TokenizedFile(bytes: bytes, allowsJSX: SourceFiles.allowsJSX(path))
        reportTokenProblems(file, path: display)
        var parser = Parser(file: file, isTypeScript: record.isTypeScript)
        if path.hasSuffix(".json") {
            // A JSON module's exports are its one value, often configuration with resource names.
            let exports = Expression.member(.identifier("module", Position(line: 1, column: 1)), "exports")
            record.statements = [.expression(.assignment("=", .expression(exports), parser.parseAssignment()))]
        } else {
            record.statements = parser.parseProgram()
        }
        record.unit = parser.unit
        reportSyntaxProblems(parser.problems, count: parser.problemCount, path: display)
        run(record)
        return record
    }

    private func run(_ record: ModuleRecord) {
        let scope = makeScope(parent: nil, module: record.id)
        record.scope = scope
        scope.bindings["exports"] = .object(record.exports)
        scope.bindings["module"] = .object(record.moduleObject)
        hoist(record.statements, in: scope)
        var returns: [Value] = []
        execute(record.statements, in: scope, returns: &returns)
        record.isLoaded = true
    }

    /// Resolves `require`, `import` and `export from` sources: a local path becomes a loaded
    /// module's exports, a known package becomes its SDK value, anything else is unknown.
    func importedValue(_ source: String, from scope: Scope, at position: Position) -> Value {
        guard source.hasPrefix(".") || source.hasPrefix("/") else {
            if source.hasPrefix("@aws-sdk/client-") && catalog.client(sdkName: source, language: "javascript") == nil {
                warn(
                    .javaScriptUnknownService,
                    "the catalog does not know the client package '\(source)'; calls made with it are not analyzed",
                    at: location(position, in: scope), notes: ["check the package name, or add the permissions by hand"]
                )
            }
            return PackageExports.value(ofPackage: source, interpreter: self)
        }
        let importer = modules[scope.module]
        let base = SourceFiles.normalize(source.hasPrefix("/") ? source : importer.folder + "/" + source)
        let location = self.location(position, in: scope)
        guard !base.split(separator: "/").contains("node_modules") else { return .notFollowed }
        guard let path = SourceFiles.resolve(base) else {
            if SourceFiles.isRegularFile(base) { return .unknown("'\(source)', which is not JavaScript or JSON") }
            diagnostics.report(
                .error, .javaScriptImportNotFound,
                "local module '\(source)' not found: no file '\(displayPath(base))' with a JavaScript or TypeScript "
                    + "extension and no index file in that folder",
                at: location, notes: ["calls in that module are not analyzed; check the path in the import"])
            return .unknown("a module that was not found")
        }
        guard let record = loadModule(at: path, from: location) else { return .unknown("a module that cannot be read") }
        return record.exportedValue
    }

    func reportDynamicImport(at location: SourceLocation) {
        warn(
            .javaScriptDynamicImport, "the module path is not a literal string; the module it loads is not analyzed",
            at: location, notes: ["import the module with a literal path, or check its calls by hand"])
    }

    private func reportTokenProblems(_ file: TokenizedFile, path: String) {
        for problem in file.problems {
            let column = file.column(of: problem.offset, line: problem.line)
            diagnostics.report(
                .error, .javaScriptInvalidSource, problem.message,
                at: SourceLocation(file: path, line: problem.line, column: column),
                notes: ["SDK calls after this point in the file may be missed"])
        }
        if file.problemCount > file.problems.count {
            diagnostics.report(
                .note, .javaScriptMoreProblems,
                "\(file.problemCount - file.problems.count) more problems in this file are not listed",
                at: SourceLocation(file: path))
        }
    }

    /// Reports the problems of function bodies of the module that were parsed since the last call.
    func reportBodyProblems(inModule id: Int) {
        guard let unit = modules[id].unit, unit.problemCount > 0 else { return }
        let (problems, count) = unit.takeProblems()
        reportSyntaxProblems(problems, count: count, path: modules[id].displayPath)
    }

    private func reportSyntaxProblems(_ problems: [SyntaxProblem], count: Int, path: String) {
        for problem in problems {
            diagnostics.report(
                .warning, .javaScriptUnparsedCode, "cannot parse this code: \(problem.message)",
                at: SourceLocation(file: path, line: problem.position.line, column: problem.position.column),
                notes: [
                    "SDK calls in the code around it may be missed; check that the file is valid JavaScript or TypeScript"
                ])
        }
        if count > problems.count {
            diagnostics.report(
                .note, .javaScriptMoreProblems,
                "\(count - problems.count) more parse problems in this file are not listed",
                at: SourceLocation(file: path))
        }
    }
}
