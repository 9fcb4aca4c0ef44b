package enum MinRole {
    package static func main(arguments: [String]) -> Int32 { 0 }
}
