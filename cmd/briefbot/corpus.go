package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/briefbot/briefbot/briefings"
)

// loadBriefingEngine loads the corpus in dir, or the embedded corpus when
// dir is empty, and logs the files it skipped. It is for commands that
// answer and exit: the search index is built only if an answer searches.
func loadBriefingEngine(dir string, log *slog.Logger) (*briefings.Engine, error) {
	return loadEngine(context.Background(), dir, briefings.LoadOptions{DeferIndex: true}, log)
}

// loadCachedEngine is loadBriefingEngine for a server: it reads and fills
// an extraction cache, and builds the search index before answering,
// kept in indexDir between starts when it is not empty. A cache that
// fails is logged and the corpus is extracted without it; an index that
// cannot be kept is logged and built in memory.
func loadCachedEngine(ctx context.Context, dir, indexDir string, cache briefings.ExtractionCache, log *slog.Logger) (*briefings.Engine, error) {
	return loadEngine(ctx, dir, briefings.LoadOptions{Cache: cache, Prune: true, IndexDir: indexDir}, log)
}

func loadEngine(ctx context.Context, dir string, o briefings.LoadOptions, log *slog.Logger) (*briefings.Engine, error) {
	var (
		e   *briefings.Engine
		err error
	)
	if dir == "" {
		e, err = briefings.DefaultWith(o)
	} else {
		fi, serr := os.Stat(dir)
		switch {
		case serr != nil:
			return nil, fmt.Errorf("corpus %s: %w", dir, serr)
		case !fi.IsDir():
			return nil, fmt.Errorf("corpus %s: not a directory", dir)
		}
		e, err = briefings.LoadWith(ctx, os.DirFS(dir), ".", o)
		if err != nil {
			err = fmt.Errorf("corpus %s: %w", dir, err)
		}
	}
	if err != nil {
		return nil, err
	}
	if s := e.LoadStats(); s.CacheErr != nil {
		log.Warn("extraction cache unavailable; extracted the corpus without it", "err", s.CacheErr)
	} else if o.Cache != nil {
		log.Info("corpus extraction", "cached", s.Cached, "extracted", s.Extracted, "rejected", s.Rejected, "pruned", s.Pruned)
	}
	if s := e.LoadStats(); s.IndexErr != nil && s.IndexOnDisk {
		log.Warn("search index kept on disk rebuilt", "dir", o.IndexDir, "err", s.IndexErr)
	} else if s.IndexErr != nil {
		log.Warn("search index not kept on disk; built in memory", "dir", o.IndexDir, "err", s.IndexErr)
	} else if s.IndexOnDisk {
		log.Info("search index kept on disk", "dir", o.IndexDir, "articles_reused", s.IndexReused, "articles", s.Articles)
	}
	for _, w := range e.Warnings() {
		log.Warn("corpus file skipped or read with a fallback", "detail", w)
	}
	for _, p := range e.Problems() {
		log.Warn("corpus file not loaded", "detail", p)
	}
	return e, nil
}

// cliLogger logs warnings and errors to stderr as text.
func cliLogger(stderr interface{ Write([]byte) (int, error) }) *slog.Logger {
	return slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// corpusNote is the /readyz note on a corpus served without some of its
// files: how many, and the first few with their problems (the log has
// them all).
func corpusNote(e *briefings.Engine) string {
	if e == nil {
		return ""
	}
	problems := e.Problems()
	if len(problems) == 0 {
		return ""
	}
	const shown = 3
	note := fmt.Sprintf("%d %s not loaded: ", len(problems), pluralWord(len(problems), "file", "files"))
	for i, p := range problems[:min(shown, len(problems))] {
		if i > 0 {
			note += " | "
		}
		if r := []rune(p); len(r) > 200 {
			p = string(r[:200]) + "…"
		}
		note += p
	}
	if len(problems) > shown {
		note += fmt.Sprintf(" | and %d more (see the log or briefbot check)", len(problems)-shown)
	}
	return note
}
