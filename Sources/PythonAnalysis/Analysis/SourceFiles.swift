#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File kinds for module lookup. Reading goes through `Documents.SourceFileReader`, which
/// keeps reads inside the code root.
enum SourceFiles {
    /// Returns true for a directory, false for another file, and `nil` when the path is missing.
    static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }
}
