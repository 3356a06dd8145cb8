import ActionPlanModel

/// Something that happened: a key, a resize, or news from the runtime.
public enum Event: Sendable {
    case key(Key)
    /// Text pasted as one piece (bracketed paste): taken as text, never as keys.
    case paste(String)
    /// What the editor gave back for a form's field, or why it gave nothing.
    case edited(Form.Field, Result<String, EditorFailure>)
    /// The access rules as read for a write just made: what the account may now do.
    case rightsRead(Rights)
    case resize(width: Int, height: Int)
    /// The journal changed on disk (another session wrote to it).
    case journalChanged(Journal)
    /// The result of a write the update asked for.
    case written(Result<Record, WriteFailure>)
    /// The result of a figure the update asked to record.
    case figureRecorded(Result<FigureRecord, WriteFailure>)
    /// Where the runtime saved a quarter's report, or why it could not.
    case exported(Quarter, Result<String, ExportFailure>)
    /// The quarter's report was saved before, at `path`; nothing was written.
    case reportExists(Quarter, path: String)
    /// Where the runtime saved a review meeting's minutes, or why it could not.
    case minutesSaved(Result<String, ExportFailure>)
}
