package metrics

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"

	"github.com/briefbot/briefbot/bot"
)

// value reads one series from m's registry; labels are name, value pairs.
func value(t *testing.T, m *Metrics, name string, labels ...string) float64 {
	t.Helper()
	fams, err := m.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() != name {
			continue
		}
		for _, s := range f.GetMetric() {
			if !hasLabels(s, labels) {
				continue
			}
			switch {
			case s.Counter != nil:
				return s.Counter.GetValue()
			case s.Gauge != nil:
				return s.Gauge.GetValue()
			case s.Histogram != nil:
				return float64(s.Histogram.GetSampleCount())
			}
		}
	}
	return -1 // absent
}

func hasLabels(s *dto.Metric, want []string) bool {
	got := map[string]string{}
	for _, l := range s.GetLabel() {
		got[l.GetName()] = l.GetValue()
	}
	for i := 0; i+1 < len(want); i += 2 {
		if got[want[i]] != want[i+1] {
			return false
		}
	}
	return true
}

func TestRecords(t *testing.T) {
	m := New()
	m.Init("slack")
	m.Command("slack", "who", "ok", 3*time.Millisecond)
	m.Command("slack", "who", "ok", time.Millisecond)
	m.Command("discord", "ask", "notfound", time.Millisecond)
	m.PlatformError("slack", "chat.postMessage")
	m.RateLimited("discord")
	m.Refused("discord", bot.RefusedStale)
	m.Refused("discord", bot.RefusedStale)
	m.DigestPosted("morning", "slack")
	m.DigestFailed("morning", "discord")
	m.CorpusDocuments(42)
	m.CorpusReload(ReloadError)

	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"commands who", value(t, m, "briefbot_commands_total", "platform", "slack", "kind", "who", "outcome", "ok"), 2},
		{"commands ask", value(t, m, "briefbot_commands_total", "platform", "discord", "kind", "ask", "outcome", "notfound"), 1},
		{"init series at zero", value(t, m, "briefbot_commands_total", "platform", "slack", "kind", "stats", "outcome", "ok"), 0},
		{"platform errors", value(t, m, "briefbot_platform_errors_total", "platform", "slack", "op", "chat.postMessage"), 1},
		{"rate limited", value(t, m, "briefbot_platform_rate_limited_total", "platform", "discord"), 1},
		{"refused by reason", value(t, m, "briefbot_requests_refused_total", "platform", "discord", "reason", bot.RefusedStale), 2},
		{"refusals at zero", value(t, m, "briefbot_requests_refused_total", "platform", "slack", "reason", bot.RefusedBadSignature), 0},
		{"digests posted", value(t, m, "briefbot_digests_posted_total", "digest", "morning", "platform", "slack"), 1},
		{"digests failed", value(t, m, "briefbot_digests_failed_total", "digest", "morning", "platform", "discord"), 1},
		{"documents", value(t, m, "briefbot_corpus_documents"), 42},
		{"reload errors", value(t, m, "briefbot_corpus_reloads_total", "result", ReloadError), 1},
		{"reload ok", value(t, m, "briefbot_corpus_reloads_total", "result", ReloadOK), 0},
		{"latency samples", value(t, m, "briefbot_answer_duration_seconds", "platform", "slack", "kind", "who"), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestHandlerExposesNames(t *testing.T) {
	m := New()
	m.Command("console", "who", "ok", time.Millisecond)
	m.CorpusDocuments(6)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, name := range []string{
		"briefbot_commands_total", "briefbot_answer_duration_seconds_bucket", "briefbot_corpus_documents 6",
		`briefbot_corpus_reloads_total{result="ok"} 0`, "go_goroutines", "process_",
	} {
		if !strings.Contains(string(body), name) {
			t.Errorf("/metrics lacks %q", name)
		}
	}
}

func TestRegistriesAreSeparate(t *testing.T) {
	a, b := New(), New()
	a.CorpusDocuments(1)
	if got := value(t, b, "briefbot_corpus_documents"); got != 0 {
		t.Errorf("second instance sees %v", got)
	}
}
