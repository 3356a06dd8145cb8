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
