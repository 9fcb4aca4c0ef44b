import Documents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The number of processors this process may run on.
enum ProcessorCount {
    /// The processors in the process's affinity mask on Linux, which `taskset` narrows, or
    /// the online processors when the mask cannot be read; at least 1.
    static let available: Int = allowedProcessors() ?? max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// Counts the bits of the `Cpus_allowed` mask in `/proc/self/status`, written as groups
    /// of hexadecimal digits separated by commas.
    private static func allowedProcessors() -> Int? {
        guard let bytes = try? SourceFileReader(root: "/", maximumFileSize: 1 << 20).read("/proc/self/status"),
            let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first(where: {
                $0.hasPrefix("Cpus_allowed:")
            })
        else { return nil }
        var count = 0
        for character in line.dropFirst("Cpus_allowed:".count) where character.isHexDigit {
            guard let digit = character.hexDigitValue else { return nil }
            count += digit.nonzeroBitCount
        }
        return count > 0 ? count : nil
    }
}
