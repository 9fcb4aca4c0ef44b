import Diagnostics
import Documents

/// A YAML tree written as Swift literals, for tests that build templates without the parser.
/// Every node gets a distinct line number so that diagnostics can be distinguished.
indirect enum TreeLiteral: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case scalar(String)
    case list([TreeLiteral])
    case map([(String, TreeLiteral)])
    case tagged(String, TreeLiteral)

    init(stringLiteral value: String) { self = .scalar(value) }
    init(arrayLiteral elements: TreeLiteral...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TreeLiteral)...) { self = .map(elements) }

    static func tag(_ tag: String, _ value: TreeLiteral) -> TreeLiteral { .tagged(tag, value) }

    func node(file: String = "template.yaml") -> Node {
        var line = 0
        return build(file: file, line: &line)
    }

    private func build(file: String, line: inout Int) -> Node {
        line += 1
        let location = SourceLocation(file: file, line: line, column: 1)
        switch self {
        case .scalar(let text):
            return Node(.scalar(text, .plain), location: location)
        case .list(let items):
            return Node(.sequence(items.map { $0.build(file: file, line: &line) }), location: location)
        case .map(let pairs):
            let built = pairs.map { key, value in
                Node.Pair(
                    key: Node(.scalar(key, .plain), location: location), value: value.build(file: file, line: &line))
            }
            return Node(.mapping(built), location: location)
        case .tagged(let tag, let value):
            var node = value.build(file: file, line: &line)
            node.tag = tag
            return node
        }
    }
}
