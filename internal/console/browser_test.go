package console

import (
	"context"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefbot/briefbot/bot"
)

// screenshotDir is where the browser tests leave screenshots of every
// page (git ignores it); BRIEFBOT_SCREENSHOTS overrides it.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("BRIEFBOT_SCREENSHOTS")
	if dir == "" {
		dir = "screenshots"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// chromium finds a Chromium or Chrome binary, or skips the test.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("browser tests skipped: no Chromium found on PATH (install the chromium package; .ci/run does)")
	return ""
}

// browser starts a headless Chromium with a fresh profile and returns a
// tab context.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true), // full-page screenshots keep the page's width
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Skipf("browser tests skipped: Chromium did not start: %v", err)
	}
	return ctx
}

// do runs browser steps, failing the test on an error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// read runs one browser action that returns a value.
func read[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// login fills the login form like a person would.
func login(base string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(base+"/console/people"),
		chromedp.WaitVisible(chromedp.CSS(`#token`)),
		chromedp.SendKeys(chromedp.CSS(`#token`), testToken),
		chromedp.Submit(chromedp.CSS(`#token`)),
		chromedp.WaitVisible(chromedp.CSS(`.cards`)),
	)
}

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	ctx := browser(t)
	// the fakes fill the feedback and digests pages for the screenshots
	h := newHarness(t, Options{Feedback: fakeStore{}, Replies: fakeStore{}, Fixed: &fixer{}, Digests: fakeStore{},
		ConfigDigests: []Digest{{ID: "morning", Schedule: "0 9 * * 1-5", Timezone: "Europe/London", Targets: []string{"slack C1"}}}})
	router := bot.NewRouter(func() bot.Engine { return h.engine.Load() }, slog.New(slog.DiscardHandler))
	ask := func(text string) string {
		return replyText(router.Handle(context.Background(), bot.Request{Platform: "console", Channel: "console", User: "curator", Text: text}))
	}
	base := h.srv.URL
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }

	t.Run("no session: the login page", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(base+"/console/figures"), chromedp.WaitVisible(css(`#token`)))
		title := read(t, ctx, chromedp.Text(css(`h1`)))
		url := read(t, ctx, chromedp.Location())
		if title != "Log in" || !strings.HasSuffix(url, "/console/login") {
			t.Errorf("without a session: %q at %s, want the login page", title, url)
		}
	})

	do(t, ctx, login(base))

	t.Run("hide a quote, and /who no longer shows it", func(t *testing.T) {
		if !strings.Contains(ask("/who natacha bouchart"), "abandoned the town") {
			t.Fatal("the quote is not in /who to begin with")
		}
		do(t, ctx,
			chromedp.Navigate(base+"/console/people"),
			chromedp.SendKeys(css(`input[name=q]`), "bouchart"),
			chromedp.Submit(css(`input[name=q]`)),
			chromedp.WaitVisible(`//a[text()="Natacha Bouchart"]`),
			chromedp.Click(`//a[text()="Natacha Bouchart"]`),
			chromedp.WaitVisible(css(`.hide-quote`)),
			chromedp.Click(`//li[contains(., "abandoned the town")]//button[@value="hide"]`),
			chromedp.WaitVisible(css(`.notice`)),
		)
		if notice := read(t, ctx, chromedp.Text(css(`.notice`))); notice != "Quote corrected." {
			t.Errorf("notice %q", notice)
		}
		if got := ask("/who natacha bouchart"); strings.Contains(got, "abandoned the town") || !strings.Contains(got, "cannot accept") {
			t.Errorf("/who after hiding:\n%s", got)
		}
		if page := read(t, ctx, chromedp.Text(css(`main`))); strings.Contains(page, "abandoned the town") {
			t.Error("the person's page still shows the hidden quote")
		}
	})

	t.Run("correct a figure's year, and /stats moves it", func(t *testing.T) {
		if !strings.Contains(ask("/stats 2015"), "3,000") || strings.Contains(ask("/stats 2014"), "3,000") {
			t.Fatal("the figure is not in 2015 to begin with")
		}
		row := `//tr[contains(., "Some 3,000 migrants")]`
		do(t, ctx,
			chromedp.Navigate(base+"/console/figures"),
			chromedp.WaitVisible(css(`svg`)),
			chromedp.SendKeys(row+`//input[@name="year"]`, "2014"),
			chromedp.Click(row+`//button[@value="correct"]`),
			chromedp.WaitVisible(css(`.notice`)),
		)
		if got := ask("/stats 2014"); !strings.Contains(got, "3,000") {
			t.Errorf("/stats 2014 after the correction:\n%s", got)
		}
		if got := ask("/stats 2015"); strings.Contains(got, "3,000") {
			t.Errorf("/stats 2015 still lists the figure:\n%s", got)
		}
	})

	t.Run("a bad CSRF token is refused", func(t *testing.T) {
		before, _ := os.ReadFile(filepath.Join(h.dir, "curation.yaml"))
		do(t, ctx,
			chromedp.Navigate(base+"/console/articles/2015/a1"),
			chromedp.WaitVisible(css(`button[value=pin]`)),
			chromedp.SetValue(css(`form.inline input[name=csrf]`), "forged"),
			chromedp.Click(css(`button[value=pin]`)),
			chromedp.WaitVisible(`//*[contains(., "did not come from the console")]`),
		)
		after, _ := os.ReadFile(filepath.Join(h.dir, "curation.yaml"))
		if string(after) != string(before) {
			t.Errorf("a refused form changed curation.yaml:\n%s", after)
		}
	})

	t.Run("screenshots", func(t *testing.T) {
		dir := screenshotDir(t)
		pages := map[string]string{
			"overview": "/console/", "people": "/console/people", "person": "/console/people/natacha-bouchart",
			"figures": "/console/figures", "articles": "/console/articles", "article": "/console/articles/2015/a1",
			"feedback": "/console/feedback", "digests": "/console/digests",
		}
		for _, size := range []struct {
			name string
			w, h int64
		}{{"desktop", 1280, 900}, {"phone", 390, 844}} {
			for name, path := range pages {
				do(t, ctx, chromedp.EmulateViewport(size.w, size.h), chromedp.Navigate(base+path), chromedp.WaitVisible(css(`main`)))
				png := read(t, ctx, chromedp.FullScreenshot(100))
				if len(png) == 0 {
					t.Fatalf("empty screenshot of %s", name)
				}
				overflow := read(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
				if overflow && size.name == "phone" {
					t.Errorf("%s scrolls sideways on a phone", name)
				}
				if err := os.WriteFile(filepath.Join(dir, name+"-"+size.name+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}
