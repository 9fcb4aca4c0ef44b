/// A name, by its interned id, in one scope: the key of the evaluator's name cache.
struct ScopedName: Hashable {
    var scope: Int
    var name: Int32
}

/// A cached evaluation result. A stable one read no changing state, directly or through
/// other results, so it stays valid when new call sites change parameter values.
struct CachedValue {
    var value: Value
    /// The changing state the result read, as `Evaluator.readLog` entries without repeats. It
    /// is empty for a stable result.
    var reads: [Int]

    var isStable: Bool { reads.isEmpty }

    /// Returns the value, passing its dependence on changing state on to the result that reads it.
    func read(by evaluator: Evaluator) -> Value {
        if !isStable { evaluator.readChangingState(reads) }
        return value
    }
}

/// The log of changing state that cached results and walks read.
extension Evaluator {
    /// Notes a read of a result cut short by recursion or the limits.
    func readChangingState() {
        readLog.append(Self.otherChangingState)
    }

    /// Notes a read of the set of classes, which only grows.
    func readClasses() {
        readLog.append(Self.classesReadEntry(classCount: program.classes.count))
    }

    /// Returns the `readLog` entry for a read of the set of classes when it had `classCount`
    /// classes.
    static func classesReadEntry(classCount: Int) -> Int { -2 - classCount }

    /// True when the state a `readLog` entry records changed after `generation` began.
    func hasChanged(_ read: Int, since generation: Int) -> Bool {
        if read == Self.otherChangingState { return true }
        if read < Self.otherChangingState { return program.classes.count > -2 - read }
        return parameterChangeGeneration[read, default: 0] > generation
    }

    /// Notes a read of the values a function's parameters received.
    func readParameters(of function: Int) {
        readLog.append(function)
    }

    /// Notes the reads of a cached result that read changing state. Past
    /// `maximumReplayedReads` entries, one `otherChangingState` replaces them, so reading a
    /// result of many reads many times cannot grow the log by their product. The reader is
    /// then walked again after every change, as it would be after a result cut short.
    func readChangingState(_ reads: [Int]) {
        if readLog.count + reads.count > Self.maximumReplayedReads {
            readLog.append(Self.otherChangingState)
        } else {
            readLog += reads
        }
    }

    /// Replaces the reads logged from `start` on with the same reads without repeats, and
    /// returns them.
    func compactReads(from start: Int) -> [Int] {
        guard start < readLog.count else { return [] }
        var reads = Array(readLog[start...])
        reads.sort()
        var unique: [Int] = []
        unique.reserveCapacity(reads.count)
        for read in reads where read != unique.last { unique.append(read) }
        readLog.removeSubrange(start...)
        readLog += unique
        return unique
    }
}
