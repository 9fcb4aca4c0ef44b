/// A name in one scope, the key of the evaluator's name cache.
struct ScopedName: Hashable {
    var scope: Int
    var name: String
}

/// A cached evaluation result. A stable one read no changing state, directly or through
/// other results, so it stays valid when new call sites change parameter values.
struct CachedValue {
    var value: Value
    var isStable: Bool

    /// Returns the value, passing its dependence on changing state on to the result that reads it.
    func read(by evaluator: Evaluator) -> Value {
        if !isStable { evaluator.readChangingState() }
        return value
    }
}
