// Test support for ActionPlanStoreTests: appends records from one process through the real write
// path, so tests can run several at once and kill them mid-run.
//
// journal-stress PLAN ACCOUNT COUNT ID...   appends COUNT notes "ACCOUNT #n", cycling through the ids,
// each from what the writer last read, as `actionplan note` does: other writers' records in
// between must never refuse a note.
import ActionPlanModel
import ActionPlanStore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 5, let count = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: journal-stress PLAN ACCOUNT COUNT ID...\n".utf8))
    exit(2)
}
let planPath = arguments[1]
let account = arguments[2]
let ids = Array(arguments[4...])
guard let plan = PlanLoader.load(path: planPath).plan else {
    FileHandle.standardError.write(Data("journal-stress: \(planPath) does not load\n".utf8))
    exit(2)
}
var journal: LoadedJournal?
for n in 1...max(count, 1) {
    let change = Change(outputID: ids[(n - 1) % ids.count], note: "\(account) #\(n)")
    do {
        journal = try JournalWriter.append(change, planPath: planPath, plan: plan, access: .open, account: account,
                                           basis: .saw(journal?.journal.head(of: change.outputID, in: plan) ?? 0), now: Clock.now(), known: journal).journal
    } catch {
        FileHandle.standardError.write(Data("journal-stress: \(error.message)\n".utf8))
        exit(1)
    }
}
