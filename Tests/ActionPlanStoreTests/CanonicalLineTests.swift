import ActionPlanModel
@testable import ActionPlanStore
import Foundation
import Testing

/// The journal's fast reader and the JSON decoder read every kind of line alike: the lines the
/// tool writes through the fast reader, every other line through the decoder.
@Suite struct CanonicalLineTests {
    private static let prev = String(repeating: "ab", count: 32)

    /// What the JSON decoder makes of `text`: the reading the fast reader must match.
    private func decoded(_ bytes: [UInt8]) -> JournalReading.Record? {
        (try? JSONDecoder().decode(JournalLine.self, from: Data(bytes))).map(JournalReading.Record.init)
    }

    /// A line as the tool writes it.
    private func written(_ entry: Entry, by: String = "pc.jones") throws -> [UInt8] {
        let at = try #require(Timestamp("2015-06-30T14:05:09Z"))
        return Array(JournalLine(entry, at: at, by: by, prev: Self.prev).encoded())
    }

    /// Texts with every kind of character a note can hold: escapes, slashes, unicode.
    private static let texts = [
        "Trainer off sick", "", "She said \"no\"", "back\\slash", "a/b and </script>", "two\nlines", "tab\there",
        "cr\rlf", "bell\u{07}", "nul\u{0}", "del\u{7F}", "café", "Zoë’s team — ready", "日本語", "emoji 👩🏽‍⚖️",
        "line\u{2028}separator", "\u{FEFF}bom", "£1,200 + 5%", "{\"a\":[1,2]}", "ends with backslash\\",
    ]

    @Test func everyLineTheToolWritesIsReadFastAndAsTheDecoderReadsIt() throws {
        let day = try #require(Day(year: 2016, month: 3, day: 31))
        var entries: [Entry] = []
        for text in Self.texts {
            entries.append(.output(Change(outputID: "1.1", status: .atRisk, note: text)))
            entries.append(.output(Change(outputID: text.isEmpty ? "2" : text, due: "June 2015", reason: text, lead: [text, "Police"])))
            entries.append(.indicator(Figure(indicatorID: "I1", period: "Q1 2015/16", value: 12, area: text, note: text)))
            entries.append(.digest(DigestSent(account: text, address: "a@example.org", agencies: [text], outputIDs: ["1.1", "1.2"],
                                              asOf: day)))
        }
        entries.append(.output(Change(outputID: "1.1", lead: [])))
        entries.append(.output(Change(outputID: "1.1", status: .complete)))
        for value in [0, -0.0, 1, -3, 12.5, 0.1, 1.0 / 3, 123_456_789.125, 99.99, 1e15, 1e17, 1e21, 1e-7, -2.5e-3, Double.pi, 6.02e23] {
            entries.append(.indicator(Figure(indicatorID: "I1", period: "2015/16", value: value)))
        }
        var fast = 0
        for entry in entries {
            let line = try written(entry)
            let text = String(decoding: line, as: UTF8.self)
            let expected = try #require(decoded(line), "the decoder reads \(text)")
            let read = CanonicalLine.decode(line[...])
            #expect(read == nil || read == expected, "\(text)")
            // The record, not a problem: the line is as the tool writes it.
            #expect((try? expected.entry.get()) != nil, "\(text)")
            if read != nil { fast += 1 }
        }
        // A record that speaks for an earlier day than it was written on, as a meeting on a past quarter writes.
        let later = try #require(Timestamp("2016-04-12T09:00:00Z"))
        let speaking = Array(JournalLine(.output(Change(outputID: "1.1", note: "Agreed")), at: later, by: "chair", effective: day, prev: Self.prev).encoded())
        #expect(String(decoding: speaking, as: UTF8.self).contains(#""effective":"2016-03-31""#))
        let speakingRead = CanonicalLine.decode(speaking[...])
        #expect(speakingRead != nil && speakingRead == decoded(speaking))
        // Only lines with a \u escape (control characters) or a number with an exponent leave the fast reader.
        let slow = entries.count - fast
        #expect(fast > 80)
        #expect(slow == entries.filter { entry in
            let text = String(decoding: (try? written(entry)) ?? [], as: UTF8.self)
            return text.contains("\\u") || text.contains("e+") || text.contains("e-")
        }.count)
    }

    /// A note's bytes are read eight at a time until a quote, a backslash, a control character
    /// or a letter past ASCII: each of them, at every place in a word, reads as the decoder reads it.
    @Test func aNoteReadsAlikeWhereverAnEscapeOrALetterPastASCIIFalls() throws {
        var fast = 0
        for special in ["\"", "\\", "\n", "\u{01}", "é", "👩🏽‍⚖️", "/"] {
            for place in 0..<20 {
                let note = String(repeating: "a", count: place) + special + String(repeating: "b", count: 23 - place)
                let line = try written(.output(Change(outputID: "1.1", note: note)))
                let read = CanonicalLine.decode(line[...])
                #expect(read == nil || read == decoded(line), "\(note)")
                if read != nil { fast += 1 }
            }
        }
        // All but the control character, which the encoder writes as \u0001, are in the form it takes.
        #expect(fast == 6 * 20)
    }

    @Test func linesInAnyOtherFormAreLeftToTheDecoderAndReadAlike() {
        let prev = Self.prev
        let canonical = #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","note":"ok","output":"1.1","prev":"\#(prev)","status":"on-track"}"#
        let lines = [
            canonical,
            // Spacing the encoder never writes.
            #"{ "at":"2015-06-30T14:05:09Z","by":"pc.jones","output":"1.1","prev":"\#(prev)","status":"on-track"}"#,
            #"{"at": "2015-06-30T14:05:09Z", "by": "pc.jones", "output": "1.1", "prev": "\#(prev)", "status": "on-track"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","output":"1.1","prev":"\#(prev)","status":"on-track"} "#,
            "{\"at\":\"2015-06-30T14:05:09Z\",\"by\":\"pc.jones\",\n\"output\":\"1.1\",\"prev\":\"\(prev)\"}",
            // Keys in another order, repeated, or unknown to this version.
            #"{"by":"pc.jones","at":"2015-06-30T14:05:09Z","output":"1.1","prev":"\#(prev)","status":"on-track"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","output":"1.1","output":"1.2","prev":"\#(prev)"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","output":"1.1","prev":"\#(prev)","since":"2016-03-31","status":"complete"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","output":"1.1","prev":"\#(prev)","status":"complete","zzz":[1,{"a":null}]}"#,
            // Escapes and values the encoder writes otherwise.
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","note":"caf\u00e9 \ud83d\ude00","output":"1.1","prev":"\#(prev)"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","note":"a\/b","output":"1.1","prev":"\#(prev)"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","note":null,"output":"1.1","prev":"\#(prev)","status":"complete"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","indicator":"I1","period":"2015/16","prev":"\#(prev)","value":1.5E2}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","indicator":"I1","period":"2015/16","prev":"\#(prev)","value":-0}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","indicator":"I1","period":"2015/16","prev":"\#(prev)","value":007}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","indicator":"I1","period":"2015/16","prev":"\#(prev)","value":12345678901234567890123}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","indicator":"I1","period":"2015/16","prev":"\#(prev)","value":"12"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","indicator":"I1","period":"2015/16","prev":"\#(prev)","value":1.}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","lead":"Police","output":"1.1","prev":"\#(prev)"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","lead":["Police",],"output":"1.1","prev":"\#(prev)"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","lead":["Police","CPS"],"output":"1.1","prev":"\#(prev)"}"#,
            // Times and links read from their bytes: a leap second is a time; the rest are left to the decoder.
            #"{"at":"2015-06-30T23:59:60Z","by":"pc.jones","note":"ok","output":"1.1","prev":"\#(prev)"}"#,
            #"{"at":"2015-13-30T14:05:09Z","by":"pc.jones","note":"ok","output":"1.1","prev":"\#(prev)"}"#,
            #"{"at":"2015-06-30 14:05:09Z","by":"pc.jones","note":"ok","output":"1.1","prev":"\#(prev)"}"#,
            #"{"at":"2015-06-30T14:05:09","by":"pc.jones","note":"ok","output":"1.1","prev":"\#(prev)"}"#,
            #"{"at":"2015-06-30T14:05:09\u005a","by":"pc.jones","note":"ok","output":"1.1","prev":"\#(prev)"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","note":"ok","output":"1.1","prev":"\#(prev.uppercased())"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","note":"ok","output":"1.1","prev":"\#(prev.dropLast())"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","note":"ok","output":"1.1","prev":"\#(prev)0"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","note":"ok","output":"1.1","prev":"genesis"}"#,
            // Not records at all.
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","output":"1.1"}"#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","output":"1.1","prev":"\#(prev)""#,
            #"{"at":"2015-06-30T14:05:09Z","by":"pc.jones","output":"1.1","prev":"\#(prev)"}}"#,
            "{\"at\":\"2015-06-30T14:05:09Z\",\"by\":\"pc\tjones\",\"output\":\"1.1\",\"prev\":\"\(prev)\"}",
            "{}", "", "[]", "null", "not json",
        ]
        var fast: [String] = []
        for line in lines {
            let bytes = Array(line.utf8)
            let read = CanonicalLine.decode(bytes[...])
            if read != nil { fast.append(line) }
            #expect(read == nil || read == decoded(bytes), "\(line)")
        }
        // The short escape \/ and -0 are in the form it takes too, and read as the decoder reads them.
        #expect(fast == [canonical, lines[10], lines[13], lines[20], lines[21]])
        // What the decoder makes of a time or a link that is not one: a problem, and no link.
        #expect(decoded(Array(lines[22].utf8))?.entry == .failure(RecordProblem(message: "the time '2015-13-30T14:05:09Z' is not YYYY-MM-DDTHH:MM:SSZ")))
        #expect(decoded(Array(lines[26].utf8)).map { $0.prev == nil && (try? $0.entry.get()) != nil } == true)
        #expect(decoded(Array(lines[29].utf8))?.prev == nil)
        // Bytes that are not UTF-8 are not a line the decoder reads, nor the fast reader.
        var invalid = Array(canonical.utf8)
        if let index = invalid.firstIndex(of: UInt8(ascii: "o")) { invalid[index] = 0xFF }
        #expect(CanonicalLine.decode(invalid[...]) == nil)
        #expect(decoded(invalid) == nil)
    }

    @Test func aJournalReadsTheSameThroughEitherReader() throws {
        // Part of a longer buffer, as the journal's lines are: the reader stays within its slice.
        let line = try written(.output(Change(outputID: "1.1", status: .onTrack, note: "ok")))
        let buffer = Array("junk\n".utf8) + line + Array("\nmore".utf8)
        let read = try #require(CanonicalLine.decode(buffer[5..<(5 + line.count)]))
        #expect(read == decoded(line))
        let stamped = try read.entry.get()
        #expect(stamped.entry == .output(Change(outputID: "1.1", status: .onTrack, note: "ok")))
        #expect(stamped.at == Timestamp("2015-06-30T14:05:09Z"))
        #expect(read.prev == LineHash(hex: Self.prev))
    }
}
