// Package metrics owns briefbot's Prometheus metrics: a private registry
// (never the global one, so tests and several instances stay apart), the
// collectors, and the observer methods the router, the scheduler and the
// corpus reloader call. /metrics serves Handler.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/briefbot/briefbot/bot"
)

const namespace = "briefbot"

// Metrics records what the bot does. It is safe for concurrent use.
type Metrics struct {
	reg *prometheus.Registry

	commands       *prometheus.CounterVec
	answerLatency  *prometheus.HistogramVec
	digestsPosted  *prometheus.CounterVec
	digestsFailed  *prometheus.CounterVec
	platformErrors *prometheus.CounterVec
	rateLimited    *prometheus.CounterVec
	feedback       *prometheus.CounterVec
	refused        *prometheus.CounterVec
	corpusDocs     prometheus.Gauge
	corpusReloads  *prometheus.CounterVec
}

var _ bot.Observer = (*Metrics)(nil)

// New returns metrics on a fresh registry, with the Go runtime and process
// collectors.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		commands: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "commands_total",
			Help: "Commands answered, by platform, command kind and outcome (ok, notfound, error).",
		}, []string{"platform", "kind", "outcome"}),
		answerLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "answer_duration_seconds",
			Help: "Time to build an answer, by platform and command kind.",
			// Answers take microseconds to tens of milliseconds; the top
			// buckets catch a stalled store or a slow digest preview.
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"platform", "kind"}),
		digestsPosted: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "digests_posted_total",
			Help: "Scheduled digests posted, by digest id and platform.",
		}, []string{"digest", "platform"}),
		digestsFailed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "digests_failed_total",
			Help: "Scheduled digests that could not be posted after retries, by digest id and platform.",
		}, []string{"digest", "platform"}),
		platformErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "platform_errors_total",
			Help: "Failed calls to a platform API, by platform and operation.",
		}, []string{"platform", "op"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "platform_rate_limited_total",
			Help: "HTTP 429 responses from a platform API, by platform.",
		}, []string{"platform"}),
		feedback: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "feedback_votes_total",
			Help: "Votes on answers, by platform and vote (up, down).",
		}, []string{"platform", "vote"}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "requests_refused_total",
			Help: "HTTP requests a platform endpoint refused before answering, by platform and reason (bad_signature, stale, too_large, ...).",
		}, []string{"platform", "reason"}),
		corpusDocs: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: namespace, Name: "corpus_documents",
			Help: "Documents in the corpus being served.",
		}),
		corpusReloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "corpus_reloads_total",
			Help: "Corpus reloads after a change on disk, by result (ok, error).",
		}, []string{"result"}),
	}
	m.reg.MustRegister(
		m.commands, m.answerLatency, m.digestsPosted, m.digestsFailed,
		m.platformErrors, m.rateLimited, m.feedback, m.refused, m.corpusDocs, m.corpusReloads,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	for _, r := range []string{ReloadOK, ReloadError} {
		m.corpusReloads.WithLabelValues(r)
	}
	return m
}

// Registry is the private registry, for tests and extra collectors.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the registry in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// commandKinds are the kinds the router reports (bot.Cmd* and "invalid").
var commandKinds = []string{bot.CmdWho, bot.CmdStats, bot.CmdAsk, bot.CmdSources, bot.CmdDigest, bot.CmdHelp, bot.CmdFeedback}

// Init creates the series for the platforms that run, at zero, so a
// dashboard sees them (and rate() works) before the first command.
func (m *Metrics) Init(platforms ...string) {
	for _, p := range platforms {
		for _, k := range commandKinds {
			m.commands.WithLabelValues(p, k, "ok")
		}
		m.rateLimited.WithLabelValues(p)
		m.feedback.WithLabelValues(p, "up")
		m.feedback.WithLabelValues(p, "down")
		for _, r := range []string{bot.RefusedBadSignature, bot.RefusedStale} {
			m.refused.WithLabelValues(p, r)
		}
	}
}

// InitDigest creates a digest's posted and failed series at zero.
func (m *Metrics) InitDigest(id string, platforms ...string) {
	for _, p := range platforms {
		m.digestsPosted.WithLabelValues(id, p)
		m.digestsFailed.WithLabelValues(id, p)
	}
}

// Command implements bot.Observer.
func (m *Metrics) Command(platform, kind, outcome string, took time.Duration) {
	m.commands.WithLabelValues(platform, kind, outcome).Inc()
	m.answerLatency.WithLabelValues(platform, kind).Observe(took.Seconds())
}

// PlatformError implements bot.Observer.
func (m *Metrics) PlatformError(platform, op string) {
	m.platformErrors.WithLabelValues(platform, op).Inc()
}

// RateLimited implements bot.Observer.
func (m *Metrics) RateLimited(platform string) {
	m.rateLimited.WithLabelValues(platform).Inc()
}

// Feedback implements bot.Observer.
func (m *Metrics) Feedback(platform, vote string) {
	m.feedback.WithLabelValues(platform, vote).Inc()
}

// Refused implements bot.Observer.
func (m *Metrics) Refused(platform, reason string) {
	m.refused.WithLabelValues(platform, reason).Inc()
}

// DigestPosted records a digest posted to a target on platform.
func (m *Metrics) DigestPosted(digest, platform string) {
	m.digestsPosted.WithLabelValues(digest, platform).Inc()
}

// DigestFailed records a digest that could not be posted after retries.
func (m *Metrics) DigestFailed(digest, platform string) {
	m.digestsFailed.WithLabelValues(digest, platform).Inc()
}

// Reload results.
const (
	ReloadOK    = "ok"
	ReloadError = "error"
)

// CorpusDocuments sets the number of documents being served.
func (m *Metrics) CorpusDocuments(n int) { m.corpusDocs.Set(float64(n)) }

// CorpusProblems exports, as a gauge, how many corpus files the served
// engine left out because of what they hold; n is read at each scrape.
func (m *Metrics) CorpusProblems(n func() int) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: namespace, Name: "corpus_files_not_loaded",
		Help: "Corpus files left out because of a problem in them (a bad front-matter value); briefbot check lists them.",
	}, func() float64 { return float64(n()) }))
}

// CorpusReload records a reload attempt: ReloadOK or ReloadError.
func (m *Metrics) CorpusReload(result string) { m.corpusReloads.WithLabelValues(result).Inc() }
