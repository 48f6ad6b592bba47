package console

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/briefings"
)

// Chart geometry, in SVG user units; the SVG scales to the page's width.
const (
	chartW, chartH             = 640, 240
	padLeft, padRight          = 64, 16
	padTop, padBottom          = 16, 32
	maxChartYears, maxYTickNum = 40, 5
)

// chart is one measure's figures over the years, drawn as points (one per
// figure, each linked to its article) and a line through each year's
// highest value.
type chart struct {
	Title, Unit   string
	Width, Height int
	Points        []point
	Line          string // polyline points
	XTicks        []tick
	YTicks        []tick
	Bottom, Left  float64
	Right         float64
}

type point struct {
	X, Y  float64
	Title string // the figure, its year and sentence: shown on hover
	Href  string // the article
}

type tick struct {
	Pos    float64
	Label  string
	Anchor string // text-anchor: the outer year labels stay inside the chart
}

// charts draws the n measures with the most figures that span two years
// or more.
func charts(figs []briefings.FigureView, n int) []chart {
	type group struct {
		title, unit string
		figs        []briefings.FigureView
		years       map[int]bool
	}
	groups := map[string]*group{}
	var order []string
	for _, f := range figs {
		if f.Year == 0 || f.Measure == "" || math.IsNaN(f.Number) || math.IsInf(f.Number, 0) {
			continue
		}
		k := f.Measure + "|" + f.Unit
		g := groups[k]
		if g == nil {
			g = &group{title: f.Counts, unit: f.Unit, years: map[int]bool{}}
			groups[k] = g
			order = append(order, k)
		}
		g.figs = append(g.figs, f)
		g.years[f.Year] = true
	}
	sort.SliceStable(order, func(i, j int) bool { return len(groups[order[i]].figs) > len(groups[order[j]].figs) })
	var out []chart
	for _, k := range order {
		g := groups[k]
		if len(g.years) < 2 || len(g.years) > maxChartYears {
			continue
		}
		out = append(out, draw(g.title, g.unit, g.figs))
		if len(out) == n {
			break
		}
	}
	return out
}

func draw(title, unit string, figs []briefings.FigureView) chart {
	c := chart{Title: strings.ToUpper(title[:1]) + title[1:], Unit: unit, Width: chartW, Height: chartH,
		Bottom: chartH - padBottom, Left: padLeft, Right: chartW - padRight}
	minY, maxY := figs[0].Year, figs[0].Year
	top := 0.0
	for _, f := range figs {
		minY, maxY = min(minY, f.Year), max(maxY, f.Year)
		top = max(top, f.Number)
	}
	top = niceCeil(top)
	x := func(year int) float64 {
		return padLeft + float64(year-minY)/float64(max(maxY-minY, 1))*float64(chartW-padLeft-padRight)
	}
	y := func(v float64) float64 {
		if top <= 0 {
			return float64(chartH - padBottom)
		}
		return float64(chartH-padBottom) - v/top*float64(chartH-padTop-padBottom)
	}
	best := map[int]float64{}
	for _, f := range figs {
		c.Points = append(c.Points, point{X: x(f.Year), Y: y(f.Number), Href: prefix + "articles/" + f.DocID,
			Title: fmt.Sprintf("%d: %s (%s, %s): %s", f.Year, f.Value, f.DocID, f.Date, f.Sentence)})
		best[f.Year] = max(best[f.Year], f.Number)
	}
	years := make([]int, 0, len(best))
	for yr := range best {
		years = append(years, yr)
	}
	sort.Ints(years)
	var line []string
	for _, yr := range years {
		line = append(line, fmt.Sprintf("%.1f,%.1f", x(yr), y(best[yr])))
	}
	c.Line = strings.Join(line, " ")
	step := max(1, (maxY-minY+1)/8)
	for yr := minY; yr <= maxY; yr += step {
		anchor := "middle"
		switch {
		case yr == minY:
			anchor = "start"
		case yr+step > maxY && yr == maxY:
			anchor = "end"
		}
		c.XTicks = append(c.XTicks, tick{Pos: x(yr), Label: strconv.Itoa(yr), Anchor: anchor})
	}
	for i := 0; i <= maxYTickNum; i++ {
		v := top * float64(i) / maxYTickNum
		c.YTicks = append(c.YTicks, tick{Pos: y(v), Label: short(v)})
	}
	return c
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// short writes an axis value: 1.2k, 3m, 15.
func short(v float64) string {
	switch {
	case v >= 1e9:
		return strconv.FormatFloat(v/1e9, 'g', 3, 64) + "bn"
	case v >= 1e6:
		return strconv.FormatFloat(v/1e6, 'g', 3, 64) + "m"
	case v >= 1e3:
		return strconv.FormatFloat(v/1e3, 'g', 3, 64) + "k"
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}
