@testable import ActionPlanFormat
import Testing

@Suite struct TerminalTextTests {
    @Test func escapeSequencesAndControlsBecomeVisible() {
        #expect(TerminalText.safe("ok\u{1B}[2J\u{1B}]0;pwned\u{07}") == "ok\\e[2J\\e]0;pwned<U+0007>")
        #expect(TerminalText.safe("C1 \u{9B}31m") == "C1 <U+009B>31m")
        #expect(TerminalText.safe("bidi \u{202E}txt.exe") == "bidi <U+202E>txt.exe")
        #expect(TerminalText.safe("a\tb\r\nc") == "a b  c")
        #expect(TerminalText.safe("a\nb", keepingLines: true) == "a\nb")
    }

    @Test func everyScalarShownAsACodeIsFoundByItsBytes() {
        // The edges of each range the byte scan looks for, and their neighbours that stay as written.
        for value: UInt32 in [0x00, 0x1F, 0x7F, 0x80, 0x9F, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069] {
            let scalar = Unicode.Scalar(value).map(String.init) ?? ""
            #expect(!TerminalText.hasNothingToShow("a" + scalar + "b"), "U+\(String(value, radix: 16))")
            #expect(TerminalText.safe("a" + scalar + "b") != "a" + scalar + "b")
        }
        for value: UInt32 in [0x20, 0x7E, 0xA0, 0xAD, 0x200D, 0x2010, 0x2029, 0x202F, 0x2065, 0x206A, 0x2013, 0x1F600] {
            let text = "a" + (Unicode.Scalar(value).map(String.init) ?? "") + "b"
            #expect(TerminalText.hasNothingToShow(text), "U+\(String(value, radix: 16))")
            #expect(TerminalText.safe(text) == text)
        }
    }

    @Test func everydayTextIsUntouched() {
        let text = "£2,000 for the “Caring Dads” programme – Children & Families’ café"
        #expect(TerminalText.safe(text) == text)
    }

    @Test func widthCountsColumnsNotCharacters() {
        #expect(TerminalText.width("£“”") == 3)
        #expect(TerminalText.width("家庭") == 4)
        #expect(TerminalText.width("e\u{301}") == 1)
        // Plain ASCII and Latin-1 are counted without asking each scalar its category.
        #expect(TerminalText.width("Police; CPS") == 11)
        #expect(TerminalText.width("café soft\u{AD}hyphen") == 15)
        #expect(TerminalText.width(of: Character("e\u{301}")) == 1 && TerminalText.width(of: Character("家")) == 2)
    }

    @Test func truncationEndsInAnEllipsisWithinTheWidth() {
        #expect(TerminalText.truncate("Prevention", to: 6) == "Preve…")
        #expect(TerminalText.truncate("Prevention", to: 10) == "Prevention")
        #expect(TerminalText.truncate("家庭暴力", to: 5) == "家庭…")
        #expect(TerminalText.fit("ab", to: 4) == "ab  ")
    }
}
