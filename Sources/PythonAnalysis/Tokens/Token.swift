/// The kinds of Python token the analyzer distinguishes. Operators the analysis never looks
/// at share `otherOperator`; the parser reads their text when it needs it.
package enum TokenKind: UInt8, Sendable {
    case name, number, string
    case leftParenthesis, rightParenthesis, leftBracket, rightBracket, leftBrace, rightBrace
    case colon, comma, semicolon, dot, ellipsis, equal, walrus, arrow, at
    case star, doubleStar, plus, minus, percent, slash
    /// `+=`, `-=`, `|=` and the other augmented assignments.
    case augmentedAssignment
    /// Comparison, bitwise, `//`, `@` used as a binary operator, `~`.
    case otherOperator
    /// A byte no Python token starts with (`$`, `?`, a backquote, a NUL byte).
    case invalid
    case newline, indent, dedent, endOfFile
}

/// One token: its kind and where its bytes are. Offsets and lines fit in 32 bits because
/// source files are limited in size long before 2 GB.
package struct Token: Sendable {
    package var kind: TokenKind
    package var start: Int32
    package var end: Int32
    /// The line the token starts on, counting from 1.
    package var line: Int32
    /// The keyword a name token spells, or `none`.
    package var keyword: Keyword

    package init(kind: TokenKind, start: Int32, end: Int32, line: Int32, keyword: Keyword = .none) {
        self.kind = kind
        self.start = start
        self.end = end
        self.line = line
        self.keyword = keyword
    }
}

/// Something wrong in the source text that the tokenizer reports and steps over.
package struct TokenProblem: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        case unterminatedString
        case unterminatedTripleQuotedString
        case nullByte
        case invalidCharacter
        case inconsistentDedent
        case invalidUTF8
    }

    package var kind: Kind
    package var offset: Int
    package var line: Int

    package var message: String {
        switch kind {
        case .unterminatedString:
            return "unterminated string literal; close the quote on the same line"
        case .unterminatedTripleQuotedString:
            return "unterminated triple-quoted string; the rest of the file is read as part of it"
        case .nullByte:
            return "source code contains a NUL byte; Python rejects such files"
        case .invalidCharacter:
            return "invalid character in source code"
        case .inconsistentDedent:
            return "unindent does not match any outer indentation level"
        case .invalidUTF8:
            return "source code is not valid UTF-8; Python rejects such files"
        }
    }
}
