package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestBrokenExportsDoNotPassQuietly(t *testing.T) {
	t.Run("no emails", func(t *testing.T) {
		f := smallOrg()
		f.emails = []emailIn{}
		_, err := Run(context.Background(), options(t, f.write(t), t.TempDir()))
		if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), "emails table") || !strings.Contains(err.Error(), "has no rows") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("too many emails without a time", func(t *testing.T) {
		f := smallOrg()
		// 5 of the 5 messages after merging m3 have lost sent_at: 100% > 20%.
		for i := range f.emails {
			f.emails[i].SentAt = nil
		}
		_, err := Run(context.Background(), options(t, f.write(t), t.TempDir()))
		if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), "100.0% of emails") || !strings.Contains(err.Error(), "--max-reject-fraction") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("a limit of 1 lets it through", func(t *testing.T) {
		f := smallOrg()
		f.emails[0].SentAt = nil
		o := options(t, f.write(t), t.TempDir())
		o.MaxRejectFraction = 1
		man := mustRun(t, o)
		// m1 lost its time: 1 of 5 emails (m3's two rows are one message).
		if q := man.Quality; q.EmailsSeen != 5 || q.EmailsRejected != 0.2 {
			t.Errorf("quality = %+v", q)
		}
	})
	t.Run("exactly at the limit passes", func(t *testing.T) {
		f := smallOrg()
		f.emails[0].SentAt = nil // 1 of 5 = 0.2, not more than 0.2
		mustRun(t, options(t, f.write(t), t.TempDir()))
	})
}
