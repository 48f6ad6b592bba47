//go:build tools

// Package tools pins the module's dependencies while the packages that use
// them are being written; it is never compiled into the binary.
package tools

import (
	_ "github.com/blevesearch/bleve/v2"
	_ "github.com/bwmarrin/discordgo"
	_ "github.com/gorilla/websocket"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "github.com/prometheus/client_golang/prometheus"
	_ "github.com/robfig/cron/v3"
	_ "github.com/slack-go/slack"
	_ "golang.org/x/sync/errgroup"
	_ "golang.org/x/text/unicode/norm"
	_ "gopkg.in/yaml.v3"
	_ "modernc.org/sqlite"
)
