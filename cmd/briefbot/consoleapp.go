package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"

	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/briefings/curation"
	"github.com/briefbot/briefbot/internal/config"
	"github.com/briefbot/briefbot/internal/console"
	"github.com/briefbot/briefbot/internal/metrics"
	"github.com/briefbot/briefbot/internal/reload"
	"github.com/briefbot/briefbot/internal/store"
)

// newConsole builds the curator console: it reads the engine being served,
// the store's feedback and digest runs, and writes corrections to the
// corpus directory's curation file, reloading the corpus after each.
func newConsole(cfg *config.Config, holder *reload.Holder, st *store.Store, log *slog.Logger, m *metrics.Metrics) (*console.Console, error) {
	o := console.Options{
		Token:    cfg.Console.Token,
		Engine:   holder.Current,
		Feedback: st,
		Replies:  st,
		Fixed:    st,
		Digests:  st,
		Log:      log,
	}
	for _, d := range cfg.Digests {
		cd := console.Digest{ID: d.ID, Schedule: d.Schedule, Timezone: d.Timezone}
		for _, t := range d.Targets {
			cd.Targets = append(cd.Targets, t.Platform+" "+t.Channel)
		}
		o.ConfigDigests = append(o.ConfigDigests, cd)
	}
	if dir := cfg.Corpus.Dir; dir != "" {
		o.CurationFile = filepath.Join(dir, curation.FileName)
		var mu sync.Mutex // one console reload at a time
		o.Reload = func() error {
			mu.Lock()
			defer mu.Unlock()
			// the articles did not change: their extraction is reused
			// from the engine being served, and only curation applies anew
			e, err := briefings.LoadWith(context.Background(), os.DirFS(dir), ".", briefings.LoadOptions{Cache: st, Previous: holder.Current()})
			if err != nil {
				return fmt.Errorf("corpus %s: %w", dir, err)
			}
			for _, w := range e.Warnings() {
				log.Warn("corpus file skipped or read with a fallback, or a curation entry unmatched", "detail", w)
			}
			holder.Swap(e)
			m.CorpusDocuments(e.Counts().Documents)
			log.Info("corpus reloaded after a curator's correction", "documents", e.Counts().Documents)
			return nil
		}
	}
	return console.New(o)
}
