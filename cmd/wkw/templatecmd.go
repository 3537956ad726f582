package main

import (
	"fmt"
	"io"

	"github.com/wkw/wkw/drafts"
)

func templateCmd(args []string, stdout, stderr io.Writer) error {
	if len(args) != 2 || args[0] != "check" {
		fmt.Fprintln(stderr, "Usage: wkw template check FILE")
		return fmt.Errorf("%w: want \"template check FILE\"", errFlags)
	}
	t, err := loadTemplate(args[1])
	if err != nil {
		return err
	}
	subject, body, err := t.Render(drafts.Example())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: ok. Rendered for an example record:\n\nSubject: %s\n\n%s\n", args[1], subject, body)
	return nil
}
