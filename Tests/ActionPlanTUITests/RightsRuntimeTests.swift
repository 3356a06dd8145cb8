import ActionPlanModel
import ActionPlanStore
import ActionPlanTerminal
@testable import ActionPlanTUI
import Foundation
import Testing

/// Writes from an open session obey the access file as it is on disk at that moment, and the
/// editor a long note is written in: the runtime loop on a scripted backend.
@Suite struct RightsRuntimeTests {
    static let account = Identity.account() ?? "root"

    /// Types a note on output 1.1 from the list and sends it.
    static func note(_ text: String) -> [Input] {
        ([.tab, .character("n")] + text.map(Key.character) + [.enter]).map(Input.key)
    }

    /// The session of `disk`, writing notes in `editor`.
    static func session(_ disk: PlanOnDisk, editor: Editor) throws -> Session {
        let session = try disk.session()
        return Session(planPath: session.planPath, plan: session.plan, account: session.account, journal: session.journal,
                       folders: disk.folders, editor: editor)
    }

    func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func anOfficerTakenOutOfTheAccessFileMidSessionIsRefusedWithTheReason() throws {
        let disk = try PlanOnDisk()
        let access = AccessFile.path(forPlan: disk.planPath)
        try write("people:\n  - account: \(Self.account)\n    role: chair\n", to: access)
        // Wide enough for the whole reason on the status line.
        let backend = ScriptedBackend(Self.note("First"), size: (200, 24))
        backend.then {
            // Between two updates, the chair is taken out of the file.
            try? self.write("people:\n  - account: someone.else\n    role: chair\n", to: access)
            return .key(.character("n"))
        }
        for key in "Second".map(Key.character) + [.enter] { backend.then { .key(key) } }
        _ = try Runtime.run(disk.state(), session: disk.session(), on: backend)
        let lines = try #require(backend.frames.last?.lines)
        #expect(lines[22] == " \(Self.account) is a viewer of this plan and may not change it; the access file lists who may")
        // The header says what the rules now make the account.
        #expect(lines[0].hasSuffix(" \(Self.account), viewer"))
        let journal = try String(contentsOfFile: disk.journalPath, encoding: .utf8)
        #expect(journal.contains(#""note":"First""#) && !journal.contains("Second"))
    }

    @Test func anAccessFileBrokenMidSessionRefusesTheNextWriteWithTheReason() throws {
        let disk = try PlanOnDisk()
        let access = AccessFile.path(forPlan: disk.planPath)
        try write("people:\n  - account: \(Self.account)\n    role: chair\n", to: access)
        let backend = ScriptedBackend([.tab, .character("n"), .character("x")].map(Input.key), size: (200, 24))
        backend.then {
            try? self.write("people:\n  - account: [\n", to: access)
            return .key(.enter)
        }
        _ = try Runtime.run(disk.state(), session: disk.session(), on: backend)
        let lines = try #require(backend.frames.last?.lines)
        #expect(lines[22] == " \(access) has errors, so nothing can be changed until they are fixed")
        #expect(lines[0].hasSuffix(", read only"))
        #expect(!FileManager.default.fileExists(atPath: disk.journalPath))
    }

    @Test func aNoteWrittenInTheEditorIsRecordedAsOneLine() throws {
        let disk = try PlanOnDisk()
        // An "editor" that appends two lines to the file it is given, as a person would type them.
        let editor = Editor(command: "printf 'Summary of CSE panel:\\nsix referrals received\\n' >>")
        let session = try Self.session(disk, editor: editor)
        let backend = ScriptedBackend(([.tab, .character("n"), .control("x"), .enter, .character("q")]).map(Input.key))
        #expect(Runtime.run(disk.state(), session: session, on: backend) == 0)
        let journal = try String(contentsOfFile: disk.journalPath, encoding: .utf8)
        #expect(journal.contains(#""note":"Summary of CSE panel: six referrals received","output":"1.1""#))
    }

    @Test func anEditorThatFailsLeavesTheFieldAsItWas() throws {
        let disk = try PlanOnDisk()
        let session = try Self.session(disk, editor: Editor(command: "false"))
        let backend = ScriptedBackend(([.tab, .character("n"), .character("a"), .control("x")]).map(Input.key))
        _ = Runtime.run(disk.state(), session: session, on: backend)
        let lines = try #require(backend.frames.last?.lines)
        #expect(lines[22] == " the editor (false) ended with status 1; the field is as it was")
        #expect(lines[5].hasPrefix(" ▸ Progress note  a"))
    }
}
