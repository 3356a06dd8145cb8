/// The partnership's next review meeting and the day updates are due for it, as the plan names
/// them (`next_meeting:` and `updates_due:`); digests chase updates against them.
public struct Meeting: Hashable, Sendable, Codable {
    /// The day of the next meeting.
    public let next: Day?
    /// The day by which officers should have recorded their updates.
    public let updatesDue: Day?

    public init(next: Day? = nil, updatesDue: Day? = nil) {
        self.next = next
        self.updatesDue = updatesDue
    }

    /// The meeting as it stands on `day`: a meeting already held, and a deadline already past,
    /// say nothing about what is due next.
    public func asOf(_ day: Day) -> Meeting {
        Meeting(next: next.flatMap { $0 >= day ? $0 : nil }, updatesDue: updatesDue.flatMap { $0 >= day ? $0 : nil })
    }
}
