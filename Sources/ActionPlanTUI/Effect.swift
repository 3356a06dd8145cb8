import ActionPlanModel

/// What the update function asks the runtime to do; values, so tests can read them.
public enum Effect: Hashable, Sendable {
    /// Record a change through the shared write path, made from the view where the output's
    /// latest record was at `seen` (nil: overwrite knowingly).
    case write(Change, seen: Int?)
    /// Record a figure for an indicator through the same write path (a figure for a period that
    /// has one already supersedes it, so there is nothing to conflict with).
    case recordFigure(Figure)
    /// Save the report on `quarter`, judged as of `asOf`; over one saved before only when `replacing`.
    case export(Quarter, asOf: Day, replacing: Bool)
    /// Let the user write a form's field in their own editor, starting from `text`.
    case edit(Form.Field, text: String)
    /// Clear the terminal and draw the whole screen again (Ctrl-L), as after line noise.
    case redraw
    /// Save a review meeting's minutes (Markdown) beside the quarter's report, never over a file.
    case saveMinutes(String, Quarter)
    case quit
}
