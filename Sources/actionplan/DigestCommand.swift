import ActionPlanFormat
import ActionPlanModel
import ActionPlanStore
import ArgumentParser
import Foundation

/// `actionplan digest`: what each lead officer is asked to update before the meeting, printed or
/// sent through the system's mail transport (docs/reminders.md).
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Chase updates: each lead officer's overdue, due-soon, stale and nearby unowned actions, printed or emailed.",
        discussion: """
            One digest per lead officer in the access file (covering their agencies), and one per agency \
            that no officer there acts for (printed, never sent). A digest with nothing in it is not \
            printed or sent. With --send each goes to the officer's 'email:' through sendmail, and the \
            journal records it. See docs/reminders.md.
            """
    )

    @Argument(help: "The plan, as --plan takes it (kept for scripts written before --plan).")
    var path: String?

    @OptionGroup var planOption: PlanOption

    @Option(help: "Only this agency's digest (name, short form or alias).")
    var agency: String?

    @Option(help: ArgumentHelp("Only this lead officer's digest.", valueName: "account"))
    var account: String?

    @ArgumentParser.Flag(help: "Every lead officer's digest (the default).")
    var all = false

    @OptionGroup var asOf: AsOfOption

    @Option(help: "text, markdown or email (the message as --send hands it over).")
    var format: DigestFormat = .text

    @ArgumentParser.Flag(help: "Email each digest to its officer through sendmail, and record it in the journal (chair or coordinator).")
    var send = false

    @ArgumentParser.Flag(name: .customLong("dry-run"), help: "Say what --send would send, to whom; send nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("The sendmail program, for a transport with its own configuration file.", valueName: "path"))
    var sendmail: String = Sendmail.standardPath

    @OptionGroup var acting: ActingOption

    func validate() throws {
        let chosen = [agency.map { "--agency \($0)" }, account.map { "--account \($0)" }, all ? "--all" : nil].compactMap { $0 }
        if chosen.count > 1 {
            throw ValidationError("give one of --agency, --account and --all, not \(chosen.joined(separator: " and "))")
        }
    }

    private var audience: DigestAudience {
        agency.map { .agency($0) } ?? account.map { .account($0) } ?? .all
    }

    func run() throws {
        let state = try PlanState.load(try planOption.path(or: path))
        let asOf = try self.asOf.resolved(by: state.calendar)
        let plan = state.asOf(asOf.foldThrough)
        let rules = AccessFile.rules(forPlan: state.path, journal: state.journal)
        let access: Access
        switch rules {
        case .success(let read): access = read
        case .failure(let problem):
            throw CommandFailure.refused("the digests' officers and addresses come from \(TerminalText.safe(AccessFile.path(forPlan: state.path))): "
                + TerminalText.safe(problem.message), details: problem.diagnostics.map(DiagnosticText.render))
        }
        let found: [Digest]
        switch plan.digests(for: audience, access: access, asOf: asOf.day) {
        case .success(let made): found = made.filter { !$0.isEmpty }
        case .failure(let problem): throw CommandFailure.mistyped(TerminalText.safe(problem.message))
        }
        if found.isEmpty {
            Console.error("actionplan: nothing to chase as of \(asOf.day): no digest to print or send")
            return
        }
        let planWord = Shell.quote(state.path)
        let mailing = send || dryRun || format == .email
        // An agency nobody in the access file acts for can be printed, but not mailed.
        let unaddressed = found.filter { $0.officer == nil }.flatMap(\.agencyNames)
        if mailing, !unaddressed.isEmpty {
            Console.error("actionplan: no message for \(TerminalText.safe(LeadText.text(unaddressed))): no lead officer in \(AccessFile.name) acts for "
                + (unaddressed.count == 1 ? "it" : "them") + "; add one with 'agencies: [...]' and 'email:' (see docs/reminders.md)")
        }
        let digests = mailing ? found.filter { $0.officer != nil } : found
        guard send || dryRun else {
            for (index, digest) in digests.enumerated() {
                if index > 0 { Console.out("") }
                try print(digest, plan: planWord, sender: access.member(acting.account ?? Identity.account() ?? ""))
            }
            return
        }
        try deliver(digests, state: state, rules: rules, planWord: planWord)
    }

    /// Prints one digest in the chosen form; an email needs somebody to send it to.
    private func print(_ digest: Digest, plan: String, sender: Member) throws {
        switch format {
        case .text:
            Console.out(recipient(digest) + "\n\n" + DigestText.render(digest, plan: plan, as: .text))
        case .markdown:
            Console.out(DigestText.render(digest, plan: plan, as: .markdown))
        case .email:
            guard let message = message(digest, plan: plan, sender: sender) else {
                Console.error("actionplan: \(nobody(digest))")
                return
            }
            Console.out(TerminalText.safe(message.text, keepingLines: true))
        }
    }

    /// Sends each digest that has an address (or with --dry-run says what it would send), and
    /// records each one sent in the journal.
    private func deliver(_ digests: [Digest], state: PlanState, rules: Result<Access, AccessProblem>, planWord: String) throws {
        let (access, sender) = try acting.identify(in: state, rules: rules)
        // Refused before anything is sent: the journal's write path asks the same again for each record.
        if let refusal = access.digestRefusal(by: sender) { throw CommandFailure.refused(TerminalText.safe(refusal)) }
        let transport = Sendmail(path: sendmail)
        let missing = !dryRun && !transport.isInstalled
        if missing {
            Console.error("actionplan: \(TerminalText.safe(sendmail)) is not there, so this is a dry run and nothing is sent: install a mail transport (msmtp-mta or exim4-daemon-light; see docs/reminders.md)")
        }
        var failures = 0
        for digest in digests {
            guard let message = message(digest, plan: planWord, sender: access.member(sender)) else {
                Console.error("actionplan: \(nobody(digest))")
                continue
            }
            let what = "\(recipient(digest)): \(TerminalText.safe(DigestText.subject(digest))) (\(LeadText.text(digest.outputIDs, none: "")))"
            if dryRun || missing {
                Console.out("would send to " + what)
                continue
            }
            if let problem = transport.send(message.text) {
                failures += 1
                Console.error("actionplan: not sent to \(recipient(digest)): \(TerminalText.safe(problem))")
                continue
            }
            Console.out("sent to " + what)
            if let address = digest.officer?.email, !record(digest, address: address, state: state, access: access, sender: sender) { failures += 1 }
        }
        if missing || failures > 0 {
            throw CommandFailure.refused(missing ? "nothing was sent" : "\(failures) of \(digests.count) digest(s) were not sent or not recorded")
        }
    }

    /// Records in the journal that `digest` was sent: to whom, when, which outputs.
    /// A digest already sent stands whatever happens here: a failure is said, and the command
    /// goes on to the next one, so that nobody is chased twice by a retry.
    private func record(_ digest: Digest, address: EmailAddress, state: PlanState, access: Access, sender: String) -> Bool {
        guard let officer = digest.officer else { return false }
        let sent = DigestSent(account: officer.account, address: address.text, agencies: digest.agencyNames, outputIDs: digest.outputIDs, asOf: digest.asOf)
        do {
            let written = try JournalWriter.append(.digest(sent), planPath: state.path, plan: state.plan, access: access, account: sender,
                                                   basis: .knowingly, now: Clock.now())
            Console.receipt("recorded line \(written.line): digest to \(TerminalText.safe(officer.account)) (\(written.at.readable))")
            return true
        } catch {
            Console.error("actionplan: the digest to \(TerminalText.safe(officer.account)) was sent but not recorded in the journal: \(TerminalText.safe(error.message))")
            return false
        }
    }

    /// The message for `digest`, or nil when it has nobody with an address to go to.
    private func message(_ digest: Digest, plan: String, sender: Member) -> MailMessage? {
        guard let officer = digest.officer, let address = officer.email else { return nil }
        return MailMessage(from: sender.email.map { Mailbox(name: sender.name, address: $0) },
                           to: [Mailbox(name: officer.name, address: address)], subject: DigestText.subject(digest),
                           body: DigestText.render(digest, plan: plan, as: .text), date: Clock.now(),
                           messageID: "<\(UUID().uuidString.lowercased())@\(ProcessInfo.processInfo.hostName)>")
    }

    /// Who a digest is for, as the terminal shows it.
    private func recipient(_ digest: Digest) -> String {
        guard let officer = digest.officer else { return "For \(TerminalText.safe(LeadText.text(digest.agencyNames))) (no officer in the access file)" }
        let name = officer.name.map { TerminalText.safe($0) + " " } ?? ""
        return "\(name)<\(officer.email?.text ?? "no email")> (\(TerminalText.safe(officer.account)))"
    }

    /// Why an officer's digest has no message: the access file gives them no address.
    private func nobody(_ digest: Digest) -> String {
        "no message for \(TerminalText.safe(digest.officer?.account ?? "")) (\(TerminalText.safe(LeadText.text(digest.agencyNames)))): "
            + "\(AccessFile.name) gives them no 'email:'"
    }
}

/// What `digest` prints.
enum DigestFormat: String, CaseIterable, ExpressibleByArgument {
    case text, markdown, email
}
