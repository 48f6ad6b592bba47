package main

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"testing"
	"time"
)

// TestJSONLogDurationsInMilliseconds: a duration in a JSON log line is a
// number of milliseconds under a key that says so.
func TestJSONLogDurationsInMilliseconds(t *testing.T) {
	tests := []struct {
		name string
		d    time.Duration
		want float64
	}{
		{"milliseconds", 1500 * time.Microsecond, 1.5},
		{"seconds", 2 * time.Second, 2000},
		{"zero", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			newLogger(&buf, slog.LevelInfo).Info("corpus reloaded", "took", tt.d, "documents", 3)
			var line map[string]any
			if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
				t.Fatalf("not JSON: %v: %s", err, buf.String())
			}
			if _, ok := line["took"]; ok {
				t.Errorf("the duration kept its nanosecond key: %s", buf.String())
			}
			if got, ok := line["took_ms"].(float64); !ok || got != tt.want {
				t.Errorf("took_ms = %v, want %v: %s", line["took_ms"], tt.want, buf.String())
			}
			if line["documents"] != float64(3) {
				t.Errorf("other attributes changed: %s", buf.String())
			}
		})
	}
}
