package writers

import (
	"os"
	"testing"
)

func TestScratchDump(t *testing.T) {
	os.Remove("/tmp/wkwx/sample.xlsx")
	if _, err := WriteWorkbook("/tmp/wkwx/sample.xlsx", sampleReport()); err != nil {
		t.Fatal(err)
	}
}
