package text

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// furniture matches whole lines that are web-page leftovers, not article text.
var furniture = regexp.MustCompile(`(?i)^(skip to (main )?content|back to top|live updates|summary|share( this)?( article)?|advertisement|` +
	`member comments|log in( here)? to leave a comment\.?|become a member to leave a comment\.?|` +
	`daily newsletter.*|sign up.*newsletter.*|subscribe.*|page not found|` +
	`the content you requested does not exist.*|by [a-z .]{2,40}|date of publication:?.*|\d+ min( read)?|` +
	`read more:?|related:?.*|image caption.*|media caption.*|copyright.*|all rights reserved.*|` +
	`\([^()]{0,40}\b(afp|ap|reuters|pa|dpa|ansa|efe)\))$`)

// credit matches photo captions and credits.
var credit = regexp.MustCompile(`(?i)(^|\s|\.)(credit|photo|picture|image)s?:\s*[^.]{0,80}\.?\s*$|^[A-Z][\w .'-]{1,40}, (AFP|AP|Reuters|PA|Getty)( Images)? \|`)

// bioLead matches the first sentence of an author biography.
var bioLead = regexp.MustCompile(`^([A-Z][\p{L}'-]+ ){1,3}(is|was) an? ([\p{L} -]{0,40})?(journalist|reporter|editor|correspondent|writer|columnist|freelance)`)

// Clean turns an article body into paragraphs: page furniture, photo
// credits and a trailing author biography are dropped, and lines broken in
// the middle of a sentence are joined.
func Clean(body string) []string {
	body = strings.ReplaceAll(body, "\r\n", "\n")
	body = strings.ReplaceAll(body, "\r", "\n")
	lines := strings.Split(body, "\n")
	var paras []string
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	for _, raw := range lines {
		if strings.IndexByte(raw, '&') >= 0 {
			raw = html.UnescapeString(raw) // scraped text keeps entities: "Jos&#233;"
		}
		line := normalizeSpace(raw)
		if line == "" {
			flush()
			continue
		}
		if isFurniture(line) {
			flush()
			continue
		}
		if cur.Len() > 0 && continues(cur.String(), line) {
			cur.WriteByte(' ')
			cur.WriteString(line)
			continue
		}
		flush()
		cur.WriteString(line)
	}
	flush()
	return dropBiography(paras)
}

// maxFurnitureLine is the longest line that may be page furniture or a
// photo credit: a longer line is article text, even when it ends like a
// credit ("... photo: Reuters"), and is never dropped whole.
const maxFurnitureLine = 200

// isFurniture reports a line that is page furniture or a photo credit.
func isFurniture(line string) bool {
	return len(line) <= maxFurnitureLine && (furniture.MatchString(line) || credit.MatchString(line))
}

// continues reports whether line carries on the sentence that prev left open.
func continues(prev, line string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(first) && (unicode.IsLetter(last) || last == ',')
}

// dropBiography cuts a trailing author bio: a lone name line followed by a
// paragraph that starts "NAME is a journalist ...", or such a paragraph alone.
func dropBiography(paras []string) []string {
	for i, p := range paras {
		if i == 0 || !bioLead.MatchString(p) {
			continue
		}
		cut := i
		if prev := paras[i-1]; len(strings.Fields(prev)) <= 4 && strings.HasPrefix(p, prev) {
			cut = i - 1
		}
		if cut > 0 {
			return paras[:cut]
		}
	}
	return paras
}

// normalizeSpace turns every kind of space into one plain space and drops
// invisible and control characters.
func normalizeSpace(s string) string {
	if plainSpaced(s) {
		return s // most lines: nothing to change, nothing to allocate
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u00a0' || r == '\t' || r == '\u2009' || r == '\u202f':
			return ' '
		case r == '\u200b' || r == '\ufeff' || r == '\u00ad':
			return -1
		case r == utf8.RuneError || (unicode.IsControl(r) && r != '\n'):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// plainSpaced reports printable ASCII text with single spaces between
// words and none around them, which normalizeSpace leaves as it is.
func plainSpaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || (c == ' ' && s[i-1] == ' ') {
			return false
		}
	}
	return true
}
