import ActionPlanFormat
import ActionPlanModel
import ArgumentParser

/// `actionplan figure`: record an indicator's figure for a period.
struct FigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure",
        abstract: "Record an indicator's figure for a period.",
        discussion: """
            For the lead of the agency that supplies the indicator, the chair and the coordinator. A \
            correction is recorded the same way: the later figure for a period (and area) supersedes \
            the earlier, and 'history ID' shows both. Written to the plan's journal; the plan file is never changed.
            """
    )

    @Argument(help: "The indicator's id, as the plan declares it.")
    var id: String

    @Option(help: ArgumentHelp("The period it covers: a quarter ('Q1 2015/16'), a month ('April 2015') or a reporting year ('2015/16'), as the indicator is reported.", valueName: "period"))
    var period: String

    @Option(help: ArgumentHelp("The figure: 187, 12.5, 1,200, 10% or £1,200.", valueName: "number"))
    var value: String

    @Option(help: "The area (or comparator) it is for, when the indicator is broken down (such as RBKC).")
    var area: String?

    @Option(help: "A note about the figure.")
    var note: String?

    @OptionGroup var write: WriteOptions

    func run() throws {
        guard let number = FigureNumber.parse(value) else {
            throw CommandFailure.mistyped("--value '\(TerminalText.safe(value))' is not a number; write the figure in digits, such as 187, 12.5, 1,200 or 10%")
        }
        try write.record(.indicator(Figure(indicatorID: id, period: period, value: number, area: area, note: note)))
    }
}
