// Package corpus holds the default corpus embedded in the binary: news
// articles on the Calais / English Channel migrant crossings (2014–2025),
// one article per file with YAML front matter, the articles' words kept
// verbatim and only page furniture cut.
package corpus

import "embed"

// FS holds the articles at its root.
//
//go:embed *.md
var FS embed.FS

// Extractions is what the engine's extractors find in FS's articles,
// prepared by go generate in the briefings package so that serving this
// corpus starts without extracting it; a test there checks it is fresh.
//
//go:embed extractions.dat
var Extractions []byte
