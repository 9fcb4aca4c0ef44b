#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The entries of the folders under one root, each folder read once with `readdir`, so that
/// looking up many candidate paths, such as the files a Python import may name, costs no
/// `stat` call per path. Every lookup returns what `stat` on the joined path would return:
/// symbolic links are followed, and a missing path or a path through a missing folder or
/// through a file is `nil`.
///
/// A folder that cannot be listed (no read permission, too many open files) or that has more
/// than `maximumEntriesPerFolder` entries is not kept, and lookups in it call `stat`. Names
/// that are not ASCII are looked up with `stat` as well, because `String` equality treats
/// canonically equivalent names as equal (U+212A KELVIN SIGN equals `K`), where the file
/// system compares bytes.
// NOTE: a folder is read when it is first looked up, so entries added or removed after that
// are not seen by this instance.
package final class FolderListings {
    package enum Kind: Sendable, Equatable {
        case folder
        /// A regular file, a named pipe, a device or a socket: anything but a folder.
        case other
    }

    /// An entry's type from `readdir`. A symbolic link, or an entry whose type the file system
    /// leaves unknown, is resolved with `stat` when it is looked up.
    private enum EntryType {
        case folder, other, unresolved
    }

    private enum Listing {
        case missing
        case entries([String: EntryType])
        /// Lookups in this folder call `stat`.
        case unlisted
    }

    /// A folder looked up so far, with the folders looked up inside it, so that a lookup walks
    /// down by name instead of building and hashing whole paths.
    private final class Folder {
        let path: String
        let listing: Listing
        var children: [String: Folder] = [:]

        init(path: String, listing: Listing) {
            self.path = path
            self.listing = listing
        }
    }

    /// The folder the relative lookups start from, as given.
    package let root: String
    package let maximumEntriesPerFolder: Int
    private var rootFolder: Folder?

    package init(root: String, maximumEntriesPerFolder: Int = 10_000) {
        self.root = root
        self.maximumEntriesPerFolder = maximumEntriesPerFolder
    }

    /// Returns the kind of the entry `name` in the folder `root/folder[0]/folder[1]/...`, or
    /// `nil` when that path does not exist. Each folder on the way is read at most once by
    /// this object, which keeps what it read.
    package func kind(of name: String, inFolder folder: ArraySlice<Substring>) -> Kind? {
        // Paths are `root + "/" + name`, so an empty root stands for `/`.
        var current = rootFolder ?? Folder(path: root, listing: read(root.isEmpty ? "/" : root))
        rootFolder = current
        // A loop rather than recursion, so a module name with thousands of parts cannot
        // exhaust the stack.
        for component in folder {
            let componentName = String(component)
            guard Self.kind(of: componentName, in: current) == .folder else { return nil }
            if let child = current.children[componentName] {
                current = child
            } else {
                let child = makeFolder(path: current.path + "/" + componentName)
                current.children[componentName] = child
                current = child
            }
        }
        return Self.kind(of: name, in: current)
    }

    private static func kind(of name: String, in folder: Folder) -> Kind? {
        switch folder.listing {
        case .missing:
            return nil
        case .unlisted:
            return statKind(folder.path + "/" + name)
        case .entries(let entries):
            guard isASCII(name) else { return statKind(folder.path + "/" + name) }
            switch entries[name] {
            case nil: return nil
            case .folder: return .folder
            case .other: return .other
            case .unresolved: return statKind(folder.path + "/" + name)
            }
        }
    }

    private static func isASCII(_ name: String) -> Bool {
        // One test of all the bytes combined, with no branch per byte.
        let combined = name.utf8.withContiguousStorageIfAvailable { bytes in bytes.reduce(0, |) }
        return (combined ?? name.utf8.reduce(0, |)) < 0x80
    }

    /// Returns what `stat` reports for `path`: a folder, something else, or `nil` when it fails.
    private static func statKind(_ path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .other
    }

    private func makeFolder(path: String) -> Folder {
        Folder(path: path, listing: read(path))
    }

    /// Reads a folder's ASCII entry names with their types.
    private func read(_ path: String) -> Listing {
        guard let directory = opendir(path) else {
            // `stat` fails the same way for every path inside a missing folder or a file.
            return errno == ENOENT || errno == ENOTDIR ? .missing : .unlisted
        }
        defer { closedir(directory) }
        var entries: [String: EntryType] = [:]
        var count = 0
        while true {
            // `readdir` returns nil both at the end and on failure; only a failure sets `errno`.
            errno = 0
            guard let entry = readdir(directory) else { break }
            count += 1
            // Two more for `.` and `..`, which every listing has.
            guard count <= maximumEntriesPerFolder + 2 else { return .unlisted }
            let name: String? = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                let bytes = buffer.prefix { $0 != 0 }
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
                return String(decoding: bytes, as: UTF8.self)
            }
            guard let name, name != ".", name != ".." else { continue }
            entries[name] = Self.entryType(entry.pointee.d_type)
        }
        return errno == 0 ? .entries(entries) : .unlisted
    }

    private static func entryType(_ type: UInt8) -> EntryType {
        switch Int32(type) {
        case Int32(DT_DIR): .folder
        case Int32(DT_LNK), Int32(DT_UNKNOWN): .unresolved
        default: .other
        }
    }
}
