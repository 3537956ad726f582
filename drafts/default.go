package drafts

import (
	"fmt"
	"sync"
)

// DefaultText is the built-in template; samples/intro-template.txt holds the
// same text byte for byte, as a starting point for --template.
const DefaultText = `Subject: Could you introduce me to {{or .Lead.FullName .Lead.Email}}?

Hi{{with .Introducer.FirstName}} {{.}}{{end}},

I'd love to get introduced to {{or .Lead.FullName .Lead.Email}}{{with .Lead.Company}} at {{.}}{{end}}, and you look like one of the best people on the team to ask: your connection with them is {{.Connection.Band}} (score {{score .Connection.Score}} out of 100){{with date .Connection.LastInteraction}} and you were last in touch on {{.}}{{end}}.

Would you be open to a short intro by email? I'm happy to send you a few lines you can forward.

Thanks,
{{.Owner.FirstName}}
`

// defaultName names the built-in template in messages.
const defaultName = "built-in template"

var parseDefault = sync.OnceValue(func() *Template {
	t, err := Parse(defaultName, DefaultText)
	if err != nil {
		// DefaultText is a constant checked by the tests; failing here is a
		// programming error, not a condition a caller could handle.
		panic(fmt.Errorf("parse built-in template: %w", err))
	}
	return t
})

// Default returns the parsed DefaultText.
func Default() *Template {
	return parseDefault()
}
