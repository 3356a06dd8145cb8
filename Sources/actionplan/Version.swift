/// The version `actionplan --version` prints: the one place it is written.
enum Version {
    static let current = "0.5.0"
}
