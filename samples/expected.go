package samples

// Expectation is what a run over the samples with --as-of AsOf and every
// other setting at its default should report for one leads record.
// Scores are whole numbers because that is what a reader checks by eye;
// compare them with math.Round of the output's unrounded score.
type Expectation struct {
	RecordID string
	// Introducers are the record's rows in rank order; none when Reason is
	// set.
	Introducers []Introducer
	// OwnerScore is owner_score rounded; nil when it is null (no owner, or
	// the owner has no pair, is disabled or has opted out).
	OwnerScore *int
	// Reason says why the record has no introducer rows: "invalid email",
	// "internal email" or "no candidates"; empty when it has rows.
	Reason string
	// Drafts is how many of the record's rows get a draft; the others are
	// skipped because of the owner (none, disabled, or no access role).
	Drafts int
}

// Introducer is one expected row of the introducers table.
type Introducer struct {
	UserID string
	Email  string
	Score  int // score rounded to a whole number
	Band   string
}

func in(id, email string, score int, band string) Introducer {
	return Introducer{UserID: id, Email: email, Score: score, Band: band}
}

// Expected returns the story's outcome for every leads record, in
// record_id order. README.md says the same in prose, and the package's
// tests check both against an independent reading of the contract.
func Expected() []Expectation {
	return []Expectation{
		{RecordID: "L01", Drafts: 5, Introducers: []Introducer{
			in("u010", helen, 66, "strong"),
			in("u006", priya, 56, "moderate"),
			in("u017", jo, 37, "moderate"),
			in("u009", omar, 29, "moderate"),
			in("u023", kofi, 15, "weak"),
		}},
		{RecordID: "L02", Drafts: 3, OwnerScore: ptr(68), Introducers: []Introducer{
			in("u011", victor, 21, "weak"),
			in("u004", marco, 17, "weak"),
			in("u007", tom, 7, "weak"),
		}},
		{RecordID: "L03", Drafts: 3, Introducers: []Introducer{
			in("u005", aiko, 44, "moderate"),
			in("u013", raj, 24, "weak"),
			in("u019", isaac, 13, "weak"),
		}},
		{RecordID: "L04", Drafts: 2, Introducers: []Introducer{
			in("u020", sofia, 37, "moderate"),
			in("u025", noah, 6, "weak"),
		}},
		{RecordID: "L05", Reason: "no candidates"},
		{RecordID: "L06", Drafts: 0, Introducers: []Introducer{
			in("u023", kofi, 32, "moderate"),
			in("u001", dana, 10, "weak"),
		}},
		{RecordID: "L07", Drafts: 2, Introducers: []Introducer{
			in("u026", mei, 22, "weak"),
			in("u024", laura, 11, "weak"),
		}},
		{RecordID: "L08", Drafts: 2, Introducers: []Introducer{
			in("u027", paulo, 24, "weak"),
			in("u030", hannah, 6, "weak"),
		}},
		{RecordID: "L09", Drafts: 2, Introducers: []Introducer{
			in("u028", yusuf, 27, "moderate"),
			in("u016", chris, 22, "weak"),
		}},
		{RecordID: "L10", Drafts: 0, OwnerScore: ptr(48), Introducers: []Introducer{
			in("u021", daniel, 28, "moderate"),
			in("u025", noah, 8, "weak"),
		}},
		{RecordID: "L11", Reason: "invalid email"},
		{RecordID: "L12", Reason: "internal email"},
		{RecordID: "L13", Drafts: 4, Introducers: []Introducer{
			in("u022", emma, 66, "strong"),
			in("u005", aiko, 32, "moderate"),
			in("u007", tom, 12, "weak"),
			in("u019", isaac, 7, "weak"),
		}},
		{RecordID: "L14", Drafts: 3, OwnerScore: ptr(32), Introducers: []Introducer{
			in("u022", emma, 66, "strong"),
			in("u007", tom, 12, "weak"),
			in("u019", isaac, 7, "weak"),
		}},
		{RecordID: "L15", Drafts: 4, Introducers: []Introducer{
			in("u024", laura, 42, "moderate"),
			in("u018", ava, 19, "weak"),
			in("u007", tom, 19, "weak"),
			in("u030", hannah, 1, "weak"),
		}},
		{RecordID: "L16", Drafts: 2, Introducers: []Introducer{
			in("u002", sam, 24, "weak"),
			in("u012", nina, 14, "weak"),
		}},
		{RecordID: "L17", Drafts: 2, Introducers: []Introducer{
			in("u027", paulo, 33, "moderate"),
			in("u026", mei, 23, "weak"),
		}},
		{RecordID: "L18", Drafts: 1, Introducers: []Introducer{
			in("u021", daniel, 1, "weak"),
		}},
		{RecordID: "L19", Drafts: 5, Introducers: []Introducer{
			in("u005", aiko, 38, "moderate"),
			in("u023", kofi, 11, "weak"),
			in("u020", sofia, 8, "weak"),
			in("u024", laura, 6, "weak"),
			in("u030", hannah, 4, "weak"),
		}},
		{RecordID: "L20", Drafts: 0, Introducers: []Introducer{
			in("u020", sofia, 22, "weak"),
			in("u009", omar, 12, "weak"),
		}},
	}
}
