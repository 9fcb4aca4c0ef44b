import SourceAnalysis

/// Node's file system modules as the analysis tracks them. Importing `fs` or `node:fs` gives
/// `.builtin("fs")`, `fs/promises` gives `.builtin("fs.promises")`, and each member read from
/// them is a `.builtin` with the dotted name, such as `fs.writeFileSync`.
enum FileSystemModule {
    static let modules: Set<String> = ["fs", "fs.promises"]

    /// Returns the module a package name imports, or nil for a package that is not Node's `fs`.
    static func module(ofPackage source: String) -> String? {
        switch source {
        case "fs", "node:fs": return "fs"
        case "fs/promises", "node:fs/promises": return "fs.promises"
        default: return nil
        }
    }

    // NOTE: `fs.open` with a writing flag, `rename`, `rm` and `cp` are not listed, so their paths
    // go unchecked.

    /// The functions that create or change a file or folder, with the position of the
    /// argument that is the path written to (for a copy, the destination).
    static let writingFunctions: [String: Int] = [
        "fs.writeFile": 0, "fs.writeFileSync": 0, "fs.appendFile": 0, "fs.appendFileSync": 0,
        "fs.mkdir": 0, "fs.mkdirSync": 0, "fs.createWriteStream": 0,
        "fs.copyFile": 1, "fs.copyFileSync": 1,
        "fs.promises.writeFile": 0, "fs.promises.appendFile": 0, "fs.promises.mkdir": 0,
        "fs.promises.copyFile": 1,
    ]

    /// Returns the file writes a call of the named `fs` function makes: one per value its path
    /// argument can have, or none for a function that does not write.
    static func fileWrites(ofCalling function: String, at site: CallSite) -> [FileWrite] {
        guard let position = writingFunctions[function] else { return [] }
        var writes: [FileWrite] = []
        for value in site.argument(position).alternatives {
            let write = FileWrite(path: value.symbolic, location: site.location, operation: function)
            if !writes.contains(write) { writes.append(write) }
        }
        return writes
    }
}
