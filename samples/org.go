package samples

import "time"

// Colleagues' normalised addresses, named so the story reads like a memo.
const (
	dana   = "dana.ortiz@brightlane.example"
	sam    = "sam.patel@brightlane.example"
	lena   = "lena.fischer@brightlane.example"
	marco  = "marco.rossi@brightlane.example"
	aiko   = "aiko.tanaka@brightlane.example"
	priya  = "priya.nair@brightlane.example"
	tom    = "tom.becker@brightlane.example"
	grace  = "grace.kim@brightlane.example"
	omar   = "omar.haddad@brightlane.example"
	helen  = "helen.park@brightlane.example"
	victor = "victor.lindqvist@brightlane.example"
	nina   = "nina.kowalski@brightlane.example"
	raj    = "raj.mehta@brightlane.example"
	olivia = "olivia.chen@brightlane.example"
	felix  = "felix.wagner@brightlane.example"
	chris  = "chris.doyle@brightlane.example"
	jo     = "jo.brennan@brightlane.example"
	ava    = "ava.lindgren@brightlane.example"
	isaac  = "isaac.moreau@brightlane.example"
	sofia  = "sofia.greco@brightlane.example"
	daniel = "daniel.weiss@brightlane.example"
	emma   = "emma.lund@brightlane.example"
	kofi   = "kofi.mensah@brightlane.example"
	laura  = "laura.vidal@brightlane.example"
	noah   = "noah.schmidt@brightlane.example"
	mei    = "mei.lin@brightlane.example"
	paulo  = "paulo.costa@brightlane.example"
	yusuf  = "yusuf.demir@brightlane.example"
	hannah = "hannah.berg@brightlane.example"

	// newsletter is internal by domain (a subdomain of brightlane.example)
	// but belongs to no user, so its mail ties nobody to anybody.
	newsletter = "newsletter@news.brightlane.example"
)

// Leads' and contacts' normalised addresses.
const (
	maria  = "maria.santos@northwind.example"
	ben    = "ben.ashworth@contoso.example"
	zoe    = "zoe.angstrom@fabrikam.example"
	eve    = "eve.mallory@tailspin.example"
	quinn  = "quinn.harper@globex.example"
	ruth   = "ruth.adeyemi@initech.example"
	hugo   = "hugo.marchetti@wingtip.example"
	sven   = "sven.olsen@woodgrove.example"
	keiko  = "keiko.mori@litware.example"
	ivan   = "ivan.petrov@adatum.example"
	jordan = "jordan.blake@adatum" // no top-level domain: invalid
	kenji  = "kenji.watanabe@proseware.example"
	lucia  = "lucia.ferraro@relecloud.example"
	alex   = "alex.rivera@mailbox.example"
	olga   = "olga.ivanova@coho.example"
	pablo  = "pablo.ruiz@treyresearch.example"
	nadia  = "nadia.rahman@blueyonder.example"
	felipe = "felipe.castro@fourthcoffee.example"
)

const (
	salesperson     = "Salesperson"
	salesManager    = "Sales Manager"
	customerSuccess = "Customer Success"
	engineer        = "Engineer"
	executive       = "Executive"
	marketing       = "Marketing"
)

func user(id, email, full, first, title string, roles ...string) userRow {
	u := userRow{UserID: id, Email: email, FullName: full, Roles: roles}
	if first != "" {
		u.FirstName = ptr(first)
	}
	if title != "" {
		u.Title = ptr(title)
	}
	if u.Roles == nil {
		u.Roles = []string{}
	}
	return u
}

func users() []userRow {
	us := []userRow{
		// Display-name form and upper case: normalises to dana.ortiz@brightlane.example.
		user("u001", "Dana Ortiz <Dana.Ortiz@Brightlane.example>", "Dana Ortiz", "Dana", "Head of Sales", salesManager),
		user("u002", sam, "Sam Patel", "Sam", "Account Executive", salesperson),
		user("u003", lena, "Lena Fischer", "Lena", "Account Executive", salesperson),
		// Role spelled loosely: roles compare case-insensitively after trimming.
		user("u004", marco, "Marco Rossi", "Marco", "Account Executive", " salesperson "),
		user("u005", aiko, "Aiko Tanaka", "Aiko", "Regional Sales Lead", salesperson, salesManager),
		user("u006", priya, "Priya Nair", "Priya", "Customer Success Manager", customerSuccess),
		user("u007", tom, "Tom Becker", "Tom", "Customer Success Manager", customerSuccess),
		// Engineer only: owns ivan's record, so its drafts are skipped.
		user("u008", grace, "Grace Kim", "Grace", "Solutions Engineer", engineer),
		user("u009", omar, "Omar Haddad", "Omar", "Staff Engineer", engineer),
		user("u010", helen, "Helen Park", "Helen", "Chief Executive Officer", executive),
		user("u011", victor, "Victor Lindqvist", "Victor", "Chief Revenue Officer", executive, salesManager),
		user("u012", nina, "Nina Kowalski", "Nina", "Marketing Manager", marketing),
		user("u013", raj, "Raj Mehta", "Raj", "Product Marketing Manager", marketing),
		// Opted out (see optOuts): strongest tie to sven, owner of hugo's record.
		user("u014", olivia, "Olivia Chen", "Olivia", "Senior Account Executive", salesperson),
		user("u015", felix, "Felix Wagner", "Felix", "Account Executive", salesperson),
		// No roles and no first name: still a contributor, since no
		// --contributor-roles is given; FirstName falls back to "Chris".
		user("u016", chris, "Chris Doyle", "", "Office Manager"),
		user("u017", jo, "Jo Brennan", "Jo", "Customer Success Manager", customerSuccess),
		user("u018", ava, "Ava Lindgren", "Ava", "Customer Success Manager", customerSuccess),
		user("u019", isaac, "Isaac Moreau", "Isaac", "Software Engineer", engineer),
		user("u020", sofia, "Sofia Greco", "", "Account Executive", salesperson),
		user("u021", daniel, "Daniel Weiss", "Daniel", "Software Engineer", engineer),
		user("u022", emma, "Emma Lund", "Emma", "Field Marketing Manager", marketing),
		user("u023", kofi, "Kofi Mensah", "Kofi", "Customer Success Manager", customerSuccess),
		user("u024", laura, "Laura Vidal", "Laura", "Chief Financial Officer", executive),
		user("u025", noah, "Noah Schmidt", "Noah", "", engineer),
		user("u026", mei, "Mei Lin", "Mei", "Account Executive", salesperson),
		user("u027", paulo, "Paulo Costa", "Paulo", "Sales Manager", salesManager),
		user("u028", yusuf, "Yusuf Demir", "Yusuf", "Support Engineer", engineer),
		// Same address as u017 in another case: u017, the smaller user_id,
		// owns it and this row is ignored and counted.
		user("u029", "JO.BRENNAN@BRIGHTLANE.EXAMPLE", "Joanne Brennan", "Joanne", "Customer Success Manager", customerSuccess),
		user("u030", hannah, "Hannah Berg", "Hannah", "Events Manager", marketing),
	}
	for i := range us {
		switch us[i].UserID {
		case "u015":
			us[i].IsDisabled = ptr(true) // Felix left; his mailbox was still exported
		case "u002":
			us[i].IsDisabled = ptr(false) // an explicit false among the nulls
		}
	}
	return us
}

func lead(id, typ, email, full, company, owner string) leadRow {
	l := leadRow{RecordID: id, RecordType: typ, Email: email, FullName: full}
	if company != "" {
		l.Company = ptr(company)
	}
	if owner != "" {
		l.OwnerUserID = ptr(owner)
	}
	return l
}

func leads() []leadRow {
	return []leadRow{
		lead("L01", "lead", "Maria Santos <Maria.Santos@Northwind.example>", "Maria Santos", "Northwind Traders", "u002"),
		lead("L02", "lead", ben, "Ben Ashworth", "Contoso", "u003"),
		lead("L03", "lead", zoe, "Zoë Ångström", "Fabrikam", "u004"),
		lead("L04", "lead", eve, `=HYPERLINK("http://x","y")`, "Tailspin Toys", "u005"),
		lead("L05", "lead", quinn, "Quinn Harper", "Globex", "u002"),
		lead("L06", "lead", ruth, "Ruth Adeyemi", "", ""),
		lead("L07", "contact", hugo, "Hugo Marchetti", "Wingtip Toys", "u014"),
		lead("L08", "lead", sven, "Sven Olsen", "Woodgrove Bank", "u002"),
		lead("L09", "lead", keiko, "Keiko Mori", "Litware", "u020"),
		lead("L10", "contact", ivan, "Ivan Petrov", "Adatum", "u008"),
		lead("L11", "lead", jordan, "Jordan Blake", "Adatum", "u003"),
		lead("L12", "contact", "Priya.Nair@brightlane.example", "Priya Nair", "Brightlane", "u027"),
		lead("L13", "lead", kenji, "Kenji Watanabe", "Proseware", "u002"),
		lead("L14", "contact", "Kenji Watanabe <KENJI.WATANABE@proseware.example>", "Kenji Watanabe", "Proseware", "u005"),
		lead("L15", "lead", lucia, "Lucia Ferraro", "Relecloud", "u026"),
		lead("L16", "lead", "Alex.Rivera@Mailbox.example", "Alex Rivera", "", "u001"),
		lead("L17", "contact", olga, "Olga Ivanova", "Coho Winery", "u011"),
		lead("L18", "lead", pablo, "Pablo Ruiz", "Trey Research", "u027"),
		lead("L19", "lead", nadia, "Nadia Rahman", "Blue Yonder Airlines", "u026"),
		lead("L20", "contact", felipe, "Felipe Castro", "Fourth Coffee", "u015"),
	}
}

// optOuts lists Olivia in another case and with an opt-out date after most
// of her mail: the contract excludes her whatever opted_out_at says. The
// second row is a former colleague who is no longer a user at all.
func optOuts() []optOutRow {
	return []optOutRow{
		{Email: " Olivia.Chen@Brightlane.example ", OptedOutAt: ptr(time.Date(2026, 10, 1, 9, 30, 0, 0, time.UTC))},
		{Email: "former.colleague@brightlane.example"},
	}
}
