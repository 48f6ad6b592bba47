package slack

import (
	"os"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestManifestAsksLeastScopes reads the app manifest shipped with the
// repository: it asks for exactly the bot scopes the adapter uses, and
// subscribes to the events it answers.
func TestManifestAsksLeastScopes(t *testing.T) {
	raw, err := os.ReadFile("../../slack-manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		OAuth struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				Bot []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
		} `yaml:"settings"`
	}
	if err := yaml.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want []string
	}{
		// commands: slash commands; chat:write: chat.postMessage;
		// app_mentions:read and im:history: the two events below.
		{"bot scopes", m.OAuth.Scopes.Bot, []string{"app_mentions:read", "chat:write", "commands", "im:history"}},
		{"bot events", m.Settings.Events.Bot, []string{"app_mention", "message.im"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Sorted(slices.Values(tt.got))
			if !slices.Equal(got, tt.want) {
				t.Errorf("manifest has %v, want exactly %v", got, tt.want)
			}
		})
	}
}
