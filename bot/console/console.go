// Package console is the stdin/stdout chat adapter: each line a user types
// is a message to the bot, and replies and digests are printed as text.
package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
)

// Name is the platform name of the console.
const Name = "console"

// Channel is the console's one channel; digests target it.
const Channel = "console"

// Handler answers a request; *bot.Router implements it.
type Handler interface {
	Handle(ctx context.Context, req bot.Request) briefings.Reply
}

// Console reads messages from in and writes replies to out.
type Console struct {
	in     io.Reader
	out    io.Writer
	h      Handler
	prompt bool
	style  Style
	lines  LineReader // line editing and history; nil: lines are scanned from in
	mu     sync.Mutex // serialises writes: replies and digests interleave
}

// Option tunes a Console.
type Option func(*Console)

// LineReader reads one edited line at a time, drawing its own prompt (a
// line editor such as github.com/chzyer/readline). It returns io.EOF at
// the end of input.
type LineReader interface {
	Readline() (string, error)
}

// WithLineReader reads lines through r instead of scanning in; r draws the
// prompt, so the console prints none.
func WithLineReader(r LineReader) Option {
	return func(c *Console) { c.lines, c.prompt = r, false }
}

// WithStyle shows replies in bold and wrapped, for a terminal.
func WithStyle(s Style) Option { return func(c *Console) { c.style = s } }

var _ bot.Platform = (*Console)(nil)

// New returns a console over in and out. With prompt set it prints a
// prompt before each line (an interactive terminal).
func New(in io.Reader, out io.Writer, h Handler, prompt bool, opts ...Option) *Console {
	c := &Console{in: in, out: out, h: h, prompt: prompt}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Name implements bot.Platform.
func (c *Console) Name() string { return Name }

// Run reads lines until end of input or ctx is cancelled. The console user
// is an admin: they run the bot.
func (c *Console) Run(ctx context.Context) error {
	lines := make(chan string)
	errc := make(chan error, 1)
	go func() {
		if c.lines != nil {
			for {
				line, err := c.lines.Readline()
				if err != nil {
					if errors.Is(err, io.EOF) {
						err = nil
					}
					errc <- err
					return
				}
				select {
				case lines <- line:
				case <-ctx.Done():
					return
				}
			}
		}
		sc := bufio.NewScanner(c.in)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		errc <- sc.Err()
	}()
	c.showPrompt()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-errc:
			return err
		case line := <-lines:
			if strings.TrimSpace(line) == "" {
				c.showPrompt()
				continue
			}
			if t := strings.TrimSpace(line); t == "/quit" || t == "/exit" {
				return nil
			}
			rep := c.h.Handle(ctx, bot.Request{Platform: Name, Channel: Channel, User: "console", Text: line, DM: true, Admin: true})
			c.write(RenderStyle(rep, c.style))
			c.showPrompt()
		}
	}
}

// Post prints a reply (a digest) to the console.
func (c *Console) Post(_ context.Context, channel string, r briefings.Reply) error {
	c.write(fmt.Sprintf("[%s]\n%s", channel, RenderStyle(r, c.style)))
	return nil
}

func (c *Console) write(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintln(c.out, s)
}

func (c *Console) showPrompt() {
	if c.prompt {
		c.mu.Lock()
		fmt.Fprint(c.out, "> ")
		c.mu.Unlock()
	}
}
