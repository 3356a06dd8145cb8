import ActionPlanModel
import Synchronization

/// A journal's lines as values, made once, when first asked for.
///
/// A start that found its cache knows how the journal stands (its length, last hash, problems,
/// latest day) without its records: `list` and `summary` show the plan as folded with them all,
/// which the cache holds. Only a command that looks back (history, a past as-of day, a report,
/// the interface) asks for the records, and they are then read from the journal itself, the one
/// place they are true, never from the cache.
final class JournalRecords: Sendable {
    private let state: Mutex<State>
    /// The records these continue and the lines after them, when they were read on from those.
    private let continued: (base: JournalRecords, later: Journal)?

    private enum State {
        case made(Journal)
        /// How to make them: run once, under the lock, so two threads asking at once read once.
        case deferred(@Sendable () -> Journal)
    }

    /// Records already made.
    init(_ journal: Journal) {
        state = Mutex(.made(journal))
        continued = nil
    }

    /// Records made by `make` when first asked for.
    init(deferred make: @escaping @Sendable () -> Journal) {
        state = Mutex(.deferred(make))
        continued = nil
    }

    /// `base`'s records followed by `later`, without making `base`'s now.
    init(_ base: JournalRecords, then later: Journal) {
        state = Mutex(.deferred({ base.journal.followed(by: later) }))
        continued = (base, later)
    }

    /// The lines after `earlier`'s, when these are `earlier`'s followed by them (or are them).
    func appended(since earlier: JournalRecords) -> Journal? {
        if earlier === self { return Journal() }
        guard let continued, continued.base === earlier else { return nil }
        return continued.later
    }

    var journal: Journal {
        state.withLock { state in
            switch state {
            case .made(let journal): return journal
            case .deferred(let make):
                let journal = make()
                state = .made(journal)
                return journal
            }
        }
    }
}
