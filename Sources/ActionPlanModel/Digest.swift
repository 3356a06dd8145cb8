/// What one agency is asked to update before the next meeting: its open outputs that are
/// overdue, due before the meeting or without an update this quarter, and the outputs nobody
/// leads in its area. Each output is listed once, under the first of those it falls under.
///
/// Indicators with a missing figure (#16) will join as a `Section` case once the model has them.
public struct AgencyDigest: Hashable, Sendable {
    /// The agency as the register labels it (or as the officer's access entry writes it).
    public let agency: String
    /// The sections with something in them, in `Section` order.
    public let sections: [Part]

    /// One heading and the outputs under it, in plan order.
    public struct Part: Hashable, Sendable {
        public let section: Section
        public let rows: [Row]
    }

    /// Why an output is in a digest: the order an officer should take them in.
    public enum Section: Hashable, Sendable, CaseIterable {
        case overdue
        /// Due by the next meeting when the plan names one, otherwise by the end of next quarter.
        case dueSoon
        case stale
        /// Nobody leads it, and it sits under an objective where this agency leads an output:
        /// the agency is among those the meeting will ask to take it on.
        case unownedNearby
    }

    /// The outputs listed, in the order listed.
    public var rows: [Row] { sections.flatMap(\.rows) }
}

extension AgencyDigest.Section {
    /// The heading, in the words of the flag that puts an output here.
    public func heading(meeting: Meeting) -> String {
        let words: String
        switch self {
        case .overdue: words = Flag.overdue.label
        case .dueSoon: words = meeting.next.map { "due by the meeting on \($0)" } ?? Flag.dueSoon.label
        case .stale: words = Flag.stale.label
        case .unownedNearby: words = "\(Flag.unowned.label), beside your actions"
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

extension Plan {
    /// The digest for `agency` (any spelling the register knows) as of `day`, with the plan's
    /// meeting as it stands then. Empty sections are left out; an agency with nothing to chase
    /// has none.
    public func digest(for agency: String, asOf day: Day) -> AgencyDigest {
        let meeting = meeting.asOf(day)
        var parts: [AgencyDigest.Section: [Row]] = [:]
        // Objectives where the agency leads something: where an unowned output is "theirs" to raise.
        var theirs = Set<[Int]>()
        var unowned: [Row] = []
        forEachEntry { entry in
            // An output retired from the plan asks nothing of anyone.
            guard !entry.output.isRetired(asOf: day) else { return }
            let assessment = assess(entry.output, asOf: day)
            let row = Row(entry: entry, assessment: assessment, retired: nil)
            if assessment.flags.contains(.unowned) { unowned.append(row) }
            guard isLed(entry.output, by: agency) else { return }
            theirs.insert([entry.pillarIndex, entry.objectiveIndex])
            let flags = assessment.flags
            // With a meeting named, "soon" is before it; the flag already reaches past any meeting
            // this quarter or next.
            let dueSoon = flags.contains(.dueSoon) && (meeting.next.map { next in entry.output.due.deadline.map { $0 <= next } ?? false } ?? true)
            let section: AgencyDigest.Section? = flags.contains(.overdue) ? .overdue
                : dueSoon ? .dueSoon
                : flags.contains(.stale) ? .stale : nil
            if let section { parts[section, default: []].append(row) }
        }
        parts[.unownedNearby] = unowned.filter { theirs.contains([$0.entry.pillarIndex, $0.entry.objectiveIndex]) }
        return AgencyDigest(agency: register.agency(named: agency)?.label ?? agency,
                            sections: AgencyDigest.Section.allCases.compactMap { section in
                                parts[section].flatMap { $0.isEmpty ? nil : AgencyDigest.Part(section: section, rows: $0) }
                            })
    }
}

/// One message's worth of chasing: an officer and what each of their agencies is asked, or an
/// agency that no officer in the access file is mapped to (printed, never sent).
public struct Digest: Hashable, Sendable {
    /// Who it is for; nil for an agency nobody in the access file acts for.
    public let officer: Member?
    public let agencies: [AgencyDigest]
    public let title: String
    public let asOf: Day
    /// The plan's meeting as it stands on `asOf`.
    public let meeting: Meeting

    /// Whether there is nothing to chase: nothing to say, so nothing is sent.
    public var isEmpty: Bool { agencies.allSatisfy(\.sections.isEmpty) }

    /// The ids of the outputs listed, once each, in the order listed.
    public var outputIDs: [String] {
        var seen = Set<String>()
        return agencies.flatMap(\.rows).map(\.output.id).filter { seen.insert($0).inserted }
    }

    /// The agencies it is about, as labelled.
    public var agencyNames: [String] { agencies.map(\.agency) }
}

/// Whose digests to make: one agency's officers, one officer, or everyone.
public enum DigestAudience: Hashable, Sendable {
    case agency(String)
    case account(String)
    case all
}

extension Plan {
    /// The digests for `audience` as of `day`, one per lead officer in `access` (covering their
    /// agencies), and one per agency that leads something but no officer is mapped to; or why
    /// `audience` names nobody.
    public func digests(for audience: DigestAudience, access: Access, asOf day: Day) -> Result<[Digest], QueryProblem> {
        let leads = (access.members ?? []).filter { $0.role == .lead }
        func make(_ officer: Member?, _ agencies: [String]) -> Digest {
            Digest(officer: officer, agencies: agencies.map { digest(for: $0, asOf: day) }, title: title, asOf: day, meeting: meeting.asOf(day))
        }
        switch audience {
        case .agency(let agency):
            if let problem = leadProblem(agency) { return .failure(problem) }
            let officers = leads.filter { $0.agencies.contains { sameAgency($0, agency) } }
            return .success(officers.isEmpty ? [make(nil, [agency])] : officers.map { make($0, [agency]) })
        case .account(let account):
            guard let member = access.members?.first(where: { $0.account == account }) else {
                let hint = Suggestion.nearest(to: account, among: leads.map(\.account)).map { "did you mean '\($0)'? " } ?? ""
                return .failure(QueryProblem(message: "no account '\(account)' in the access file; \(hint)digests go to lead officers: "
                    + LeadText.text(leads.map(\.account), none: "there are none")))
            }
            guard member.role == .lead else {
                return .failure(QueryProblem(message: "\(account) is a \(member.role.rawValue) of this plan and leads no agency; digests go to lead officers"))
            }
            return .success([make(member, member.agencies)])
        case .all:
            let covered = leadAgencies.filter { agency in leads.contains { $0.agencies.contains { sameAgency($0, agency) } } }
            return .success(leads.map { make($0, $0.agencies) }
                + leadAgencies.filter { agency in !covered.contains(agency) }.map { make(nil, [$0]) })
        }
    }

    /// Whether two spellings name one agency: by the register, or as written.
    func sameAgency(_ one: String, _ other: String) -> Bool {
        if let agency = register.agency(named: one) { return register.agency(named: other) == agency }
        return AgencyRegister.key(one) == AgencyRegister.key(other)
    }
}
