package console

import (
	"fmt"
	"html/template"
	"strings"
)

// pages are the console's templates; each defines "content" for the layout.
var pages = []string{"login", "overview", "people", "person", "figures", "articles", "article", "feedback", "digests", "message"}

var funcs = template.FuncMap{
	// words cuts text to its first n words, for labels.
	"words": func(n int, s string) string {
		f := strings.Fields(s)
		if len(f) <= n {
			return s
		}
		return strings.Join(f[:n], " ") + " …"
	},
	"f1":  func(v float64) string { return fmt.Sprintf("%.1f", v) },
	"add": func(a, b float64) float64 { return a + b },
}

func parseTemplates() (map[string]*template.Template, error) {
	out := make(map[string]*template.Template, len(pages))
	for _, name := range pages {
		t, err := template.New(name).Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("console templates: %w", err)
		}
		out[name] = t
	}
	return out, nil
}
