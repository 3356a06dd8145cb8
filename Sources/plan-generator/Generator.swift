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

    @Option(help: "How many indicators (at the plan's level, every unit, target and direction).")
    var indicators = 0

    @Option(help: "How many quarters of figures each indicator has, from Q1 2015/16.")
    var periods = 12

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
        let journal = interleaved(makeJournal(&random, plan: plan), makeFigures(&random, plan: plan))
        try JournalFile.encode(journal).write(to: URL(fileURLWithPath: JournalFile.path(forPlan: path)), options: .atomic)
        print("wrote \(path): \(outputs) outputs, \(indicators) indicators, \(yaml.utf8.count / 1024) KB; "
            + "\(JournalFile.path(forPlan: path)): \(journal.records.count) records and \(journal.figures.count) figures")
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
                    register: AgencyRegister(agencies), pillars: pillars, indicators: makeIndicators(&random, agencies: agencies))
    }

    /// Indicators of every unit, direction and kind of target, some by area with comparators.
    private func makeIndicators(_ random: inout SeededRandom, agencies: [Agency]) -> [Indicator] {
        (0..<indicators).map { index in
            let unit = IndicatorUnit.allCases[index % IndicatorUnit.allCases.count]
            let target: Indicator.Target = switch index % 3 {
            case 0: .plan(Double(Int.random(in: 50...500, using: &random)))
            case 1: .range(low: 4, high: 10)
            default: .perYear([2015: 100, 2016: 110, 2017: 120])
            }
            let byArea = index % 5 == 0
            return Indicator(id: "I\(index + 1)", name: Vocabulary.sentence(&random, words: 6), unit: unit == .percentage || index % 3 == 1 ? .percentage : unit,
                             better: index % 3 == 1 ? .range : index % 2 == 0 ? .up : .down, lead: Vocabulary.pick(agencies, &random).name,
                             source: "Generated", target: target, areas: byArea ? ["North", "South"] : [], comparators: byArea ? ["National average"] : [])
        }
    }

    /// One figure per indicator (and area) per quarter from Q1 2015/16, each recorded ten days
    /// after its quarter ends; a few are corrected a week later.
    private func makeFigures(_ random: inout SeededRandom, plan: Plan) -> [FigureRecord] {
        var figures: [FigureRecord] = []
        var quarter = plan.calendar.quarter(1, ofYearStartingIn: 2015)
        for _ in 0..<periods {
            let end = quarter.period.last
            let recorded = Day.first(ofMonth: end.month + 1, year: end.year)
            for indicator in plan.indicators {
                for area in indicator.areas.isEmpty ? [nil] : indicator.areas.map(Optional.some) {
                    let value = indicator.unit == .percentage ? Double(Int.random(in: 0...200, using: &random)) / 10
                        : Double(Int.random(in: 20...600, using: &random))
                    let figure = Figure(indicatorID: indicator.id, period: quarter.description, value: value, area: area)
                    figures.append(FigureRecord(line: 0, at: Timestamp(day: recorded, hour: 9, minute: 0, second: 0), by: "analyst", figure: figure))
                    if Int.random(in: 0..<20, using: &random) == 0 {
                        var corrected = figure
                        corrected.value = value + 1
                        figures.append(FigureRecord(line: 0, at: Timestamp(day: recorded, hour: 17, minute: 0, second: 0), by: "analyst", figure: corrected))
                    }
                }
            }
            quarter = quarter.next
        }
        return figures.sorted { $0.at < $1.at }
    }

    /// One journal of both kinds, in time order, each line numbered.
    private func interleaved(_ records: [Record], _ figures: [FigureRecord]) -> Journal {
        var changes: [Record] = []
        var figureLines: [FigureRecord] = []
        var (r, f) = (records.startIndex, figures.startIndex)
        while r < records.endIndex || f < figures.endIndex {
            let line = changes.count + figureLines.count + 1
            if f == figures.endIndex || (r < records.endIndex && records[r].at <= figures[f].at) {
                changes.append(Record(line: line, at: records[r].at, by: records[r].by, change: records[r].change))
                r += 1
            } else {
                figureLines.append(FigureRecord(line: line, at: figures[f].at, by: figures[f].by, figure: figures[f].figure))
                f += 1
            }
        }
        return Journal(changes, figures: figureLines)
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
        let indicators = plan.indicators.map { indicator -> Node in
            var pairs: [(Node, Node)] = [(text("id"), text(indicator.id)), (text("indicator"), text(indicator.name)),
                                         (text("unit"), text(indicator.unit.rawValue)), (text("better"), text(indicator.better.rawValue)),
                                         (text("lead"), text(indicator.lead ?? "")), (text("source"), text(indicator.source ?? ""))]
            switch indicator.target {
            case .plan(let goal)?: pairs.append((text("target"), text(String(Int(goal)))))
            case .range(let low, let high)?: pairs.append((text("target"), text("\(Int(low))-\(Int(high))%")))
            case .perYear(let years)?:
                pairs.append((text("target"), Node(years.keys.sorted().map { (text(plan.calendar.yearLabel(startingIn: $0)), text(String(Int(years[$0] ?? 0)))) })))
            case nil: break
            }
            if !indicator.areas.isEmpty { pairs.append((text("areas"), list(indicator.areas))) }
            if !indicator.comparators.isEmpty { pairs.append((text("comparators"), list(indicator.comparators))) }
            return Node(pairs)
        }
        return Node([(text("plan"), text(plan.title)), (text("partnership"), text(plan.partnership ?? "")), (text("starts"), text("April 2015")),
                     (text("year_starts"), text("April")), (text("agencies"), Node(register)), (text("pillars"), Node(pillars)),
                     (text("indicators"), Node(indicators))])
    }
}
