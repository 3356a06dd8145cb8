import Dispatch
import Foundation

/// Work a start leaves running on the other core while the command goes on, which the process
/// waits for before it exits: the cache a start writes for next time, while the command works
/// out and prints what it shows.
enum Unfinished {
    private static let running = DispatchGroup()

    /// Registered with the first work started, so that every way out of the process (a return
    /// from `main`, `exit` after a failure) waits for the work rather than cutting it off.
    private static let waitedForAtExit: Void = {
        atexit { Unfinished.finish() }
    }()

    /// Starts `work` on another thread.
    static func start(_ work: @escaping @Sendable () -> Void) {
        waitedForAtExit
        DispatchQueue.global().async(group: running, execute: work)
    }

    /// Waits until all work started so far is done.
    static func finish() {
        running.wait()
    }
}
