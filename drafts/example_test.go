package drafts_test

import (
	"fmt"

	"github.com/wkw/wkw/drafts"
)

func ExampleDefault() {
	subject, body, err := drafts.Default().Render(drafts.Example())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(subject)
	fmt.Println("---")
	fmt.Println(body)
	// Output:
	// Could you introduce me to Ann Lee?
	// ---
	// Hi Bob,
	//
	// I'd love to get introduced to Ann Lee at Acme Corp, and you look like one of the best people on the team to ask: your connection with them is strong (score 72.5 out of 100) and you were last in touch on 3 March 2025.
	//
	// Would you be open to a short intro by email? I'm happy to send you a few lines you can forward.
	//
	// Thanks,
	// Carol
}

func ExampleParse() {
	text := "Subject: Intro to {{.Lead.FullName}}\n" +
		"\n" +
		"Hi {{.Introducer.FirstName}}, could you introduce me? {{.Owner.Phone}}\n"
	_, err := drafts.Parse("intro.txt", text)
	fmt.Println(err)
	// Output:
	// bad template: intro.txt line 3: unknown field .Owner.Phone: Person has no field or method Phone (it has FullName, FirstName, Email, Title)
}

func ExampleTemplate_Render() {
	tmpl, err := drafts.Parse("short.txt",
		"Subject: Intro to {{or .Lead.FullName .Lead.Email}}?\n\n"+
			"Hi {{.Introducer.FirstName}}, you last spoke on {{date .Connection.LastInteraction}}.\n"+
			"{{.Owner.FirstName}}\n")
	if err != nil {
		fmt.Println(err)
		return
	}
	d := drafts.Example()
	d.Lead.FullName = ""
	subject, body, err := tmpl.Render(d)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q\n%q\n", subject, body)
	// Output:
	// "Intro to ann.lee@acme.example?"
	// "Hi Bob, you last spoke on 3 March 2025.\nCarol"
}

func ExampleMailto() {
	fmt.Println(drafts.Mailto("bob@wkw.example", "Intro to Ann?", "Hi Bob,\nthanks!"))
	// Output:
	// mailto:bob@wkw.example?subject=Intro%20to%20Ann%3F&body=Hi%20Bob%2C%0D%0Athanks%21
}

func ExampleFirstName() {
	fmt.Println(drafts.FirstName("", "Ann Lee", "ann@acme.example"))
	fmt.Println(drafts.FirstName(" ", "", "ann.lee@acme.example"))
	// Output:
	// Ann
	// ann.lee
}
