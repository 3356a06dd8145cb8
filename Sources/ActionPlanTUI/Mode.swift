/// Where keys are read: each screen, and the search line or the lead picker over the list. Each mode has its
/// own rows in the command table, from which its key line and its part of help are generated.
public enum Mode: String, CaseIterable, Hashable, Sendable {
    case overview, list, detail, form, review, search, pick, indicators, indicator

    /// How the key line joins its keys: the search line and the picker read as one instruction.
    var keySeparator: String { self == .search || self == .pick ? " · " : "  " }
}
