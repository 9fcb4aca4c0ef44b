import MinRoleCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

exit(MinRole.main(arguments: Array(CommandLine.arguments.dropFirst())))
