/// The kinds of JavaScript and TypeScript token the analyzer distinguishes. Punctuators share
/// one kind; the parser compares their text.
enum TokenKind: UInt8, Sendable {
    case identifier, number, string, regex, punctuator
    /// A template literal without substitutions: `` `text` ``.
    case template
    /// The text from a backquote to the first `${`.
    case templateHead
    /// The text from `}` to the next `${`.
    case templateMiddle
    /// The text from `}` to the closing backquote.
    case templateTail
    /// A whole JSX element or fragment, read as one value the analysis does not look into.
    case jsx
    case endOfFile
}

/// One token: its kind and where its bytes are. Offsets and lines fit in 32 bits because
/// source files are limited in size long before 2 GB. The one-byte fields come last, so a
/// token takes 16 bytes in an array.
struct Token: Sendable {
    var start: Int32
    var end: Int32
    /// The line the token starts on, counting from 1.
    var line: Int32
    var kind: TokenKind
    /// True when a line break separates this token from the one before, which ends a
    /// statement without a semicolon.
    var followsLineBreak: Bool

    init(kind: TokenKind, start: Int32, end: Int32, line: Int32, followsLineBreak: Bool) {
        self.start = start
        self.end = end
        self.line = line
        self.kind = kind
        self.followsLineBreak = followsLineBreak
    }
}

/// Something wrong in the source text that the tokenizer reports and steps over.
struct TokenProblem: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case unterminatedString
        case unterminatedTemplate
        case unterminatedRegex
        case unterminatedComment
        case unterminatedJSX
        case unmatchedBrace
        case invalidUTF8
        case nullByte
    }

    var kind: Kind
    var offset: Int
    var line: Int

    var message: String {
        switch kind {
        case .unterminatedString:
            return "unterminated string literal; close the quote on the same line"
        case .unterminatedTemplate:
            return "unterminated template literal; the rest of the file is read as part of it"
        case .unterminatedRegex:
            return "unterminated regular expression literal; close it with '/' on the same line"
        case .unterminatedComment:
            return "unterminated block comment; close it with '*/'"
        case .unterminatedJSX:
            return "unterminated JSX element; close every tag the element opens"
        case .unmatchedBrace:
            return "'}' closes no open brace; check the braces around it"
        case .invalidUTF8:
            return "source code is not valid UTF-8; save the file as UTF-8"
        case .nullByte:
            return "source code contains a NUL byte outside a string"
        }
    }
}
