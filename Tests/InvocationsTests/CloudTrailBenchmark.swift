import Diagnostics
import IAMCatalog
import Testing

@testable import Invocations

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Measures the CloudTrail reader on a folder that `Benchmarks/cloudtrail/generate.py` wrote.
/// Runs only when `MINROLE_BENCH_CLOUDTRAIL` names the folder; `MINROLE_BENCH_SELECT=all` parses
/// every record instead of selecting the generator's role, and `MINROLE_BENCH_THREADS` sets the
/// thread count (default 2).
@Suite struct CloudTrailBenchmark {
    private static let folder = getenv("MINROLE_BENCH_CLOUDTRAIL").map { String(cString: $0) }
    private static let selectsAll = getenv("MINROLE_BENCH_SELECT").map { String(cString: $0) } == "all"
    private static let threadCount = getenv("MINROLE_BENCH_THREADS").flatMap { Int(String(cString: $0)) } ?? 2

    @Test(.enabled(if: folder != nil, "set MINROLE_BENCH_CLOUDTRAIL to a generated folder"))
    func readGeneratedTrail() throws {
        let folder = try #require(Self.folder)
        let selector =
            Self.selectsAll
            ? RoleSelector() : RoleSelector(roleARN: "arn:aws:iam::123456789012:role/service/orders-role")
        var limits = InvocationReader.Limits()
        limits.threadCount = Self.threadCount
        let reader = InvocationReader(catalog: Catalog.shared, selector: selector, limits: limits)

        let sink = DiagnosticSink()
        let before = Self.usage()
        let clock = ContinuousClock()
        var calls = 0
        var summary = InvocationSummary()
        let elapsed = clock.measure {
            summary = reader.read([.cloudTrail(path: folder)], diagnostics: sink) { calls += $0.count }
        }
        let after = Self.usage()

        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytes = Double(summary.bytesRead) / 1_048_576
        let cpu = after.cpuSeconds - before.cpuSeconds
        print(
            """
            cloudtrail benchmark: \(Self.selectsAll ? "every record parsed" : "role selected"), \
            \(Self.threadCount) threads
              files \(summary.filesRead), digest files skipped \(summary.filesSkippedAsDigest), \
            records \(summary.recordsSeen), skipped before parsing or as other principal \
            \(summary.recordsSkippedAsOtherPrincipal), calls \(calls)
              \(format2(megabytes)) MiB decompressed in \(format2(seconds)) s wall, \
            \(format2(cpu)) s CPU (user \(format2(after.userSeconds - before.userSeconds)) s)
              \(format2(megabytes / seconds)) MiB/s wall, \(format2(megabytes / cpu)) MiB per CPU second
              peak RSS \(after.peakKilobytes / 1024) MiB (before reading \(before.peakKilobytes / 1024) MiB)
            """)

        #expect(summary.recordsInvalid == 0)
        #expect(calls == summary.callsDelivered)
    }

    private struct Usage {
        var userSeconds: Double
        var cpuSeconds: Double
        var peakKilobytes: Int
    }

    private static func usage() -> Usage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return Usage(userSeconds: user, cpuSeconds: user + system, peakKilobytes: usage.ru_maxrss)
    }
}

private func format2(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = abs(hundredths % 100)
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}
