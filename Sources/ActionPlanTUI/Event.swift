import ActionPlanModel

/// Something that happened: a key, a resize, or news from the runtime.
public enum Event: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The journal changed on disk (another session wrote to it).
    case journalChanged(Journal)
    /// The result of a write the update asked for.
    case written(Result<Record, WriteFailure>)
    /// The result of a figure the update asked to record.
    case figureRecorded(Result<FigureRecord, WriteFailure>)
    /// Where the runtime saved a quarter's report, or why it could not.
    case exported(Quarter, Result<String, ExportFailure>)
    /// Where the runtime saved a review meeting's minutes, or why it could not.
    case minutesSaved(Result<String, ExportFailure>)
}
