import ActionPlanModel
import ActionPlanStore
import ArgumentParser
import Foundation
import Yams

/// `plan-generator`: writes a synthetic but valid plan of N outputs and a journal of M records,
/// the same for the same seed, to measure the tool at sizes no real plan has yet.
@main
struct Generator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan-generator",
        abstract: "Write a synthetic plan (four pillars, every date form, joint and missing leads) and its journal."
    )

    @Option(help: "How many outputs.")
    var outputs = 1_000

    @Option(help: "How many journal records.")
    var records = 10_000

    @Option(help: "The seed: the same seed gives the same files.")
    var seed: UInt64 = 1

    @Argument(help: "The plan file to write, such as /tmp/bench/plan.yaml; its journal goes beside it.")
    var path: String

    func run() throws {
        var random = SeededRandom(seed: seed)
        let agencies = Vocabulary.agencies
        let plan = makePlan(&random, agencies: agencies)
        let yaml = try Yams.serialize(node: node(for: plan, agencies: agencies), width: -1, allowUnicode: true)
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let journal = makeJournal(&random, plan: plan)
        try JournalFile.encode(Journal(journal)).write(to: URL(fileURLWithPath: JournalFile.path(forPlan: path)), options: .atomic)
        print("wrote \(path): \(outputs) outputs, \(yaml.utf8.count / 1024) KB; \(JournalFile.path(forPlan: path)): \(journal.count) records")
    }

    private func makePlan(_ random: inout SeededRandom, agencies: [Agency]) -> Plan {
        var pillars = Pillar.fourPs.map { Pillar(name: $0, aim: Vocabulary.sentence(&random, words: 30)) }
        var made = 0
        var objective = 0
        while made < outputs {
            objective += 1
            let count = min(outputs - made, Int.random(in: 2...8, using: &random))
            let list = (1...count).map { index -> Output in
                let leads: [String] = switch Int.random(in: 0..<10, using: &random) {
                case 0: []
                case 1: [Vocabulary.pick(agencies, &random).name, Vocabulary.pick(Vocabulary.pick(agencies, &random).spellings, &random)]
                default: [Vocabulary.pick(Vocabulary.pick(agencies, &random).spellings, &random)]
                }
                return Output(id: "\(objective).\(index)", text: Vocabulary.sentence(&random, words: Int.random(in: 8...40, using: &random)),
                              leads: leads, due: Due(written: Vocabulary.date(&random), meaning: .undated),
                              measures: (0..<Int.random(in: 0...3, using: &random)).map { _ in Vocabulary.sentence(&random, words: 10) })
            }
            made += count
            pillars[objective % 4].objectives.append(Objective(id: String(objective), text: Vocabulary.sentence(&random, words: 20),
                                                               outcomes: [Vocabulary.sentence(&random, words: 12)], outputs: list))
        }
        return Plan(title: "Generated plan: \(outputs) outputs, seed \(seed)", partnership: "Benchmark Partnership",
                    register: AgencyRegister(agencies), pillars: pillars)
    }

    /// Records from several accounts, in time order over three years from April 2015.
    private func makeJournal(_ random: inout SeededRandom, plan: Plan) -> [Record] {
        let ids = plan.entries.map(\.output.id)
        let accounts = ["pc.jones", "cf.ali", "nhs.okoro", "chair", "coordinator", "wish.patel"]
        let start = Day.first(ofMonth: 4, year: 2015)
        // Each record a little later than the one before, as in a real journal, whose readers
        // refuse a record dated before the one it follows: 36 months of 28 days, spread evenly.
        let month = 28 * 86_400
        return (0..<records).map { index in
            let second = index * (36 * month) / max(records, 1)
            let day = Day.first(ofMonth: start.month + second / month, year: start.year)
            let inMonth = second % month
            let at = Timestamp(day: Day(year: day.year, month: day.month, day: 1 + inMonth / 86_400) ?? day,
                               hour: inMonth % 86_400 / 3_600, minute: inMonth % 3_600 / 60, second: inMonth % 60)
            let id = Vocabulary.pick(ids, &random)
            let change: Change = switch Int.random(in: 0..<20, using: &random) {
            case 0: Change(outputID: id, due: "Q\(Int.random(in: 1...4, using: &random)) 2017/18", reason: "capacity")
            case 1: Change(outputID: id, lead: [Vocabulary.pick(Vocabulary.agencies, &random).name])
            case 2...9:
                Change(outputID: id, status: Vocabulary.pick([.atRisk, .offTrack, .dropped], &random), note: Vocabulary.sentence(&random, words: 15))
            case 10...13: Change(outputID: id, status: Vocabulary.pick([.onTrack, .complete, .notStarted], &random))
            default: Change(outputID: id, note: Vocabulary.sentence(&random, words: Int.random(in: 5...30, using: &random)))
            }
            return Record(line: index + 1, at: at, by: Vocabulary.pick(accounts, &random), change: change)
        }
    }

    private func node(for plan: Plan, agencies: [Agency]) -> Node {
        func text(_ value: String) -> Node { Node(value) }
        func list(_ values: [String]) -> Node { Node(values.map(text)) }
        let register = agencies.map { agency -> Node in
            var pairs: [(Node, Node)] = [(text("name"), text(agency.name))]
            if let short = agency.short { pairs.append((text("short"), text(short))) }
            if !agency.aliases.isEmpty { pairs.append((text("aliases"), list(agency.aliases))) }
            return Node(pairs)
        }
        let pillars = plan.pillars.map { pillar -> Node in
            Node([(text("pillar"), text(pillar.name)), (text("aim"), text(pillar.aim)), (text("objectives"), Node(pillar.objectives.map { objective in
                Node([(text("id"), text(objective.id)), (text("objective"), text(objective.text)), (text("outcomes"), list(objective.outcomes)),
                      (text("outputs"), Node(objective.outputs.map { output in
                          var pairs: [(Node, Node)] = [(text("id"), text(output.id)), (text("output"), text(output.text))]
                          if !output.leads.isEmpty { pairs.append((text("lead"), output.leads.count == 1 ? text(output.leads[0]) : list(output.leads))) }
                          if !output.due.written.isEmpty { pairs.append((text("due"), text(output.due.written))) }
                          if !output.measures.isEmpty { pairs.append((text("measures"), list(output.measures))) }
                          return Node(pairs)
                      }))])
            }))])
        }
        return Node([(text("plan"), text(plan.title)), (text("partnership"), text(plan.partnership ?? "")), (text("year_starts"), text("April")),
                     (text("agencies"), Node(register)), (text("pillars"), Node(pillars))])
    }
}
