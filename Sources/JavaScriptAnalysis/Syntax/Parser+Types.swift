extension Parser {
    /// Skips a TypeScript type: names, literals, generics, unions, object and tuple types,
    /// function types. It stops at a token that cannot continue the type, such as `=`, `,`,
    /// `)`, a body's `{` after a complete type, or a line break after a complete type.
    mutating func skipType(limit: Int = Int.max) {
        let start = index
        var expectsOperand = true
        var previousClosedParenthesis = false
        // Conditional types (`A extends B ? C : D`) waiting for their `?` or `:`.
        var openConditions = 0
        var openBranches = 0
        while !atEnd && index - start < limit {
            let token = current
            if token.followsLineBreak && !expectsOperand && !check("|") && !check("&") { return }
            if token.kind == .punctuator {
                if check("(") || check("[") || (check("{") && expectsOperand) {
                    let isParenthesis = check("(")
                    skipTokenOrGroup()
                    expectsOperand = false
                    previousClosedParenthesis = isParenthesis
                    continue
                }
                if check("=>") && previousClosedParenthesis {
                    index += 1
                    expectsOperand = true
                    previousClosedParenthesis = false
                    continue
                }
                if check("<") {
                    skipTypeArguments()
                    expectsOperand = false
                    continue
                }
                if !expectsOperand && check("?") && openConditions > 0 {
                    openConditions -= 1
                    openBranches += 1
                } else if !expectsOperand && check(":") && openBranches > 0 {
                    openBranches -= 1
                } else if !(check("|") || check("&") || check(".")) {
                    return
                }
                index += 1
                expectsOperand = true
            } else {
                let isOperatorWord = isTypeOperatorWord(token)
                if !expectsOperand && !isOperatorWord { return }
                if isOperatorWord && file.token(token, is: "extends") { openConditions += 1 }
                index += 1
                expectsOperand = isOperatorWord
            }
            previousClosedParenthesis = false
        }
    }

    /// Returns true for the words that take a type after them: `keyof`, `typeof`, `infer`,
    /// `readonly`, `unique`, `is`, `asserts`, `new`, `abstract`, `extends`.
    private func isTypeOperatorWord(_ token: Token) -> Bool {
        guard token.kind == .identifier else { return false }
        switch token.end - token.start {
        case 2: return file.token(token, is: "is")
        case 3: return file.token(token, is: "new")
        case 5: return file.token(token, is: "keyof") || file.token(token, is: "infer")
        case 6: return file.token(token, is: "typeof") || file.token(token, is: "unique")
        case 7: return file.token(token, is: "asserts") || file.token(token, is: "extends")
        case 8: return file.token(token, is: "readonly") || file.token(token, is: "abstract")
        default: return false
        }
    }

    /// Skips `<...>` type arguments or parameters, counting `>>` and `>>>` as several closers.
    mutating func skipTypeArguments() {
        guard check("<") else { return }
        index += 1
        var open = 1
        let start = index
        while !atEnd && open > 0 && index - start < 4096 {
            if check("<") {
                open += 1
            } else if check(">") {
                open -= 1
            } else if check(">>") {
                open -= 2
            } else if check(">>>") {
                open -= 3
            } else if check(";") || check("}") || check(")") || check("]") {
                return
            } else if check("(") || check("[") || check("{") {
                skipTokenOrGroup()
                continue
            }
            index += 1
        }
    }
}
