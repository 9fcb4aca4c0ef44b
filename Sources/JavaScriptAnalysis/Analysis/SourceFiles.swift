#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File kinds for module lookup. Reading goes through `Documents.SourceFileReader`, which
/// keeps reads inside the code root.
enum SourceFiles {
    static let extensions = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx"]

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFREG
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func isTypeScript(_ path: String) -> Bool {
        path.hasSuffix(".ts") || path.hasSuffix(".mts") || path.hasSuffix(".cts") || path.hasSuffix(".tsx")
    }

    static func allowsJSX(_ path: String) -> Bool {
        !(path.hasSuffix(".ts") || path.hasSuffix(".mts") || path.hasSuffix(".cts"))
    }

    /// Joins a relative module path to a folder and removes `.` and `..` components.
    static func normalize(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." {
                if !components.isEmpty { components.removeLast() }
                continue
            }
            components.append(component)
        }
        return (path.hasPrefix("/") ? "/" : "") + components.joined(separator: "/")
    }

    /// Finds the file Node.js (or TypeScript's resolver) loads for a local module path: the path
    /// itself, with an added extension, a TypeScript file for a `.js` name, or an index file.
    static func resolve(_ base: String) -> String? {
        if isRegularFile(base) && extensions.contains(where: { base.hasSuffix($0) }) { return base }
        for suffix in extensions where isRegularFile(base + suffix) { return base + suffix }
        // A module with only a declaration file holds types, which TypeScript resolves too.
        for suffix in [".d.ts", ".d.mts", ".d.cts"] where isRegularFile(base + suffix) { return base + suffix }
        for (javaScript, typeScript) in [
            (".js", [".ts", ".tsx"]), (".mjs", [".mts"]), (".cjs", [".cts"]), (".jsx", [".tsx"]),
        ]
        where base.hasSuffix(javaScript) {
            let stem = String(base.dropLast(javaScript.count))
            for suffix in typeScript where isRegularFile(stem + suffix) { return stem + suffix }
        }
        if isDirectory(base) {
            for suffix in extensions where isRegularFile(base + "/index" + suffix) { return base + "/index" + suffix }
        }
        // Node.js reads a file with another extension as JavaScript, except JSON; binary addons
        // (`.node`) and assets bundlers import (`.css`) are not code the analysis can read.
        let name = base.split(separator: "/").last ?? ""
        if isRegularFile(base) && (base.hasSuffix(".json") || !name.contains(".")) { return base }
        return nil
    }
}
