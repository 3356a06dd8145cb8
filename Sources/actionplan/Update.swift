import ActionPlanModel
import ActionPlanStore
import ArgumentParser

/// `actionplan update`: set an output's status, with a note, a revised date or a new lead.
struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Record an output's status, progress note, revised date or lead.",
        discussion: """
            A note is required for at-risk, off-track and dropped. Revising a date (--due with --reason) \
            and assigning a lead are for the chair and the coordinator. Written to the plan's journal; \
            the plan file is never changed.
            """
    )

    @Argument(help: "The output's id, such as 1.2.")
    var id: String

    @Option(help: "not-started, on-track, at-risk, off-track, complete or dropped.")
    var status: Status?

    @Option(help: "A progress note.")
    var note: String?

    @Option(help: ArgumentHelp("A revised completion date, in any form a plan accepts.", valueName: "date"))
    var due: String?

    @Option(help: "Why the date moved (required with --due).")
    var reason: String?

    @Option(help: "Assign the lead agency (repeat for a joint lead).")
    var lead: [String] = []

    @OptionGroup var write: WriteOptions

    @Option(help: ArgumentHelp("The journal line of the latest update you saw for this output (from 'history'); refuse if there is a newer one.", valueName: "line"))
    var seen: Int?

    @ArgumentParser.Flag(help: "With --seen: record it even though somebody updated the output since that line.")
    var force = false

    func run() throws {
        // Without --seen the officer claims to have seen nothing, so nothing can have changed since.
        let basis: JournalWriter.Basis = force ? .knowingly : seen.map { .saw($0) } ?? .knowingly
        try write.record(Change(outputID: id, status: status, note: note, due: due, reason: reason, lead: lead.isEmpty ? nil : lead), seen: basis)
    }
}

/// `actionplan note`: add a progress note to an output without changing its status.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a progress note to an output.")

    @Argument(help: "The output's id, such as 1.2.")
    var id: String

    @Argument(help: "The note.")
    var text: String

    @OptionGroup var write: WriteOptions

    func run() throws {
        try write.record(Change(outputID: id, note: text))
    }
}
