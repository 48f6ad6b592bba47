package slack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
)

// A keyed answer is rendered once per key and generation, to the bytes a
// fresh rendering gives; an answer without a key is rendered every time.
func TestSlashCache(t *testing.T) {
	reply := func(title string) briefings.Reply {
		return briefings.Reply{Kind: briefings.KindWho, Title: title, Summary: "a <b> & c"}
	}
	answer := func(title string, key bot.AnswerKey) bot.Answer {
		return bot.Answer{Reply: reply(title), Pages: 1, Key: key}
	}
	var c slashCache
	steps := []struct {
		name   string
		answer bot.Answer
		cached bool // the bytes kept from the step before
	}{
		{"first", answer("A", bot.AnswerKey{Gen: 1, Text: "who a"}), false},
		{"again", answer("A", bot.AnswerKey{Gen: 1, Text: "who a"}), true},
		{"another key", answer("B", bot.AnswerKey{Gen: 1, Text: "who b"}), false},
		{"first key again", answer("A", bot.AnswerKey{Gen: 1, Text: "who a"}), true},
		{"a new generation", answer("A2", bot.AnswerKey{Gen: 2, Text: "who a"}), false},
		{"no key", answer("C", bot.AnswerKey{}), false},
		{"no key again", answer("C", bot.AnswerKey{}), false},
	}
	seen := map[string][]byte{}
	for _, st := range steps {
		got := c.render(st.answer)
		want, err := json.Marshal(slashMessage(st.answer))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.json, want) {
			t.Errorf("%s: %s, want %s", st.name, got.json, want)
		}
		k := st.answer.Key.Text
		prev, ok := seen[k]
		if reused := ok && k != "" && &prev[0] == &got.json[0]; reused != st.cached {
			t.Errorf("%s: reused the kept bytes: %v, want %v", st.name, reused, st.cached)
		}
		seen[k] = got.json
	}
}

// Answers rendered at once, across generations, are each their own
// answer's JSON (run with -race).
func TestSlashCacheConcurrent(t *testing.T) {
	var c slashCache
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 100 {
				gen := uint64(1 + (i+j)%2)
				a := bot.Answer{Reply: briefings.Reply{Kind: briefings.KindWho, Title: fmt.Sprint("generation ", gen)}, Pages: 1,
					Key: bot.AnswerKey{Gen: gen, Text: "who x"}}
				want, _ := json.Marshal(slashMessage(a))
				if got := c.render(a); !bytes.Equal(got.json, want) {
					t.Errorf("generation %d rendered as %s", gen, got.json)
					return
				}
			}
		})
	}
	wg.Wait()
}
