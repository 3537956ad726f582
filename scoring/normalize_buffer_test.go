package scoring

import "testing"

// Directory.normalize is Normalize without allocating; it must agree with it
// on every input, ASCII or not.
func FuzzNormalizeBuffer(f *testing.F) {
	for _, s := range []string{"", " Ann <ANN@X.Example> ", "ÅSA@x.example", "a\u00a0<B@C.D>", "<>", "x>", "İ@x.example", "a<b<C@D.E>", "\xff@x.example"} {
		f.Add(s)
	}
	d := &Directory{}
	f.Fuzz(func(t *testing.T, raw string) {
		if got, want := string(d.normalize(raw)), Normalize(raw); got != want {
			t.Errorf("normalize(%q) = %q, Normalize = %q", raw, got, want)
		}
	})
}
