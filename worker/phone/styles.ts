// The phone pages' stylesheet, sent inside each page so the first paint needs no second request.
// The policy allows exactly this text by its hash; a test recomputes the hash from the text.

/** SHA-256 of PHONE_CSS, as the Content-Security-Policy names it. */
export const PHONE_CSS_HASH = "sha256-Gaax7Poo1EpnpwRePwlwSQeN62dKUAAORUTctxoLPx0=";

export const PHONE_CSS = `/* Phone survey: large type, 48px+ targets, high contrast, works at 320-360px without JavaScript. */
* {
  box-sizing: border-box;
}
html {
  -webkit-text-size-adjust: 100%;
}
body {
  margin: 0;
  font:
    1.125rem / 1.5 system-ui,
    -apple-system,
    "Segoe UI",
    Roboto,
    Arial,
    sans-serif;
  color: #1a1a1a;
  background: #f6f4f1;
}
header {
  display: flex;
  justify-content: space-between;
  align-items: center;
  padding: 8px 16px;
  background: #8f1d3f;
  color: #fff;
}
.brand {
  font-weight: 700;
  font-size: 1.25rem;
}
.lang {
  color: #fff;
  min-height: 48px;
  display: inline-flex;
  align-items: center;
  padding: 0 8px;
}
main {
  max-width: 560px;
  margin: 0 auto;
  padding: 16px;
}
h1 {
  font-size: 1.5rem;
  line-height: 1.3;
  margin: 8px 0;
}
/* A code or a link in a title breaks rather than push a small screen sideways. */
h1,
h2,
p,
legend {
  overflow-wrap: anywhere;
}
.event {
  color: #555;
  margin: 0 0 8px;
}
.q {
  border: 0;
  /* A fieldset is as wide as its widest line by default: at 200% zoom that ran off the screen. */
  min-width: 0;
  margin: 0 0 20px;
  padding: 16px;
  background: #fff;
  border-radius: 12px;
  box-shadow: 0 1px 2px #0002;
}
legend,
.lbl {
  font-weight: 700;
  font-size: 1.1875rem;
  padding: 0;
  margin-bottom: 8px;
  display: block;
  float: left;
  width: 100%;
}
.q > :not(legend):not(.lbl) {
  clear: both;
}
.n {
  color: #8f1d3f;
}
small {
  font-weight: 400;
  color: #555;
  font-size: 1rem;
}
.scale,
.roles {
  display: grid;
  gap: 8px;
}
.roles {
  /* Side by side on a phone, one above the other at 200% zoom (180 px wide). */
  grid-template-columns: repeat(auto-fit, minmax(7.5em, 1fr));
}
.scale label,
.roles label {
  display: block;
  position: relative;
}
.scale input,
.roles input {
  position: absolute;
  opacity: 0;
  width: 100%;
  height: 100%;
  margin: 0;
  inset: 0;
}
.scale span,
.roles span {
  display: flex;
  align-items: center;
  gap: 12px;
  min-height: 52px;
  padding: 8px 14px;
  border: 2px solid #9a8f86;
  border-radius: 10px;
  background: #fff;
  overflow-wrap: anywhere;
}
.scale b {
  display: inline-flex;
  justify-content: center;
  align-items: center;
  min-width: 32px;
  height: 32px;
  border-radius: 50%;
  background: #eee;
  font-size: 1.125rem;
}
/* A multi question's options show a box that fills when ticked, so "several" reads at a glance. */
.scale input[type="checkbox"] + span::before {
  content: "";
  flex: none;
  width: 24px;
  height: 24px;
  border: 2px solid #6b625b;
  border-radius: 4px;
  background: #fff;
}
.scale input[type="checkbox"]:checked + span::before {
  border-color: #8f1d3f;
  background: #8f1d3f;
  box-shadow: inset 0 0 0 4px #fff;
}
input.unit-find {
  width: 100%;
  min-height: 48px;
  margin: 0 0 8px;
  padding: 8px 12px;
  font: inherit;
  border: 2px solid #9a8f86;
  border-radius: 10px;
}
select.unit {
  width: 100%;
  min-height: 52px;
  padding: 8px 12px;
  font: inherit;
  border: 2px solid #9a8f86;
  border-radius: 10px;
  background: #fff;
  color: inherit;
}
input:checked + span {
  border-color: #8f1d3f;
  background: #fbe9ef;
  font-weight: 700;
}
input:checked + span b {
  background: #8f1d3f;
  color: #fff;
}
input:focus-visible + span {
  outline: 3px solid #1f5fbf;
  outline-offset: 2px;
}
textarea {
  width: 100%;
  font: inherit;
  padding: 12px;
  border: 2px solid #9a8f86;
  border-radius: 10px;
  min-height: 120px;
}
textarea:focus-visible,
.code input:focus-visible {
  outline: 3px solid #1f5fbf;
}
.hint {
  color: #555;
  font-size: 1rem;
  margin: 4px 0 0;
}
.err {
  color: #b00020;
  font-weight: 700;
  margin: 0 0 8px;
}
.bad {
  box-shadow: 0 0 0 3px #b00020;
}
.alert {
  background: #fde8ea;
  color: #8a0018;
  padding: 12px;
  border-radius: 8px;
  font-weight: 700;
}
button {
  font: inherit;
  font-weight: 700;
  min-height: 56px;
  width: 100%;
  border: 0;
  border-radius: 12px;
  background: #8f1d3f;
  color: #fff;
  padding: 12px;
  cursor: pointer;
}
button:disabled {
  opacity: 0.6;
}
/* A link that acts like the page's buttons (another person on a shared phone). */
a.button {
  display: block;
  box-sizing: border-box;
  min-height: 56px;
  margin-top: 16px;
  padding: 14px 12px;
  border: 2px solid #8f1d3f;
  border-radius: 12px;
  color: #8f1d3f;
  font-weight: 700;
  text-align: center;
  text-decoration: none;
}
#status {
  min-height: 1.5em;
  font-weight: 700;
  color: #6b3a00;
}
/* A confirmation, not a warning. */
#status.ok {
  color: #1b6b36;
}
.done {
  background: #fff;
  border-radius: 12px;
  padding: 24px 16px;
  text-align: center;
  margin-top: 16px;
}
.done h1 {
  color: #1b6b36;
}
.code {
  display: grid;
  gap: 12px;
  margin: 16px 0;
}
.code label {
  font-weight: 700;
}
.code input {
  font: inherit;
  font-size: 1.75rem;
  letter-spacing: 0.2em;
  text-transform: uppercase;
  padding: 10px;
  border: 2px solid #9a8f86;
  border-radius: 10px;
  width: 100%;
}
.staff {
  margin-top: 32px;
  font-size: 1rem;
}
.staff a {
  display: inline-block;
  min-height: 48px;
  line-height: 48px;
  color: #1f5fbf;
}
/* Workshop page: the question, the proposal form, the list to support. */
.question {
  font-size: 1.25rem;
  font-weight: 700;
  background: #fff;
  border-left: 6px solid #8f1d3f;
  padding: 12px 14px;
  border-radius: 8px;
}
.sub {
  border: 0;
  padding: 0;
  margin: 16px 0 0;
}
details {
  margin: 16px 0;
}
summary {
  min-height: 48px;
  display: flex;
  align-items: center;
  color: #1f5fbf;
  cursor: pointer;
}
details input {
  font: inherit;
  width: 100%;
  padding: 10px;
  border: 2px solid #9a8f86;
  border-radius: 10px;
  margin: 4px 0 12px;
}
h2 {
  font-size: 1.3125rem;
  margin: 24px 0 8px;
}
.sort {
  display: flex;
  gap: 8px;
}
.sort a {
  flex: 1;
  min-height: 48px;
  display: flex;
  align-items: center;
  justify-content: center;
  border: 2px solid #9a8f86;
  border-radius: 10px;
  color: #1a1a1a;
  text-decoration: none;
}
.sort a[aria-current] {
  border-color: #8f1d3f;
  background: #fbe9ef;
  font-weight: 700;
}
.props {
  list-style: none;
  padding: 0;
}
.prop,
.empty {
  background: #fff;
  border-radius: 12px;
  padding: 12px 14px;
  margin: 0 0 12px;
  box-shadow: 0 1px 2px #0002;
}
.prop.new {
  box-shadow: 0 0 0 3px #1b6b36;
}
/* Proposals below the form are laid out only when scrolled near: a cheap phone draws the form first. */
.prop {
  content-visibility: auto;
  contain-intrinsic-size: auto 160px;
}
.txt {
  margin: 0;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}
.meta {
  color: #555;
  font-size: 1rem;
  margin: 4px 0 8px;
}
.st {
  color: #1b6b36;
}
.sup {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 12px;
}
.supb {
  width: auto;
  min-width: 140px;
  min-height: 48px;
  background: #fff;
  color: #8f1d3f;
  border: 2px solid #8f1d3f;
}
.supb[aria-pressed="true"] {
  background: #8f1d3f;
  color: #fff;
  opacity: 1;
}
.sub > :not(legend) {
  clear: both;
}
textarea[aria-invalid="true"] {
  border-color: #b00020;
}
`;
