import ActionPlanModel
import ActionPlanStore
import ActionPlanTerminal
@testable import ActionPlanTUI
import Foundation
import Testing

/// The runtime loop on a scripted backend: no terminal and no tmux, every frame kept.
@Suite struct RuntimeTests {
    @Test func itDrawsAtTheBackendsSizeOnlyWhenSomethingHappenedAndQuitsWithZero() throws {
        let disk = try PlanOnDisk()
        let backend = ScriptedBackend([.key(.tab), .idle, .idle, .resize(width: 100, height: 30), .key(.character("q"))])
        #expect(try Runtime.run(disk.state(), session: disk.session(), on: backend) == 0)
        // The first screen, the list after Tab, the list again at its new size: the idle passes draw nothing.
        #expect(backend.frames.count == 3)
        #expect(backend.frames[0].width == 80 && backend.frames[0].lines[2] == " RAG by pillar (live actions)")
        #expect(backend.frames[1].lines[1] == " Filter: all actions · 55 of 55")
        #expect(backend.frames[2].width == 100 && backend.frames[2].height == 30)
        #expect(!FileManager.default.fileExists(atPath: disk.journalPath))
    }

    @Test func aSignalEndsItWithTheSignalsStatusWritingNothing() throws {
        let disk = try PlanOnDisk()
        let backend = ScriptedBackend([.key(.tab), .key(.character("n")), .key(.character("x")), .signal(SIGTERM)])
        #expect(try Runtime.run(disk.state(), session: disk.session(), on: backend) == 128 + SIGTERM)
        #expect(backend.frames.last?.lines.contains { $0.hasPrefix(" ▸ Progress note  x") } == true)
        #expect(!FileManager.default.fileExists(atPath: disk.journalPath))
    }

    @Test func aNoteTypedIsRecordedThroughTheSharedWritePath() throws {
        let disk = try PlanOnDisk()
        let keys: [Key] = [.tab, .character("n")] + "Venue “booked” – £40".map(Key.character) + [.enter, .character("q")]
        let backend = ScriptedBackend(keys.map(Input.key))
        #expect(try Runtime.run(disk.state(), session: disk.session(), on: backend) == 0)
        // The plan's first record says that, with no access file, anyone may change it (the
        // message wraps above the key line).
        #expect(backend.frames.last?.lines.contains { $0.hasPrefix(" Recorded line 1: 1.1 note: Venue “booked” – £40. Note: there is no access.yaml") } == true)
        let journal = try String(contentsOfFile: disk.journalPath, encoding: .utf8)
        #expect(journal.contains(#""note":"Venue “booked” – £40","output":"1.1""#))
        // The writer remembered the head it wrote in the session's own state folder.
        #expect(try !FileManager.default.contentsOfDirectory(atPath: disk.folders.state ?? "").isEmpty)
    }

    @Test func anotherSessionsWriteIsShownOnTheNextPass() throws {
        let disk = try PlanOnDisk()
        // Large enough that the detail's latest note is on screen below the output's long text.
        let backend = ScriptedBackend([.key(.tab), .key(.enter)], size: (132, 43))
        backend.then {
            // Another session appends while this one waits for a key.
            _ = try? JournalWriter.append(Change(outputID: "1.1", note: "From the other room"), planPath: disk.planPath, plan: disk.plan,
                                          access: .open, account: "pc.smith", basis: .knowingly, now: Clock.now())
            return .idle
        }
        // q on the detail goes back to the list; there it quits.
        backend.then { .key(.character("q")) }
        backend.then { .key(.character("q")) }
        #expect(try Runtime.run(disk.state(), session: disk.session(), on: backend) == 0)
        #expect(backend.frames.count == 5)
        #expect(backend.frames[2].lines.contains(" History       no updates recorded"))
        #expect(backend.frames[3].lines.contains { $0.hasPrefix(" Latest note   From the other room (pc.smith") })
    }

    @Test func theReportIsSavedBesideThePlanAndTheStatusLineSaysWhere() throws {
        let disk = try PlanOnDisk()
        // Wide enough for the temporary folder's path.
        let backend = ScriptedBackend([.key(.character("x")), .key(.enter), .key(.character("q"))], size: (200, 24))
        #expect(try Runtime.run(disk.state(), session: disk.session(), on: backend) == 0)
        let path = ReportFile.defaultPath(forPlan: disk.planPath, quarter: disk.plan.calendar.quarter(containing: Fixture.asOf), fileExtension: "html")
        #expect(path.hasSuffix("/reports/harrow-vawg-2014-17-2015-16-Q1.html"))
        #expect(backend.frames.last?.lines[22] == " Saved the Q1 2015/16 report to \(path)")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func ctrlLClearsTheTerminalAndDrawsTheWholeScreenAgainOnEveryScreen() throws {
        let disk = try PlanOnDisk()
        // On the overview, and in a form, where ^L is not typed into the note.
        let backend = ScriptedBackend([.key(.control("l")), .key(.tab), .key(.character("n")), .key(.control("l")), .signal(SIGTERM)])
        #expect(try Runtime.run(disk.state(), session: disk.session(), on: backend) == 128 + SIGTERM)
        #expect(backend.redraws == 2)
        // Each redraw is followed by a frame: the whole screen, drawn again.
        #expect(backend.frames.count == 5)
        #expect(backend.frames.last?.lines.contains { $0.contains("▸ Progress note") } == true)
    }
}

/// A backend that plays a script of inputs and keeps every frame drawn; when the script runs out
/// it sends SIGTERM, so a loop that does not end where a test expects still ends.
final class ScriptedBackend: Backend {
    private(set) var size: (width: Int, height: Int)
    private(set) var frames: [Grid] = []
    private var script: [() -> Input]

    init(_ inputs: [Input], size: (width: Int, height: Int) = (80, 24)) {
        self.size = size
        script = inputs.map { input in { input } }
    }

    /// Adds a step that runs `step` when it is read: for what happens between two inputs.
    func then(_ step: @escaping () -> Input) { script.append(step) }

    func draw(_ grid: Grid) { frames.append(grid) }

    func suspended<T>(_ body: () -> T) -> T { body() }

    /// How many times the runtime asked for the whole screen again.
    private(set) var redraws = 0

    func redraw() { redraws += 1 }

    func read() -> Input {
        guard !script.isEmpty else { return .signal(SIGTERM) }
        let input = script.removeFirst()()
        if case .resize(let width, let height) = input { size = (width, height) }
        return input
    }
}

/// The bundled Harrow plan, copied to a temporary folder of its own, with the account's folders
/// beside it rather than in the real home.
struct PlanOnDisk {
    let folder: URL
    let planPath: String
    let plan: Plan

    /// With `text`, that text goes into the copy at the start of the line that begins `before`.
    init(inserting text: String = "", before marker: String = "") throws {
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../plans/harrow-vawg-2014-17.yaml").standardized
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("actionplan-runtime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        planPath = folder.appendingPathComponent(bundled.lastPathComponent).path
        var yaml = try String(contentsOf: bundled, encoding: .utf8)
        if !text.isEmpty, let place = yaml.range(of: "\n" + marker) {
            yaml.insert(contentsOf: text, at: yaml.index(after: place.lowerBound))
        }
        try yaml.write(toFile: planPath, atomically: false, encoding: .utf8)
        plan = try #require(PlanLoader.load(path: planPath).plan)
    }

    var journalPath: String { JournalFile.path(forPlan: planPath) }
    var folders: AccountFolders { AccountFolders(cache: folder.path + ".cache", state: folder.path + ".state") }

    /// The session the runtime writes through, as the running account.
    func session() throws -> Session {
        let journal = try #require(PlanStore.open(path: planPath, folders: folders).journal)
        return Session(planPath: planPath, plan: plan, account: Identity.account() ?? "root", journal: journal, folders: folders)
    }

    /// The interface's first state, judged as of 30 June 2015 with every record folded in, as the
    /// interface starts by default.
    func state() -> TUIState {
        TUIState(plan: plan, journal: Journal(), asOf: Fixture.asOf, foldThrough: .last(ofMonth: 12, year: 9999), account: Identity.account() ?? "root",
                 agencies: ["Police"], width: 80, height: 24)
    }
}
