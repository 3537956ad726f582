package scoring_test

import (
	"fmt"

	"github.com/wkw/wkw/scoring"
)

func ExampleNormalize() {
	for _, raw := range []string{
		"  Ann Lee <Ann.Lee@Brightlane.EXAMPLE>\u00a0",
		"Sales <team@old.example> <Sales@Brightlane.example>",
		"ann@brightlane",
	} {
		a := scoring.Normalize(raw)
		fmt.Printf("%q valid=%v\n", a, scoring.Valid(a))
	}
	// Output:
	// "ann.lee@brightlane.example" valid=true
	// "sales@brightlane.example" valid=true
	// "ann@brightlane" valid=false
}

func ExampleScore() {
	// One email to a single recipient today weighs 1; one-way mail halves it.
	for _, strength := range []float64{0.5, 3, 10, 30} {
		score := scoring.Score(strength)
		fmt.Printf("strength %5.2f: score %6.2f %s\n", strength, score, scoring.Band(score))
	}
	// Output:
	// strength  0.50: score   4.88 weak
	// strength  3.00: score  25.92 moderate
	// strength 10.00: score  63.21 strong
	// strength 30.00: score  95.02 strong
}
