package drafts

import (
	"os"
	"testing"
)

func TestDefaultParses(t *testing.T) {
	if _, err := Parse("intro-template.txt", DefaultText); err != nil {
		t.Fatalf("Parse(DefaultText): %v", err)
	}
	if Default() == nil || Default() != Default() {
		t.Error("Default() should return one parsed template")
	}
}

func TestSampleIsDefault(t *testing.T) {
	sample, err := os.ReadFile("../samples/intro-template.txt")
	if err != nil {
		t.Fatalf("read sample: %v", err)
	}
	if string(sample) != DefaultText {
		t.Errorf("samples/intro-template.txt differs from DefaultText:\n%s", sample)
	}
}
