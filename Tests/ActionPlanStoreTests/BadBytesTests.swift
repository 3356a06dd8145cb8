import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that are not a plan's text at all: empty, binary, not UTF-8, too large; and text whose
/// form (byte-order mark, Windows line ends) must not upset the locations reported.
@Suite struct BadBytesTests {
    @Test func aFileThatCannotBeReadIsAnErrorNamingIt() {
        let result = PlanLoader.load(path: "/nonexistent/plans/harrow.yaml")
        #expect(result.plan == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.location.description == "/nonexistent/plans/harrow.yaml:1:1")
        #expect(result.diagnostics.first?.message.contains("cannot read the file") == true)
    }

    @Test func anEmptyFileIsAnErrorSayingHowAPlanStarts() {
        let loaded = Loaded(bytes: [])
        expectOnlyProblem(loaded, .error, at: Place(1, 1), saying: "the file is empty", "'plan: TITLE'", "'pillars:'")
    }

    @Test func aFileOfOnlyCommentsAndSpaceIsEmpty() {
        let loaded = Loaded("# Harrow plan, to be transcribed\n\n   \n  # indented comment\n# end\n")
        expectOnlyProblem(loaded, .error, at: Place(1, 1), saying: "the file is empty")
    }

    @Test func aNulByteMarksABinaryFileAtItsPlace() {
        // An ELF executable's header: the first NUL is the eighth byte.
        let loaded = Loaded(bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00])
        expectOnlyProblem(loaded, .error, at: Place(1, 8), saying: "NUL byte", "binary", "UTF-8 text")
    }

    @Test func aNulByteAfterTextIsLocatedByLineAndColumn() {
        let loaded = Loaded(bytes: Array("plan: Test Plan\npillars:\n  - pillar: Pré".utf8) + [0x00] + Array("\n".utf8))
        expectOnlyProblem(loaded, .error, at: Place(3, 16), saying: "NUL byte")
    }

    @Test func aByteThatIsNotUTF8IsLocatedAndNamed() {
        let loaded = Loaded(bytes: Array("plan: Test Plan\npillars:\n  - pillar: Pr".utf8) + [0xFF] + Array("evention\n".utf8))
        expectOnlyProblem(loaded, .error, at: Place(3, 15), saying: "byte 0xFF is not UTF-8", "save the file as UTF-8")
    }

    @Test func aLatin1LetterIsLocatedCountingEarlierLettersAsOneColumnEach() {
        // "Prévention" saved as Latin-1 after a UTF-8 "é": columns count characters, not bytes.
        let loaded = Loaded(bytes: Array("plan: Test Plan\npillars:\n  - pillar: Pr\u{E9}v".utf8) + [0xE9] + Array("ntion\n".utf8))
        expectOnlyProblem(loaded, .error, at: Place(3, 17), saying: "byte 0xE9 is not UTF-8")
    }

    @Test func aPNGIsRefusedAtItsFirstByte() {
        let loaded = Loaded(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00])
        expectOnlyProblem(loaded, .error, at: Place(1, 1), saying: "byte 0x89 is not UTF-8")
    }

    /// An editor does not show the byte-order mark, so it takes no column.
    @Test func aByteOrderMarkDoesNotShiftColumnsOnTheFirstLine() {
        let loaded = Loaded(bytes: [0xEF, 0xBB, 0xBF] + Array("plan: Test".utf8) + [0x00])
        expectOnlyProblem(loaded, .error, at: Place(1, 11), saying: "NUL byte")
    }

    @Test func aByteOrderMarkDoesNotShiftTheColumnsTheParserReports() {
        let loaded = Loaded(bytes: [0xEF, 0xBB, 0xBF] + Array("plan: [Test]\npillars: []\n".utf8))
        #expect(loaded.diagnostics.count == 2, "\(describe(loaded.diagnostics))")
        expectProblem(loaded, .error, at: Place(1, 7), saying: ["'plan' takes text"])
    }

    // MARK: Windows line ends

    @Test func anErrorInAFileWithWindowsLineEndsShowsItsLine() throws {
        let text = Fixture.plan(outputs: Fixture.output("1.1", "status: on trak")).replacingOccurrences(of: "\n", with: "\r\n")
        let loaded = Loaded(text)
        let error = expectOnlyProblem(loaded, .error, at: try loaded.place(of: "on trak"), saying: "did you mean 'on-track'?")
        #expect(error?.excerpt == "            status: on trak")
    }

    @Test func aTabInAFileWithWindowsLineEndsIsStillCalledATab() throws {
        let loaded = Loaded("plan: Test Plan\r\npillars:\r\n\t- pillar: Prevention\r\n")
        let error = expectOnlyProblem(loaded, .error, at: Place(3, 1), saying: "a tab character", "replace the tab with spaces")
        #expect(error?.excerpt == "\t- pillar: Prevention")
    }

    // MARK: Size

    /// Maps more than the limit of untouched, unreserved zero pages, so the test costs address
    /// space but not memory: a loader that read the bytes before checking the size would find a
    /// NUL, not the size.
    private func withMappedZeros(count: Int, _ body: (Data) -> Void) throws {
        let pointer = mmap(nil, count, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        let mapped = try #require(pointer.flatMap { $0 == UnsafeMutableRawPointer(bitPattern: -1) ? nil : $0 })
        body(Data(bytesNoCopy: mapped, count: count, deallocator: .custom { munmap($0, $1) }))
    }

    private let limit = 128 * 1024 * 1024

    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        try withMappedZeros(count: limit + 1) { data in
            let result = PlanLoader.load(data: data, path: Fixture.path)
            #expect(result.plan == nil)
            #expect(result.diagnostics.count == 1)
            let error = result.diagnostics.first
            #expect(error?.severity == .error)
            #expect(error.map { Place($0.location) } == Place(1, 1))
            #expect(error?.message.contains("may be at most 134217728 bytes (128 MB)") == true, "\(error?.message ?? "")")
            #expect(error?.message.contains("split it into several plans") == true)
        }
    }

    @Test func aFileJustOverTheLimitIsNotSaidToBeTheLimitsSize() throws {
        try withMappedZeros(count: limit + 1) { data in
            let message = PlanLoader.load(data: data, path: Fixture.path).diagnostics.first?.message ?? ""
            #expect(!message.contains("the file is 128 MB"), "contradicts 'at most 128 MB': \(message)")
        }
    }

    @Test func aFileAtTheSizeLimitIsRead() throws {
        try withMappedZeros(count: limit) { data in
            let result = PlanLoader.load(data: data, path: Fixture.path)
            #expect(result.diagnostics.first?.message.contains("NUL byte") == true, "\(describe(result.diagnostics))")
        }
    }
}
