import ActionPlanStore
import Foundation
import Testing

/// A folder with the bundled plans and an access file, for digests: the running account is the
/// coordinator who sends them, and `officers` the lead officers they go to.
enum DigestFixture {
    static func plans(officers: String) throws -> URL {
        let folder = try JournalCommandTests.copyOfPlans()
        let me = try #require(Identity.account())
        try """
            people:
              - account: \(me)
                role: coordinator
                name: Amira Khan
                email: vawg.coordinator@harrow.example
            \(officers)
            """.write(to: folder.appendingPathComponent("plans/access.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// The four officers of the issue's "done when": one agency each.
    static let fourOfficers = """
          - account: pc.jones
            role: lead
            agencies: [Police]
            name: PC Jones
            email: pc.jones@met.example
          - account: lscb.ali
            role: lead
            agencies: [LSCB]
            name: Siân O’Neill
            email: lscb@harrow.example
          - account: housing.b
            role: lead
            agencies: [Housing]
            email: housing@harrow.example
          - account: council.c
            role: lead
            agencies: [Harrow Council]
            name: "Chris \\"CJ\\" Clarke, Jr."
            email: cc@harrow.example
        """

    /// A folder holding a one-objective plan `name` titled `title`, with `header` lines after the
    /// title and `outputs` (each a line or lines under `outputs:`, indented as written here).
    static func onePlan(_ name: String, title: String, header: [String] = [], outputs: String) throws -> URL {
        let folder = try Runner.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try ([#"plan: "\#(title)""#] + header + [
            "pillars:", "  - pillar: Prevention", "    objectives:", #"      - id: "1""#, "        objective: Awareness", "        outputs:",
        ] + outputs.split(separator: "\n").map { "          " + $0 }).joined(separator: "\n")
            .write(to: folder.appendingPathComponent("plans/\(name).yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// The ids that `list` shows for `arguments`, as of 20 June 2015.
    static func listed(_ arguments: [String], in folder: URL) throws -> [String] {
        let run = try Runner.run(["list", "harrow", "--as-of", "2015-06-20", "--format", "json"] + arguments, in: folder)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        return rows.compactMap { $0["id"] as? String }
    }

    /// The ids a digest's text asks its reader to update, and those it asks them to take on.
    static func items(in body: String) -> (update: [String], takeOn: [String]) {
        (body.matches(of: /To update: actionplan update (\S+) --plan/).map { String($0.1) },
         body.matches(of: /ask the chair or coordinator to record: actionplan update (\S+) --plan/).map { String($0.1) })
    }
}

/// Digests through the real mail path: msmtp relaying to aiosmtpd on loopback, read back with
/// Python's mail parser. Outside CI they are skipped where msmtp or aiosmtpd is not installed.
@Suite(.serialized, .enabled(if: MailSink.shouldRun, "msmtp or python3-aiosmtpd is not installed: apt-get install msmtp python3-aiosmtpd (in CI these tests always run)"))
struct DigestMailTests {
    @Test func harrowOnTwentiethJuneSendsFourDigestsWhoseItemsAreEachAgencysOwnList() throws {
        let folder = try DigestFixture.plans(officers: DigestFixture.fourOfficers)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = try MailSink(in: folder.appendingPathComponent("mail"))
        defer { sink.stop() }

        let run = try Runner.run(["digest", "harrow", "--all", "--as-of", "2015-06-20", "--send", "--sendmail", sink.sendmail.path], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let mail = try sink.received()
        #expect(mail.count == 4)
        let officers = [("Police", "pc.jones", "PC Jones", "pc.jones@met.example"), ("LSCB", "lscb.ali", "Siân O’Neill", "lscb@harrow.example"),
                        ("Housing", "housing.b", "", "housing@harrow.example"), ("Harrow Council", "council.c", "Chris \"CJ\" Clarke, Jr.", "cc@harrow.example")]
        let unowned = Set(try DigestFixture.listed(["--flag", "unowned"], in: folder))
        for (agency, _, name, address) in officers {
            let message = try #require(mail.first { $0.rcptTos == [address] }, "nothing arrived for \(address)")
            #expect(message.to == [[name, address]])
            #expect(message.contentType == "text/plain" && message.charset == "utf-8" && message.defects.isEmpty)
            let items = DigestFixture.items(in: message.body)
            let own = try DigestFixture.listed(["--lead", agency], in: folder)
            #expect(Set(items.update) == Set(own) && items.update.count == own.count, "\(agency)")
            #expect(Set(items.takeOn).isSubset(of: unowned))
            #expect(message.subject == "Harrow VAWG Strategy and Action Plan 2014-17: \(Set(items.update + items.takeOn).count) actions to update for \(agency)")
        }
        #expect(mail.first { $0.rcptTos == ["lscb@harrow.example"] }?.body.contains("Dear Siân O’Neill,") == true)

        // The journal shows the four sends, in one chain with the rest.
        let journal = try String(contentsOf: folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal"), encoding: .utf8)
        let lines = try journal.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(lines.compactMap { $0["digest"] as? String }.sorted() == officers.map(\.1).sorted())
        #expect(lines.allSatisfy { $0["as_of"] as? String == "2015-06-20" && $0["by"] as? String == Identity.account() })
        let police = try #require(lines.first { $0["digest"] as? String == "pc.jones" })
        #expect(Set(police["outputs"] as? [String] ?? []) == Set(try DigestFixture.listed(["--lead", "Police"], in: folder)))
        #expect(try Runner.run(["verify", "plans/harrow-vawg-2014-17.yaml"], in: folder).status == 0)

        // The report of the quarter they were sent in says who was chased.
        let report = try Runner.run(["report", "harrow", "--format", "md"], in: folder)
        let chased = try #require(report.stdout.firstRange(of: "## Who was chased").map { report.stdout[$0.lowerBound...] })
        for (agency, account, _, _) in officers {
            #expect(chased.contains("| \(account) | \(agency) |"), "\(agency)")
        }
    }

    @Test func poundSignsCurlyQuotesAndAHostileTitleArriveAsTextAndAddNoHeader() throws {
        let folder = try DigestFixture.onePlan("hostile", title: #"Harrow VAWG\r\nBcc: evil@attacker.example\nX-Injected: yes"#,
                                               header: ["next_meeting: 2015-07-09", "updates_due: 2015-07-03"], outputs: """
            - id: "1.1"
              output: "Launch the <b>campaign</b> & “Ask Me” scheme"
              lead: Police
              due: April 2015
              note: "£1,200 “agreed” ‘in principle’\\r\\nCc: evil@attacker.example"
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plans = folder.appendingPathComponent("plans")
        let me = try #require(Identity.account())
        try """
            people:
              - account: \(me)
                role: coordinator
              - account: pc.jones
                role: lead
                agencies: [Police]
                name: Siân “Jo” O’Neill, <Police>
                email: pc.jones@met.example
            """.write(to: plans.appendingPathComponent("access.yaml"), atomically: true, encoding: .utf8)
        let sink = try MailSink(in: folder.appendingPathComponent("mail"))
        defer { sink.stop() }

        let run = try Runner.run(["digest", "--as-of", "2015-06-20", "--send", "--sendmail", sink.sendmail.path], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let mail = try sink.received()
        let message = try #require(mail.first)
        #expect(mail.count == 1)
        #expect(message.rcptTos == ["pc.jones@met.example"])
        #expect(!message.headerNames.contains { ["bcc", "cc", "x-injected"].contains($0.lowercased()) }, "\(message.headerNames)")
        #expect(message.subject.contains("Bcc: evil@attacker.example X-Injected: yes") && !message.subject.contains("\n"))
        #expect(message.subject.hasSuffix("1 action to update for Police by 3 July 2015"))
        #expect(message.to == [["Siân “Jo” O’Neill, <Police>", "pc.jones@met.example"]])
        #expect(message.body.contains("Latest note: “£1,200 “agreed” ‘in principle’"))
        #expect(message.body.contains("Launch the <b>campaign</b> & “Ask Me” scheme"))
        #expect(message.body.contains("before the meeting on 9 July 2015. Please record your updates by 3 July 2015."))
        #expect(message.defects.isEmpty)
    }
}

/// Digests as printed, and what stops one being sent: no mail parts needed.
struct DigestCommandTests {
    @Test func aNameWithALineBreakIsRefusedWhereItIsWrittenAndNothingIsSent() throws {
        let folder = try DigestFixture.plans(officers: """
              - account: pc.jones
                role: lead
                agencies: [Police]
                name: "PC Jones\\r\\nBcc: evil@attacker.example"
                email: pc.jones@met.example
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Runner.run(["digest", "harrow", "--as-of", "2015-06-20", "--send", "--sendmail", "/bin/false"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("plans/access.yaml:9:11: error: a name is one line of plain text"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal").path))
    }

    @Test func anAddressThatIsNotOneIsRefusedWithWhatToWrite() throws {
        let folder = try DigestFixture.plans(officers: """
              - account: pc.jones
                role: lead
                agencies: [Police]
                email: "PC Jones <pc.jones@met.example>, evil@attacker.example"
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Runner.run(["digest", "harrow", "--as-of", "2015-06-20", "--agency", "Police"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("plans/access.yaml:9:12: error: 'PC Jones <pc.jones@met.example>, evil@attacker.example' is not an email address; write a plain address such as"), "\(run.stderr)")
    }

    @Test func withNoTransportItIsADryRunThatSaysToWhomAndRecordsNothing() throws {
        let folder = try DigestFixture.plans(officers: DigestFixture.fourOfficers)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Runner.run(["digest", "harrow", "--agency", "Housing", "--as-of", "2015-06-20", "--send", "--sendmail", folder.appendingPathComponent("no-sendmail").path], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout == "would send to <housing@harrow.example> (housing.b): Harrow VAWG Strategy and Action Plan 2014-17: 3 actions to update for Housing (12.1; 12.2; 12.3)\n")
        #expect(run.stderr.contains("no-sendmail is not there, so this is a dry run and nothing is sent"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal").path))

        let asked = try Runner.run(["digest", "harrow", "--agency", "Housing", "--as-of", "2015-06-20", "--dry-run"], in: folder)
        #expect(asked.status == 0 && asked.stdout == run.stdout)
    }

    @Test func aLeadOfficerMayNotSendDigests() throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            people:
              - account: \(try #require(Identity.account()))
                role: lead
                agencies: [Police]
                email: pc.jones@met.example
            """.write(to: folder.appendingPathComponent("plans/access.yaml"), atomically: true, encoding: .utf8)
        let run = try Runner.run(["digest", "harrow", "--as-of", "2015-06-20", "--send", "--sendmail", "/bin/true"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("is a lead of this plan: only the chair or the coordinator sends digests"))
        #expect(run.stdout.isEmpty)
    }

    @Test func nothingToChaseMeansNothingPrintedOrSent() throws {
        let folder = try DigestFixture.onePlan("done", title: "Done", outputs: #"- {id: "1.1", output: Launch, lead: Police, due: April 2015, status: complete}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Runner.run(["digest", "done", "--as-of", "2015-06-20", "--send", "--sendmail", "/bin/false"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "actionplan: nothing to chase as of 2015-06-20: no digest to print or send\n")
    }

    @Test func markdownEscapesWhatThePlanSays() throws {
        let folder = try DigestFixture.onePlan("p", title: "Plan *one*",
                                               outputs: #"- {id: "1.1", output: "Launch <script>x</script> [site](http://x)", lead: Police, due: April 2015}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Runner.run(["digest", "p", "--as-of", "2015-06-20", "--format", "markdown"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# Plan \\*one\\*\n"))
        #expect(run.stdout.contains("## Police\n\n### Overdue (1)\n\n- **1.1** Launch \\<script\\>x\\</script\\> \\[site\\](http://x)  \n  Due: April 2015; status: not rated  \n"))
    }
}
