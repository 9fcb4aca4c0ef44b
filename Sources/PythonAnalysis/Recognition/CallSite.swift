import Diagnostics
import SourceAnalysis

/// A call expression being recognized: its arguments, the scope they are evaluated in and
/// where the call is.
struct CallSite {
    var arguments: [Argument]
    var scope: Int
    var location: SourceLocation

    var positional: [Expression] {
        arguments.compactMap { argument in
            if case .positional = argument.kind { return argument.value }
            return nil
        }
    }

    func keyword(_ name: String) -> Expression? {
        arguments.first { argument in
            if case .keyword(let keyword) = argument.kind { return keyword == name }
            return false
        }?.value
    }
}
