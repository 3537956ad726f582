// Command wkw ("who knows whom") finds, for every lead or contact, the
// colleagues best placed to introduce its owner, from the company's exported
// emails, meetings and calls.
//
//	wkw run [flags]              one nightly run (defaults: --input samples --out out)
//	wkw template check FILE      validate a draft template and show it rendered
//
// Exit codes: 0 success, 1 the run failed (bad data, I/O), 2 bad usage or
// configuration (flags, template). This package only parses flags and picks
// defaults; package pipeline does the work.
package main
