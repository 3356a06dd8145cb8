import Foundation
import Testing

/// The full-screen interface end to end: the real binary on the bundled plans, in tmux.
@Suite(.serialized) struct TUITests {
    @Test func anOfficerFindsAnActionAndUpdatesIt() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(["harrow"], in: folder)
        tmux.waitFor("RAG by pillar (live actions)")
        #expect(tmux.screen.contains(" All pillars  0    0    0    "))
        try tmux.send("Tab")
        tmux.waitFor("Filter: all actions · 55 of 55")
        try tmux.send("/")
        try tmux.send("Caring Dad", literal: true)
        try tmux.send("Enter")
        tmux.waitFor("Filter: “Caring Dad” · 1 of 55")
        try tmux.send("Enter")
        tmux.waitFor("Agree and implement the Caring Dad's programme")
        try tmux.fill(statusSteps: 2, note: "Referrals up – £1,200 grant “confirmed”")
        try tmux.send("Enter")
        tmux.waitFor("Recorded line 1: 19.2 status on track; note: Referrals up – £1,200 grant “confirmed”")
        let journal = try String(contentsOf: folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal"), encoding: .utf8)
        #expect(journal.contains(#""note":"Referrals up – £1,200 grant “confirmed”","output":"19.2""#))
        #expect(journal.contains(#""status":"on-track""#))
        // q on the detail goes back to the list; there it quits.
        try tmux.send("q")
        tmux.waitFor("Filter: “Caring Dad”")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func aRefusedUpdateSaysWhyAndWritesNothing() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "service_account: \(ProcessInfo.processInfo.userName)\npeople:\n  - account: pc.jones\n    role: lead\n    agencies: [Police]\n"
            .write(to: folder.appendingPathComponent("plans/access.yaml"), atomically: true, encoding: .utf8)
        let tmux = try Tmux(["harrow", "--as", "pc.jones"], in: folder)
        // A lead officer starts on their own actions, and the header says what the account is.
        // `m` shows every action, led by anyone, and `g` goes to the first, 1.1, which Harrow
        // Council leads: a note there is refused before any typing.
        tmux.waitFor("Filter: mine (Police) · 8 of 55")
        #expect(tmux.screen.contains("pc.jones, lead (Police)"))
        try tmux.send("m", "g", "n")
        tmux.waitFor("output 1.1 is led by Harrow Council, and pc.jones updates for Police only")
        #expect(!tmux.screen.contains("Progress note"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal").path))
        try tmux.send("m")
        tmux.waitFor("Filter: mine (Police) · 8 of 55")
    }

    /// The rules are read again for each update: an access file made untrustworthy while the
    /// interface is open stops its next write.
    @Test func anUpdateIsRefusedOnceTheAccessFileCanNoLongerBeTrusted() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let access = folder.appendingPathComponent("plans/access.yaml")
        try "people:\n  - account: \(ProcessInfo.processInfo.userName)\n    role: chair\n".write(to: access, atomically: true, encoding: .utf8)
        let tmux = try Tmux(["harrow"], in: folder)
        tmux.waitFor("RAG by pillar")
        try tmux.send("Tab", "n")
        tmux.waitFor("▸ Progress note")
        try tmux.send("after the swap", literal: true)
        try FileManager.default.removeItem(at: access)
        try FileManager.default.createSymbolicLink(atPath: access.path, withDestinationPath: "/nonexistent/access.yaml")
        try tmux.send("Enter")
        tmux.waitFor("plans/access.yaml is a symbolic link, not a regular file")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal").path))
        // What was typed is discarded only when asked twice.
        try tmux.send("Escape")
        tmux.waitFor("Discard what you typed?")
        try tmux.send("Escape")
        tmux.waitFor("Discarded what was typed")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)

        // Opened so, the interface still shows the plan, and says from the start why nothing can be changed.
        let again = try Tmux(["harrow"], in: folder)
        again.waitFor("Changes are refused: plans/access.yaml is a symbolic link")
        #expect(again.screen.contains("RAG by pillar"))
    }

    /// A multi-line paste into a note is one note, not a note and then commands (`x`, `r`, `t`),
    /// and Ctrl-S records it without freezing the terminal.
    @Test func aPastedMultiLineNoteIsTakenAsTextAndCtrlSRecordsIt() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(["harrow"], in: folder)
        tmux.waitFor("RAG by pillar")
        try tmux.send("Tab", "n")
        tmux.waitFor("▸ Progress note")
        try tmux.paste("Summary of CSE panel:\nsix referrals received\nall allocated xrt\n")
        tmux.waitFor("received all allocated xrt")
        try tmux.send("C-s")
        tmux.waitFor("Recorded line 1: 1.1 note: Summary of CSE panel: six referrals received all allocated xrt")
        let journal = try String(contentsOf: folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal"), encoding: .utf8)
        #expect(journal.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plans/reports").path))
        #expect(tmux.screen.contains("Filter: all actions"))
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// Under a TERM that does not match the terminal, PgDn arrives as `Esc [ 6 ~`, and Alt-b as
    /// `Esc b` under any: keys, not an Esc that leaves the list or drops the form.
    @Test func keysSentAsEscAndMoreArriveAsKeys() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(command: ["env", "TERM=vt100", Runner.binary.path, "harrow"], in: folder)
        tmux.waitFor("RAG by pillar")
        try tmux.send("Tab")
        tmux.waitFor("Filter: all actions")
        try tmux.send("NPage")
        try tmux.send("n")
        tmux.waitFor("▸ Progress note")
        // A page down from the first action, the note is for an action further down.
        #expect(!tmux.screen.contains("Note: 1.1 "))
        try tmux.send("one two", literal: true)
        try tmux.send("M-b")
        try tmux.send("X", literal: true)
        tmux.waitFor("one Xtwo")
        try tmux.send("Escape")
        tmux.waitFor("Discard what you typed?")
        // Sent together, Esc and q would be one key, Alt-q, as a terminal sends it.
        try tmux.send("Escape")
        tmux.waitFor("Discarded what was typed")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func aJournalCutShortSinceTheLastLookIsSaidOnTheStatusLine() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        for n in 1...2 { #expect(try Runner.run(["note", "2.3", "note \(n)", "--plan", "harrow"], in: folder).status == 0) }
        let journal = folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal")
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        try (lines[0] + "\n").write(to: journal, atomically: true, encoding: .utf8)
        // The warning printed before the screen opens would be wiped by it: the status line says it.
        let tmux = try Tmux(["harrow"], in: folder)
        tmux.waitFor("RAG by pillar")
        #expect(tmux.screen.contains("warning: records were removed from plans/harrow-vawg-2014-17.journal"))
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func anotherSessionsUpdateAppearsWithoutAKey() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(["harrow"], in: folder)
        tmux.waitFor("RAG by pillar")
        try tmux.send("Tab", "Enter")
        tmux.waitFor("History       no updates recorded")
        let note = try Runner.run(["note", "1.1", "Campaign launched at the Civic Centre", "--plan", "harrow"], in: folder)
        #expect(note.status == 0)
        // No key is sent: the note can only appear because the interface follows the journal.
        tmux.waitFor("Campaign launched at the Civic Centre")
    }

    @Test func itResizesAndSaysWhenTooSmall() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(["harrow"], in: folder)
        tmux.waitFor("RAG by pillar")
        try tmux.send("Tab")
        try tmux.run(["resize-window", "-t", "0", "-x", "80", "-y", "24"])
        tmux.waitFor("ID  RAG Output")
        #expect(tmux.screen.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try tmux.run(["resize-window", "-t", "0", "-x", "50", "-y", "12"])
        tmux.waitFor("actionplan needs a terminal at least 60x16; this")
        try tmux.run(["resize-window", "-t", "0", "-x", "100", "-y", "30"])
        tmux.waitFor("Filter: all actions · 55 of 55")
    }

    @Test func interruptsRestoreTheTerminalAndDropAnUnsentForm() throws {
        for (signal, status) in [("C-c", 130), ("TERM", 143), ("HUP", 129)] {
            let folder = try JournalCommandTests.copyOfPlans()
            defer { try? FileManager.default.removeItem(at: folder) }
            let tmux = try Tmux(["harrow"], in: folder)
            tmux.waitFor("RAG by pillar")
            try tmux.send("Tab", "n")
            tmux.waitFor("▸ Progress note")
            try tmux.send("half-typed", literal: true)
            if signal == "C-c" {
                try tmux.send("C-c")
            } else {
                try tmux.signal(signal, to: "actionplan")
            }
            #expect(tmux.exitStatus() == status, "\(signal)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal").path))
            // The shell's screen is back: no alternate screen left behind.
            #expect(try tmux.run(["display-message", "-p", "-t", "0", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        }
    }

    /// A terminal can go away with no SIGHUP to say so (a dropped SSH connection did not always
    /// send one): the interface must then leave as if hung up, not spin for ever reading nothing.
    @Test func aTerminalThatGoesAwayEndsTheInterface() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A pseudo-terminal that is not the program's controlling terminal: closing the master
        // side hangs it up, and no signal is sent.
        var (master, terminal): (Int32, Int32) = (-1, -1)
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        try #require(openpty(&master, &terminal, nil, nil, &size) == 0)

        let process = Process()
        process.executableURL = Runner.binary
        process.arguments = [folder.appendingPathComponent("plans/harrow-vawg-2014-17.yaml").path]
        process.environment = ["TERM": "xterm-256color", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let handle = FileHandle(fileDescriptor: terminal, closeOnDealloc: true)
        (process.standardInput, process.standardOutput, process.standardError) = (handle, handle, handle)
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Read the first screen, so the program is past starting and waiting for keys.
        var screen = Data()
        var buffer = [UInt8](repeating: 0, count: 4_096)
        let started = Date()
        while !String(decoding: screen, as: UTF8.self).contains("Needs attention"), Date().timeIntervalSince(started) < 10 {
            let count = read(master, &buffer, buffer.count)
            if count > 0 { screen.append(contentsOf: buffer[0..<count]) }
        }
        #expect(String(decoding: screen, as: UTF8.self).contains("Needs attention"))

        close(master)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        #expect(!process.isRunning, "still running on a terminal that has gone")
        if !process.isRunning { #expect(process.terminationStatus == 128 + SIGHUP) }
    }

    @Test func offATerminalItPointsToList() throws {
        let run = try Runner.run(["harrow"])
        #expect(run.status == 2)
        #expect(run.stderr == "actionplan: the full-screen interface needs a terminal; for plain text use 'actionplan list --plan plans/harrow-vawg-2014-17.yaml' (or 'actionplan --help')\n")
        let unnamed = try Runner.run([])
        #expect(unnamed.stderr == "actionplan: the full-screen interface needs a terminal; for plain text use 'actionplan list --plan PLAN' (or 'actionplan --help')\n")
    }
}
