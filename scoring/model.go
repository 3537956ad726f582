package scoring

import "math"

// Micros per day: interaction times are UTC microseconds since the epoch.
const dayMicros = 86_400_000_000

// Band names of §5.
const (
	BandStrong   = "strong"
	BandModerate = "moderate"
	BandWeak     = "weak"
)

// Decay is 0.5^(age_days/half_life_days) with age_days = (cutoff - t) / 1 day.
func Decay(cutoff, t int64, halfLifeDays float64) float64 {
	age := float64(cutoff-t) / dayMicros
	return math.Pow(0.5, age/halfLifeDays)
}

// Fanout is 1/sqrt(n): the share of attention one of n counterparts gets.
func Fanout(n int) float64 {
	return 1 / math.Sqrt(float64(n))
}

// Reciprocity is 1.0 when the tie is two-way (mail both ways, a meeting or a
// call) and 0.5 for one-way mail.
func Reciprocity(emailsSent, emailsReceived, meetings, calls int64) float64 {
	if emailsSent > 0 && emailsReceived > 0 || meetings > 0 || calls > 0 {
		return 1.0
	}
	return 0.5
}

// maxScore is the largest float64 below 100.
var maxScore = math.Nextafter(100, 0)

// Score maps a strength onto [0, 100). Past a strength of about 370,
// 1 - exp(-s/10) rounds to exactly 1 in float64; the score is then held just
// below 100 so the contract's half-open range holds.
func Score(strength float64) float64 {
	return min(100*(1-math.Exp(-strength/10)), maxScore)
}

// Band names the bracket a score falls in.
func Band(score float64) string {
	switch {
	case score >= 60:
		return BandStrong
	case score >= 25:
		return BandModerate
	default:
		return BandWeak
	}
}

// Round6 rounds half away from zero to six decimals; ranking compares
// strengths at this precision so that summation order cannot reorder them.
func Round6(x float64) float64 {
	return math.Round(x*1e6) / 1e6
}
