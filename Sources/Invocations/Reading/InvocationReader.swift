import Diagnostics
import Documents
import IAMCatalog

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads recorded calls from files and folders and delivers them as authorization requests.
package struct InvocationReader: Sendable {
    package struct Limits: Sendable {
        /// Largest record (CloudTrail event or line), in bytes; larger ones are skipped unread
        /// with an error naming the file and record.
        package var maximumRecordSize = 16 * 1024 * 1024
        package var gzip = GzipReader.Limits.default
        /// Files read at the same time, one per thread: one per online processor, at most 4,
        /// because the caller consumes the calls on a single thread.
        package var threadCount = min(4, max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        /// Calls per batch passed to the caller.
        package var batchSize = 512
        /// Batches a file may have waiting for the caller before its thread waits.
        package var maximumPendingBatches = 4
        /// Problems listed per file; the rest are counted.
        package var maximumProblemsPerFile = 50
        /// Files listed per folder.
        package var maximumFiles = 100_000
        /// The context keys to build from each event, lowercased (the keys a role's conditions
        /// name); `nil` builds every key CloudTrail records.
        package var contextKeys: Set<String>?

        package init() {}
        package static let `default` = Limits()
    }

    package let catalog: Catalog
    package let selector: RoleSelector
    package let limits: Limits
    private let operations: OperationLookup

    package init(catalog: Catalog, selector: RoleSelector, limits: Limits = .default) {
        self.catalog = catalog
        self.selector = selector
        self.limits = limits
        self.operations = OperationLookup(catalog: catalog)
    }

    /// Reads `sources` and calls `body` on the calling thread with batches of calls: sources in
    /// the order given, the files of a folder in byte order of their paths, and records in file
    /// order. Files are read on `limits.threadCount` threads, and at most `limits.maximumPendingBatches`
    /// batches of each file wait for the caller, so memory stays bounded. Problems go to
    /// `diagnostics` in the same order; none stops the reading of other records or files.
    package func read(
        _ sources: [InvocationSource], diagnostics: DiagnosticSink, body: ([RecordedCall]) -> Void
    ) -> InvocationSummary {
        var summary = InvocationSummary()
        let tasks = FileTask.list(sources, limits: limits, summary: &summary, diagnostics: diagnostics)
        func handle(_ item: FileOutputItem) {
            switch item {
            case .calls(let calls): body(calls)
            case .diagnostic(let diagnostic): diagnostics.report(diagnostic)
            case .summary(let fileSummary): summary.add(fileSummary)
            }
        }
        guard !tasks.isEmpty else { return summary }
        let pipeline = OrderedPipeline<FileOutputItem>(
            taskCount: tasks.count, maximumPending: limits.maximumPendingBatches)
        let didStart = runOnThreads(count: min(max(1, limits.threadCount), tasks.count)) { [self] in
            while let index = pipeline.startNextTask() {
                run(tasks[index]) { pipeline.put($0, task: index) }
                pipeline.finish(task: index)
            }
        } whileRunning: {
            for index in tasks.indices {
                while case let items = pipeline.take(task: index), !items.isEmpty {
                    items.forEach(handle)
                }
            }
        }
        if !didStart {
            withoutActuallyEscaping(handle) { send in
                for task in tasks { run(task, send: send) }
            }
        }
        return summary
    }

    private func run(_ task: FileTask, send: @escaping (FileOutputItem) -> Void) {
        var output = FileOutput(
            displayPath: task.displayPath, batchSize: limits.batchSize,
            maximumProblems: limits.maximumProblemsPerFile, send: send)
        switch task.kind {
        case .cloudTrail:
            let converter = EventConverter(
                catalog: catalog, selector: selector, operations: operations, formats: ARNFormatCache(catalog: catalog),
                contextKeys: EventContext.keyNames(matching: limits.contextKeys))
            let reader = CloudTrailFileReader(
                converter: converter, filter: RecordFilter(selector: selector), limits: limits)
            reader.read(path: task.path, displayPath: task.displayPath, into: &output)
        case .requests:
            LineFileReader(limits: limits).read(path: task.path, displayPath: task.displayPath, into: &output) {
                line, origin, output in
                RequestLine(catalog: catalog, selector: selector).handle(line, origin: origin, into: &output)
            }
        case .accessDenied:
            LineFileReader(limits: limits).read(path: task.path, displayPath: task.displayPath, into: &output) {
                line, origin, output in
                AccessDeniedLine(catalog: catalog, selector: selector, operations: operations).handle(
                    line, origin: origin, into: &output)
            }
        }
        output.finish()
    }
}
