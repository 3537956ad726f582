package samples

// Word lists for the synthetic organisation. A handful of names carry
// accents or apostrophes because real exports do: display names keep them,
// and the addresses built from them must still be plain ASCII to be valid.

var synthFirstNames = []string{
	"Aaron", "Abigail", "Adam", "Adrian", "Aisha", "Alan", "Alice", "Amara", "Amir", "Ana",
	"Andrea", "Andrew", "Angela", "Anna", "Anton", "Arjun", "Ava", "Ben", "Bianca", "Björn",
	"Brian", "Bruno", "Carla", "Carlos", "Carmen", "Caroline", "Charles", "Chen", "Chloé", "Chris",
	"Claire", "Daniel", "David", "Deepa", "Diana", "Diego", "Dmitri", "Elena", "Eli", "Elif",
	"Emily", "Emma", "Eric", "Ethan", "Eva", "Fatima", "Felix", "Fiona", "Francesca", "Frank",
	"Gabriel", "Grace", "Greta", "Hana", "Hannah", "Hassan", "Helen", "Henry", "Hugo", "Ian",
	"Ingrid", "Isaac", "Isabel", "Ivan", "Jack", "Jacob", "James", "Jana", "Jasmine", "Javier",
	"Jessica", "Ji-woo", "Joanna", "John", "Jonas", "José", "Julia", "Julian", "Kai", "Karen",
	"Katarzyna", "Kenji", "Kevin", "Kofi", "Laila", "Lars", "Laura", "Leah", "Leo", "Liam",
	"Lina", "Lucas", "Lucía", "Luis", "Maja", "Marco", "Maria", "Mark", "Marta", "Mateo",
	"Maya", "Mei", "Michael", "Miguel", "Mohammed", "Nadia", "Naomi", "Nathan", "Nikhil", "Nina",
	"Noah", "Nora", "Olga", "Oliver", "Olivia", "Omar", "Oscar", "Pablo", "Paul", "Pedro",
	"Peter", "Priya", "Rachel", "Rafael", "Rahul", "Raj", "Rebecca", "Ricardo", "Rosa", "Ruth",
	"Ryan", "Sam", "Samuel", "Sara", "Sebastian", "Sofia", "Søren", "Stefan", "Sven", "Tanya",
	"Thomas", "Tom", "Valentina", "Victor", "Wei", "William", "Yara", "Yuki", "Zoë", "Zara",
}

var synthLastNames = []string{
	"Abbott", "Adeyemi", "Ahmed", "Andersen", "Bauer", "Becker", "Bennett", "Berg", "Brennan", "Brown",
	"Campbell", "Carter", "Castro", "Chen", "Clarke", "Costa", "Cruz", "Dahl", "Das", "Davies",
	"Demir", "Dubois", "Edwards", "Eriksson", "Evans", "Fischer", "Flores", "Ford", "Fraser", "García",
	"Gomez", "Green", "Gupta", "Haddad", "Hall", "Hansen", "Harris", "Hughes", "Ito", "Ivanova",
	"Jackson", "Jensen", "Johnson", "Jones", "Kaur", "Keller", "Khan", "Kim", "King", "Kowalski",
	"Kumar", "Lam", "Larsen", "Lee", "Lewis", "Li", "Lindqvist", "Lopez", "Lund", "Martin",
	"Martínez", "Mehta", "Mensah", "Meyer", "Miller", "Moore", "Mori", "Müller", "Murphy", "Nair",
	"Nakamura", "Nguyen", "Novak", "O'Brien", "O'Connor", "Okafor", "Olsen", "Ortiz", "Park", "Patel",
	"Pereira", "Petrov", "Phillips", "Popescu", "Quinn", "Rahman", "Reddy", "Reyes", "Richter", "Rivera",
	"Roberts", "Rossi", "Ruiz", "Sánchez", "Santos", "Sato", "Schmidt", "Schulz", "Shah", "Silva",
	"Singh", "Smith", "Smith-Jones", "Suzuki", "Tanaka", "Taylor", "Thomas", "Torres", "Tran", "Turner",
	"Vidal", "Wagner", "Walker", "Wang", "Watanabe", "Weber", "Weiss", "White", "Williams", "Wilson",
	"Wong", "Wright", "Yamamoto", "Yilmaz", "Young", "Zhang", "Zhou", "Zimmermann", "van Dijk", "de Vries",
}

// Company names are prefix+suffix plus an optional kind; a number is added
// once the combinations run out, so any pool size gets distinct domains.
var synthCompanyPrefixes = []string{
	"North", "Blue", "Silver", "Green", "Bright", "Red", "Iron", "Clear", "Swift", "Summit",
	"Harbor", "Pine", "Stone", "Cedar", "Lake", "River", "Star", "Sun", "Apex", "Nova",
	"Vertex", "Orbit", "Quantum", "Atlas", "Polar", "Ember", "Maple", "Coral", "Falcon", "Granite",
}

var synthCompanySuffixes = []string{
	"wind", "field", "point", "bridge", "gate", "works", "labs", "soft", "ware", "logic",
	"tech", "systems", "data", "cloud", "metrics", "line", "stack", "forge", "path", "scale",
}

var synthCompanyKinds = []string{
	"", "Group", "Partners", "Holdings", "Capital", "Health", "Bank", "Retail", "Logistics", "Energy", "Media", "Foods",
}

// Top-level parts of external domains: reserved names, several of them
// multi-label, so no generated address can reach a real company.
var synthTLDs = []string{"example", "example", "example", "example.com", "example.net", "example.org", "example.co.uk", "test"}

// Shared mailbox providers; their users belong to no company.
var synthFreeMail = []string{"mail.example", "inbox.example", "post.example.net", "webmail.test"}

// Role mailboxes some companies have; they send and receive mail but are
// nobody's name.
var synthRoleBoxes = []string{"info", "sales", "support", "billing", "noreply", "accounts", "procurement"}

var synthRoles = []string{"Salesperson", "Sales Manager", "Customer Success", "Engineer", "Marketing", "Executive"}

// synthTitles holds job titles per role, in synthRoles order.
var synthTitles = [][]string{
	{"Account Executive", "Senior Account Executive", "Sales Representative", "Enterprise Account Executive"},
	{"Sales Manager", "Regional Sales Director", "Head of Sales"},
	{"Customer Success Manager", "Account Manager", "Onboarding Specialist"},
	{"Software Engineer", "Solutions Engineer", "Senior Engineer", "Support Engineer"},
	{"Marketing Manager", "Content Marketer", "Events Manager"},
	{"Chief Executive Officer", "VP Sales", "Chief Operating Officer", "VP Engineering"},
}

var synthSubjects = []string{
	"Quick question", "Intro call next week", "Following up on our conversation", "Pricing proposal",
	"Renewal", "Q3 review", "Contract draft", "Meeting notes", "Demo recording", "Onboarding plan",
	"Invoice 2231", "Partnership opportunity", "Security questionnaire", "Roadmap preview",
	"Support ticket escalation", "Thanks for your time today", "Updated quote", "Kick-off agenda",
	"Reference call", "Purchase order", "Budget approval", "Trial extension", "NDA", "Lunch?",
	"Weekly sync", "Board deck", "Hiring update", "Offsite logistics", "Release notes", "Pipeline review",
}

// synthInvalid are address texts that fail SPEC §2's pattern after
// normalisation: missing domain dots, doubled @, spaces, bad labels.
var synthInvalid = []string{
	"undisclosed-recipients:;", "", "mailer-daemon", "jordan.blake@adatum", "bob@@northwind.example",
	"ann lee@corp.example", "x@-bad-.example", "first.last@", "@nodomain.example", "Ann Lee <>",
	"<ann.lee@corp.example", "john.doe@example..com", "n/a", "josé.núñez@fabrikam.example",
}

// synthInternalShared are internal addresses that belong to no user: they
// are internal by domain, so their mail ties nobody to anybody.
var synthInternalShared = []string{
	"newsletter@news.corp.example", "noreply@corp.example", "support@corp.example",
	"all-hands@corp.example", "sales-team@corp.example", "billing@corp.example",
}

// synthInternalSubdomains are where a few users' mailboxes live.
var synthInternalSubdomains = []string{"emea.corp.example", "apac.corp.example", "labs.corp.example"}

const synthInternalDomain = "corp.example"
