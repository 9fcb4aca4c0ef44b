#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hands the output of tasks that run on worker threads to one consumer in task order. Each
/// task has its own queue of at most `maximumPending` items; a producer that finds its queue
/// full waits, so memory stays bounded however far the workers run ahead. The consumer only
/// waits on the lowest unfinished task, and tasks are started in order, so a worker is always
/// running that task and the pipeline cannot deadlock.
final class OrderedPipeline<Item: Sendable>: @unchecked Sendable {
    // Every stored property below is guarded by `mutex`.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queues: [[Item]]
    private var isFinished: [Bool]
    private var nextTaskToStart = 0
    private let maximumPending: Int

    init(taskCount: Int, maximumPending: Int) {
        queues = Array(repeating: [], count: taskCount)
        isFinished = Array(repeating: false, count: taskCount)
        self.maximumPending = max(1, maximumPending)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Returns the next task for a worker to run, or `nil` when every task has started.
    func startNextTask() -> Int? {
        withLock {
            guard nextTaskToStart < queues.count else { return nil }
            defer { nextTaskToStart += 1 }
            return nextTaskToStart
        }
    }

    /// Adds an item to a task's queue, waiting while the queue is full.
    func put(_ item: Item, task: Int) {
        withLock {
            while queues[task].count >= maximumPending { pthread_cond_wait(changed, mutex) }
            queues[task].append(item)
            pthread_cond_broadcast(changed)
        }
    }

    func finish(task: Int) {
        withLock {
            isFinished[task] = true
            pthread_cond_broadcast(changed)
        }
    }

    /// Removes the task's queued items, waiting until there is one; an empty result means the
    /// task finished and everything was taken.
    func take(task: Int) -> [Item] {
        withLock {
            while queues[task].isEmpty && !isFinished[task] { pthread_cond_wait(changed, mutex) }
            let items = queues[task]
            queues[task] = []
            pthread_cond_broadcast(changed)
            return items
        }
    }

    private func withLock<Result>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}

/// Runs `body` on up to `count` new threads and `whileRunning` on the calling thread, then waits
/// for the threads to end. Returns false, without running anything, when no thread could start.
func runOnThreads(count: Int, _ body: @escaping @Sendable () -> Void, whileRunning: () -> Void) -> Bool {
    final class Work {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    var threads: [pthread_t] = []
    for _ in 0..<max(1, count) {
        let context = Unmanaged.passRetained(Work(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread, nil,
            { context in
                let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
                work.body()
                return nil
            }, context)
        if result == 0 {
            threads.append(thread)
        } else {
            Unmanaged<Work>.fromOpaque(context).release()
        }
    }
    guard !threads.isEmpty else { return false }
    whileRunning()
    for thread in threads { pthread_join(thread, nil) }
    return true
}
