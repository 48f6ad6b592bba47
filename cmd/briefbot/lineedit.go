package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"github.com/briefbot/briefbot/bot/console"
	"github.com/chzyer/readline"
)

// lineEditor is chat's prompt at a terminal: arrow keys move and recall
// earlier lines (kept in ~/.briefbot_history), and whatever is printed
// through Stdout or Stderr goes above the prompt line, not over it.
type lineEditor struct{ rl *readline.Instance }

// newLineEditor returns nil when stdin or stdout is not a terminal or the
// editor cannot start; the console then reads plain lines.
func newLineEditor(stdin io.Reader, stdout io.Writer) *lineEditor {
	in, ok := stdin.(*os.File)
	out, ok2 := stdout.(*os.File)
	if !ok || !ok2 || !isTTY(in) || !isTTY(out) {
		return nil
	}
	history := ""
	if home, err := os.UserHomeDir(); err == nil {
		history = filepath.Join(home, ".briefbot_history")
	}
	rl, err := readline.NewEx(&readline.Config{
		Prompt: "> ", HistoryFile: history, HistoryLimit: 500,
		Stdin: in, Stdout: out, Stderr: os.Stderr,
	})
	if err != nil {
		return nil
	}
	return &lineEditor{rl: rl}
}

// Readline implements console.LineReader: Ctrl-C on an empty line ends the
// session, as Ctrl-D does.
func (e *lineEditor) Readline() (string, error) {
	line, err := e.rl.Readline()
	if errors.Is(err, readline.ErrInterrupt) {
		return "", io.EOF
	}
	return line, err
}

// Stdout writes above the prompt.
func (e *lineEditor) Stdout() io.Writer { return e.rl.Stdout() }

// Stderr writes above the prompt (log lines).
func (e *lineEditor) Stderr() io.Writer { return e.rl.Stderr() }

// Close restores the terminal.
func (e *lineEditor) Close() error { return e.rl.Close() }

// consoleSetup is how chat and serve's console write and read: replies
// styled for stdout and, when interactive and the editor starts, line
// editing with history, replies printed above the prompt instead of over
// it. The caller closes the editor and routes its log lines through
// ed.Stderr().
func consoleSetup(stdin io.Reader, stdout io.Writer, interactive bool) (opts []console.Option, out io.Writer, ed *lineEditor) {
	opts = []console.Option{console.WithStyle(terminalStyle(stdout))}
	out = stdout
	if !interactive {
		return opts, out, nil
	}
	if ed = newLineEditor(stdin, stdout); ed != nil {
		opts = append(opts, console.WithLineReader(ed))
		out = ed.Stdout()
	}
	return opts, out, ed
}
