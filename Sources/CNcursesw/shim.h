// What Swift cannot import from ncursesw by itself: the wide-character API hidden behind a feature
// macro that SwiftPM drops, attribute macros that cast and shift, and C globals that Swift 6
// rejects as unsafe to share.
#ifndef ACTIONPLAN_NCURSESW_SHIM_H
#define ACTIONPLAN_NCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <wchar.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const attr_t shim_A_NORMAL = A_NORMAL;
static const attr_t shim_A_BOLD = A_BOLD;
static const attr_t shim_A_REVERSE = A_REVERSE;
static const attr_t shim_A_DIM = A_DIM;
static const attr_t shim_A_UNDERLINE = A_UNDERLINE;

/// Starts ncurses on standard output and input (the stdout and stdin globals); NULL for an
/// unknown terminal type, where initscr would exit the program.
static inline SCREEN *shim_newterm(void) { return newterm(NULL, stdout, stdin); }

/// Whether the current locale encodes text as UTF-8.
static inline int shim_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

/// The screen's main window (the stdscr global).
static inline WINDOW *shim_stdscr(void) { return stdscr; }

/// The number of colours the terminal has (the COLORS global).
static inline int shim_colors(void) { return COLORS; }

/// Set by the signal handler; read by the event loop.
static volatile sig_atomic_t shim_signal_received = 0;

static void shim_on_signal(int signal) { shim_signal_received = signal; }

/// Catches SIGTERM, SIGHUP and SIGINT without SA_RESTART, so a blocking read returns and the
/// loop can restore the terminal and exit.
static inline void shim_catch_signals(void) {
    struct sigaction action;
    action.sa_handler = shim_on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGINT, &action, NULL);
}

/// Turns off XON/XOFF flow control on standard input, which cbreak leaves on: with it, Ctrl-S
/// stops the terminal's output until Ctrl-Q, where the interface means Ctrl-S to record.
static inline void shim_no_flow_control(void) {
    struct termios settings;
    if (tcgetattr(STDIN_FILENO, &settings) != 0) return;
    settings.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
    tcsetattr(STDIN_FILENO, TCSANOW, &settings);
}

/// While another program has the terminal (an editor), Ctrl-C is its alone: ignored here with
/// `ignore` set, caught again as at the start without it.
static inline void shim_ignore_interrupt(int ignore) {
    struct sigaction action;
    action.sa_handler = ignore ? SIG_IGN : shim_on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
}

static inline int shim_take_signal(void) {
    int received = shim_signal_received;
    shim_signal_received = 0;
    return received;
}

#endif
