import ActionPlanModel

/// One indicator as the indicators screen shows it: its values already formatted, so the view
/// only lays them out.
struct IndicatorLine: Hashable, Sendable {
    let id: String
    let name: String
    /// The latest figure in its unit (`187`, `4.2%`); empty when none was recorded.
    let latest: String
    /// The period the latest figure is for, or `none yet`.
    let period: String
    /// `200`, `4–10%`, or empty with no target.
    let target: String
    /// Green, amber or red against the target; grey with none.
    let rating: RAG
    /// Direction of travel against the previous period: `↑ ↓ →`, or empty.
    let arrow: String
    /// `missing-figure` when a period has ended without one.
    let flags: String
    /// The last periods' values, oldest first; nil where a figure is missing.
    let trend: [Double?]
}
