package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/store/storetest"
)

// TestE2ESubscribeReplay sends one signed `/digest subscribe` to two
// replicas at once, then replays it twice, as Slack retries and an admin
// double-submitting do: one subscription is stored, one answer says it was
// scheduled, and every other says it already was, naming its id.
func TestE2ESubscribeReplay(t *testing.T) {
	e2eBinary(t)
	for _, driver := range []string{store.DriverSQLite, store.DriverPostgres} {
		t.Run(driver, func(t *testing.T) {
			dir := t.TempDir()
			dsn := filepath.Join(dir, "briefbot.db")
			if driver == store.DriverPostgres {
				dsn = storetest.PostgresDSN(t)
			}
			fake := newE2EFakeSlack(t)
			var procs []*e2eProc
			for i := range 2 {
				addr := e2eFreeAddr(t)
				cfg := e2eWriteConfig(t, dir, fmt.Sprintf("replica%d.yaml", i), fmt.Sprintf(`
http:
  addr: %q
store:
  driver: %s
  dsn: %q
%s`, addr, driver, dsn, e2eSlackYAML(fake.APIURL(), "admins: [U0ADMIN]")))
				procs = append(procs, e2eStartSlack(t, fmt.Sprintf("replica%d", i), cfg, addr))
			}
			body := []byte(url.Values{
				"team_id": {"T0E2E"}, "channel_id": {"C0SUB"}, "user_id": {"U0ADMIN"},
				"command": {"/digest"}, "text": {"subscribe daily 09:00 Europe/London"},
				"response_url": {fake.ResponseURL("sub")}, "trigger_id": {"9.9.9"},
			}.Encode())
			at := time.Now()
			send := func(p *e2eProc) string {
				code, answer := e2eDo(t, e2eSlackRequest(t, p.base()+"/slack/commands", formType, body, e2eSlackSecret, at))
				if code != http.StatusOK {
					t.Errorf("%s: /digest subscribe = %d %s", p.name, code, answer)
				}
				return answer
			}
			answers := make([]string, 2)
			var wg sync.WaitGroup
			for i, p := range procs {
				wg.Add(1)
				go func() { defer wg.Done(); answers[i] = send(p) }()
			}
			wg.Wait()
			answers = append(answers, send(procs[0]), send(procs[1]))

			// An answer is inline or, when the inline one is only an
			// acknowledgement, posted to response_url.
			var all []string
			e2eEventually(10*time.Second, func() bool {
				all = append([]string(nil), answers...)
				for _, r := range fake.Responses() {
					all = append(all, r.all())
				}
				n := 0
				for _, a := range all {
					if strings.Contains(a, "ubscribed") || strings.Contains(a, "scheduled") {
						n++
					}
				}
				return n >= 4
			})
			joined := strings.Join(all, "\n")
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			st, err := store.Open(ctx, driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			subs, err := st.ChannelSubscriptions(ctx, store.Target{Platform: "slack", Channel: "C0SUB"})
			if err != nil || len(subs) != 1 {
				t.Fatalf("%d subscriptions stored (%v), want 1: %+v\nanswers:\n%s\n%s", len(subs), err, subs, joined, e2eTails(procs...))
			}
			scheduled, already := 0, 0
			for _, a := range all {
				switch {
				case strings.Contains(a, "Digest scheduled") && strings.Contains(a, subs[0].ID):
					scheduled++
				case strings.Contains(a, "already subscribed to schedule") && strings.Contains(a, subs[0].ID):
					already++
				}
			}
			if scheduled != 1 || already != 3 {
				t.Errorf("%d answers say scheduled and %d already subscribed as %s, want 1 and 3:\n%s", scheduled, already, subs[0].ID, joined)
			}
		})
	}
}
