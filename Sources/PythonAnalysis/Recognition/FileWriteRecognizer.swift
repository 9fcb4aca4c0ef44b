import SourceAnalysis

// NOTE: other calls that change the file system (`os.rename`, `os.remove`, `tempfile` with a
// `dir` argument, `Path` objects built with `/`) are not recognized, so their paths go unchecked.

/// Finds the calls that write files or make folders, with the path each one writes to:
/// `open` in a writing mode, `os.makedirs`, `os.mkdir`, the `shutil` copies (their destination)
/// and the writing methods of `pathlib.Path`.
struct FileWriteRecognizer {
    let evaluator: Evaluator

    /// `open` modes that create or change a file: write, append, exclusive create and update.
    static let writingModeLetters: Set<Character> = ["w", "a", "x", "+"]
    static let pathMethods: Set<String> = ["write_text", "write_bytes", "mkdir", "touch", "open"]

    func writes(for callee: Value, at site: CallSite) -> [FileWrite] {
        var writes: [FileWrite] = []
        for alternative in callee.alternatives {
            guard let (operation, path) = writtenPath(by: alternative, at: site) else { continue }
            for value in path.alternatives {
                let write = FileWrite(path: value.symbolic, location: site.location, operation: operation)
                if !writes.contains(write) { writes.append(write) }
            }
        }
        return writes
    }

    private func writtenPath(by callee: Value, at site: CallSite) -> (String, Value)? {
        switch callee {
        case .external("builtins.open"), .external("io.open"):
            guard isWritingMode(argument(at: 1, named: "mode", site)) else { return nil }
            return argument(at: 0, named: "file", site).map { ("open", $0) }
        case .external("os.makedirs"):
            return argument(at: 0, named: "name", site).map { ("os.makedirs", $0) }
        case .external("os.mkdir"):
            return argument(at: 0, named: "path", site).map { ("os.mkdir", $0) }
        case .external(let function) where ["shutil.copy", "shutil.copyfile", "shutil.copy2"].contains(function):
            return argument(at: 1, named: "dst", site).map { (function, $0) }
        case .boundMethod(.externalInstance(let type, let arguments), let method)
        where Evaluator.pathTypes.contains(type) && Self.pathMethods.contains(method):
            if method == "open" && !isWritingMode(argument(at: 0, named: "mode", site)) { return nil }
            guard let path = arguments[Evaluator.pathArgumentKey] else { return nil }
            return ("Path.\(method)", .data(path))
        default:
            return nil
        }
    }

    /// Evaluates the argument at that position, or else the keyword argument of that name.
    private func argument(at index: Int, named name: String, _ site: CallSite) -> Value? {
        let positional = site.positional
        guard let expression = index < positional.count ? positional[index] : site.keyword(name) else { return nil }
        return evaluator.evaluate(expression, in: site.scope)
    }

    /// True when the mode is a literal with a writing letter. A missing mode is `"r"`, and a mode
    /// computed at run time is not counted as writing.
    private func isWritingMode(_ mode: Value?) -> Bool {
        guard let text = mode?.symbolic.literalValue else { return false }
        return text.contains { Self.writingModeLetters.contains($0) }
    }
}

extension Evaluator {
    /// The `pathlib` classes whose objects keep their path for the file write recognizer.
    static let pathTypes: Set<String> = [
        "pathlib.Path", "pathlib.PosixPath", "pathlib.PurePath", "pathlib.PurePosixPath",
    ]
    /// The key under which a path object's instance value stores its path. A keyword argument
    /// cannot be empty, so it never collides with one.
    static let pathArgumentKey = ""

    /// Evaluates `Path(a, b)` to an instance that keeps the path `a/b`.
    func pathObject(_ type: String, _ arguments: [Argument], in scope: Int) -> Value {
        let parts = arguments.compactMap { argument -> Expression? in
            if case .positional = argument.kind { return argument.value }
            return nil
        }
        let path: SymbolicValue = parts.isEmpty ? .literal(".") : joined(parts, separator: "/", in: scope)
        return .externalInstance(type, [Self.pathArgumentKey: path])
    }
}
