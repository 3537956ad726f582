package scoring

import (
	"math"
	"testing"
)

func TestDecay(t *testing.T) {
	tests := []struct {
		name string
		t    int64
		want float64
	}{
		{"age 0", cutoff, 1},
		{"age 45 days, a half-life and a half", ago(45), math.Pow(0.5, 45.0/30)}, // = 1/(2*sqrt 2)
		{"age 90 days, three half-lives", ago(90), 0.125},                        // 0.5^3
		{"age half a day", cutoff - dayMicros/2, math.Pow(0.5, 0.5/30)},
		{"age one microsecond", cutoff - 1, math.Pow(0.5, (1.0/86_400_000_000)/30)},
	}
	for _, tt := range tests {
		approx(t, "Decay "+tt.name, Decay(cutoff, tt.t, 30), tt.want)
	}
	approx(t, "Decay at 45 days as 1/(2 sqrt 2)", Decay(cutoff, ago(45), 30), 1/(2*math.Sqrt2))
}

func TestFanout(t *testing.T) {
	tests := []struct {
		n    int
		want float64
	}{
		{1, 1},
		{2, 1 / math.Sqrt2},
		{4, 0.5},
		{50, 1 / math.Sqrt(50)},
	}
	for _, tt := range tests {
		approx(t, "Fanout", Fanout(tt.n), tt.want)
	}
}

func TestReciprocity(t *testing.T) {
	tests := []struct {
		name                           string
		sent, received, meetings, call int64
		want                           float64
	}{
		{"one-way sent", 3, 0, 0, 0, 0.5},
		{"one-way received", 0, 2, 0, 0, 0.5},
		{"mail both ways", 1, 1, 0, 0, 1},
		{"meeting only", 0, 0, 1, 0, 1},
		{"call only", 0, 0, 0, 1, 1},
		{"sent and a meeting", 4, 0, 1, 0, 1},
		{"received and a call", 0, 4, 0, 2, 1},
	}
	for _, tt := range tests {
		if got := Reciprocity(tt.sent, tt.received, tt.meetings, tt.call); got != tt.want {
			t.Errorf("Reciprocity %s = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		strength, want float64
	}{
		{0, 0},
		{1, 100 * (1 - math.Exp(-0.1))},
		{10, 100 * (1 - 1/math.E)},
		{-10 * math.Log(0.75), 25}, // exp(ln 0.75) = 0.75
		{-10 * math.Log(0.4), 60},  // exp(ln 0.4) = 0.4
	}
	for _, tt := range tests {
		approx(t, "Score", Score(tt.strength), tt.want)
	}
}

func TestBand(t *testing.T) {
	tests := []struct {
		score float64
		want  string
	}{
		{0, BandWeak},
		{math.Nextafter(25, 0), BandWeak},
		{25, BandModerate},
		{math.Nextafter(60, 0), BandModerate},
		{60, BandStrong},
		{99.99, BandStrong},
	}
	for _, tt := range tests {
		if got := Band(tt.score); got != tt.want {
			t.Errorf("Band(%.17g) = %q, want %q", tt.score, got, tt.want)
		}
	}
}

// TestBandAroundStrengthBoundaries goes through Score, as the product does:
// the strengths whose exact score is 25 or 60 sit on the boundary, and a
// part in a billion either side must land in the neighbouring bands.
func TestBandAroundStrengthBoundaries(t *testing.T) {
	tests := []struct {
		boundary     float64 // strength whose score is exactly the band's lower edge
		below, above string
	}{
		{-10 * math.Log(0.75), BandWeak, BandModerate},
		{-10 * math.Log(0.4), BandModerate, BandStrong},
	}
	for _, tt := range tests {
		if got := Band(Score(tt.boundary * (1 - 1e-9))); got != tt.below {
			t.Errorf("Band(Score(%.17g - 1e-9 rel)) = %q, want %q", tt.boundary, got, tt.below)
		}
		if got := Band(Score(tt.boundary * (1 + 1e-9))); got != tt.above {
			t.Errorf("Band(Score(%.17g + 1e-9 rel)) = %q, want %q", tt.boundary, got, tt.above)
		}
	}
}

func TestRound6(t *testing.T) {
	tests := []struct {
		x, want float64
		half    bool // x*1e6 is exactly k+0.5 in float64, so the tie rule decides
	}{
		{0, 0, false},
		{1.0000004, 1, false},
		{1.0000006, 1.000001, false},
		{2.5e-6, 3e-6, true},        // ties-to-even would give 2e-6
		{-2.5e-6, -3e-6, true},      // away from zero on the negative side too
		{0.1234565, 0.123457, true}, // ties-to-even would give 0.123456
		{2.0000005, 2.000001, true}, // ties-to-even would give 2
		{-2.0000005, -2.000001, true},
	}
	for _, tt := range tests {
		if scaled := tt.x * 1e6; tt.half && scaled-math.Floor(scaled) != 0.5 {
			t.Fatalf("test premise: %v*1e6 = %.17g is not an exact half", tt.x, scaled)
		}
		if got := Round6(tt.x); got != tt.want {
			t.Errorf("Round6(%v) = %.17g, want %.17g", tt.x, got, tt.want)
		}
	}
}

// Past a strength of about 370 the formula rounds to exactly 100 in float64;
// the score stays inside the contract's [0, 100).
func TestScoreStaysBelow100(t *testing.T) {
	for _, s := range []float64{374.3, 1000, 1e9, math.Inf(1)} {
		if got := Score(s); !(got < 100) || got < 99.99999999999998 {
			t.Errorf("Score(%v) = %v, want just below 100", s, got)
		}
	}
}
