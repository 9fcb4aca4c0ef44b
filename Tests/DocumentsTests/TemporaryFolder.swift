import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates a new, empty folder under the system temporary folder and returns its real path.
func temporaryFolder() throws -> String {
    var template = Array("/tmp/documents-tests-XXXXXX".utf8CString)
    let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
        guard let pointer = mkdtemp(buffer.baseAddress!) else { return nil }
        return String(cString: pointer)
    }
    return try #require(created)
}

/// Writes bytes to a file, replacing it.
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    let descriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    try #require(written == bytes.count)
}
