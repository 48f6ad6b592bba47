package bot

import (
	"strings"
	"testing"
)

func TestParseCommand(t *testing.T) {
	tests := []struct {
		in        string
		name      string
		args      string
		wantIssue bool
	}{
		{"/who cazeneuve", CmdWho, "cazeneuve", false},
		{"who cazeneuve", CmdWho, "cazeneuve", false},
		{"Who: Cazeneuve", CmdWho, "Cazeneuve", false},
		{"who is the french interior minister?", CmdAsk, "who is the french interior minister?", false},
		{"/who is the calais mayor", CmdAsk, "who is the calais mayor", false},
		{"who replaced max jones at uk athletics?", CmdAsk, "who replaced max jones at uk athletics?", false},
		{"who said the show of unity was bad acting?", CmdAsk, "who said the show of unity was bad acting?", false},
		{"who theresa may", CmdWho, "theresa may", false},
		{"who may", CmdWho, "may", false},
		{"who natacha bouchart?", CmdWho, "natacha bouchart?", false},
		{"/brief who cazeneuve", CmdWho, "cazeneuve", false},
		{"brief /stats 2025", CmdStats, "2025", false},
		{"/stats", CmdStats, "", false},
		{"stats 2025 crossings", CmdStats, "2025 crossings", false},
		{"/sources", CmdSources, "", false},
		{"/help", CmdHelp, "", false},
		{"/brief", CmdHelp, "", false},
		{"", CmdHelp, "", false},
		{"   \t ", CmdHelp, "", false},
		{"when was the UK-France deal ratified?", CmdAsk, "when was the UK-France deal ratified?", false},
		{"<@U0BOT> who cazeneuve", CmdWho, "cazeneuve", false},
		{"<!channel> who *cazeneuve*", CmdWho, "cazeneuve", false},
		{"@everyone stats 2025", CmdStats, "2025", false},
		{"<@123456789> <@&42> what about <!here>?", CmdAsk, "what about ?", false},
		{"/digest subscribe \"0 9 * * 1\" UTC", CmdDigest, "subscribe \"0 9 * * 1\" UTC", false},
		{"see <https://example.com|the site>", CmdAsk, "see the site", false},
		{"who a\x00b", "", "", true},
		{"\xff\xfe", "", "", true},
		{strings.Repeat("a", MaxInput+1), "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in[:min(len(tt.in), 30)], func(t *testing.T) {
			got := ParseCommand(tt.in)
			if (got.Problem != "") != tt.wantIssue {
				t.Fatalf("Problem = %q, want problem %v", got.Problem, tt.wantIssue)
			}
			if tt.wantIssue {
				return
			}
			if got.Name != tt.name || got.Args != tt.args {
				t.Errorf("ParseCommand(%q) = {%q %q}, want {%q %q}", tt.in, got.Name, got.Args, tt.name, tt.args)
			}
		})
	}
}

func TestSanitizeRemovesEveryMention(t *testing.T) {
	for _, in := range []string{"@everyone", "@here", "<!channel>", "<!here>", "<!everyone>", "<@U123>", "<@!123>", "<@&123>", "<#C1|general>", "a@b", "@@everyone"} {
		if got := Sanitize("x " + in + " y"); strings.Contains(got, "@") || strings.Contains(got, "<") {
			t.Errorf("Sanitize(%q) = %q: a mention survived", in, got)
		}
	}
}

func TestParseSchedule(t *testing.T) {
	tests := []struct {
		in       string
		spec, tz string
		wantErr  string
	}{
		{"daily 09:00 Europe/London", "0 9 * * *", "Europe/London", ""},
		{"daily 9:05", "5 9 * * *", "UTC", ""},
		{"weekdays 08:30 UTC", "30 8 * * 1-5", "UTC", ""},
		{"weekly mon 09:00 Europe/Paris", "0 9 * * 1", "Europe/Paris", ""},
		{"hourly", "@hourly", "UTC", ""},
		{`"0 9 * * 1" UTC`, "0 9 * * 1", "UTC", ""},
		{`“*/30 * * * * *” America/New_York`, "*/30 * * * * *", "America/New_York", ""},
		{"", "", "", "Say when"},
		{"daily", "", "", "Give a time"},
		{"daily 25:00", "", "", "not a time of day"},
		{"weekly 09:00", "", "", "Give a day"},
		{"daily 09:00 Europe/Lodnon", "", "", "not a time zone"},
		{"daily 09:00 Local", "", "", "not a time zone"},
		{"daily 09:00 UTC extra", "", "", "only a time zone"},
		{`"0 9 * * 1`, "", "", "no closing quote"},
		{"fortnightly 09:00", "", "", "don't know the schedule"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			spec, tz, err := ParseSchedule(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to mention %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || spec != tt.spec || tz != tt.tz {
				t.Errorf("ParseSchedule(%q) = %q, %q, %v; want %q, %q", tt.in, spec, tz, err, tt.spec, tt.tz)
			}
		})
	}
}

// TestParseCommandTypos: a slash before a near miss of a command name is a
// typo with a suggestion, not a free question; without the slash, or far
// from every command, it stays a question.
func TestParseCommandTypos(t *testing.T) {
	tests := []struct {
		in, suggest string
	}{
		{"/whoo cazeneuve", "/who cazeneuve"},
		{"/hwo cazeneuve", "/who cazeneuve"},
		{"/stast 2025", "/stats 2025"},
		{"/statss 2025 crossings", "/stats 2025 crossings"},
		{"/srouces", "/sources"},
		{"/brief whoo x", "/who x"},
		{"/hlep", "/help"},
		{"/weather today", ""},
		{"whoo cazeneuve", ""},
		{"/when was the deal signed?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := ParseCommand(tt.in)
			if got.Suggest != tt.suggest {
				t.Fatalf("ParseCommand(%q).Suggest = %q, want %q", tt.in, got.Suggest, tt.suggest)
			}
			if tt.suggest != "" && got.Name != CmdHelp {
				t.Errorf("a typo routes to %q, want help", got.Name)
			}
			if tt.suggest == "" && got.Name != CmdAsk {
				t.Errorf("ParseCommand(%q).Name = %q, want a question", tt.in, got.Name)
			}
		})
	}
}
