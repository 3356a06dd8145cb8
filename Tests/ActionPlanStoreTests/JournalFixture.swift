import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// A plan on disk in its own temporary folder, with the journal and access file beside it.
struct JournalFixture {
    let folder: URL
    let planPath: String
    let plan: Plan

    /// Three outputs: 1.1 led by Police, 1.2 jointly by Police and CPS, 1.3 by LSCB; due April
    /// 2015; and one indicator, M1.
    static let text = """
        plan: Journal test plan
        agencies:
          - Police
          - name: Crown Prosecution Service
            short: CPS
          - name: Local Safeguarding Children Board
            short: LSCB
        pillars:
          - pillar: Prevention
            objectives:
              - id: "1"
                objective: Prevent
                outputs:
                  - id: "1.1"
                    output: Train officers
                    lead: Police
                    due: April 2015
                  - id: "1.2"
                    output: Prosecute
                    lead: [Police, CPS]
                    due: April 2015
                  - id: "1.3"
                    output: Safeguard children
                    lead: LSCB
                    due: April 2015
        indicators:
          - id: M1
            indicator: Cases discussed at MARAC

        """

    init(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("actionplan-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        planPath = folder.appendingPathComponent("test.yaml").path
        try Self.text.write(toFile: planPath, atomically: true, encoding: .utf8)
        plan = try #require(PlanLoader.load(path: planPath).plan, sourceLocation: sourceLocation)
    }

    var journalPath: String { JournalFile.path(forPlan: planPath) }

    /// The account's own cache and state folders for this fixture: beside the plan's folder, never
    /// in the real home.
    var folders: AccountFolders {
        AccountFolders(cache: folder.path + "-home/cache/actionplan", state: folder.path + "-home/state/actionplan")
    }

    /// The plan opened as commands open it, with this fixture's own folders.
    func open() -> OpenedPlan { PlanStore.open(path: planPath, folders: folders) }

    /// The journal's bytes, or empty when there is none.
    var journalBytes: Data { FileManager.default.contents(atPath: journalPath) ?? Data() }

    func read() -> LoadedJournal { JournalFile.read(path: journalPath, plan: plan) }

    /// Appends as `account` with open access unless `access` is given, at a fixed time.
    @discardableResult
    func append(_ change: Change, by account: String = "officer", access: Access = .open,
                basis: JournalWriter.Basis = .knowingly, at time: String = "2015-05-01T09:00:00Z") throws(WriteRefusal) -> Record {
        try JournalWriter.append(change, planPath: planPath, plan: plan, access: access, account: account, basis: basis,
                                 now: Timestamp(time) ?? Clock.now()).record
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(atPath: folder.path + "-home")
    }
}
