//! Cell references checked before calamine reads a sheet.
//!
//! calamine 0.35 turns a reference such as `C5` into a position by adding up its letters
//! (base 26) and digits (base 10) in `u32` without a check (tafia/calamine#709): a reference
//! of seven letters or ten digits panics in a build with overflow checks and, in a release
//! build, silently wraps and puts the cell elsewhere. No real sheet goes past Excel's last
//! cell, XFD1048576, so every reference calamine would read — a cell's and a row's `r`, the
//! `ref` of the sheet's dimension and of a shared formula — is checked against it first.
//! calamine also subtracts a range's start from its end, so a range that ends before it
//! starts (`C5:A1`, written by no spreadsheet program) is refused too.
//!
//! The check is a byte scanner, not a second XML parse (which doubled the time to read a
//! 50,000-row sheet): it reads every attribute named `r` or `ref` anywhere in a part — in a
//! tag, a comment or text alike — so it sees at least every reference calamine reads; a
//! reference it sees that calamine would not read can only make it refuse, never miss one.
//! Every part of the workbook is scanned, not only the sheet being read: which part is a
//! sheet is for calamine to resolve, and scanning them all cannot miss the one it reads.

use std::io::{Cursor, Read};

use super::XlsxError;
use crate::limits::quote;

/// Excel's last column (XFD) and row, counted from 1.
const LAST_COLUMN: u64 = 16_384;
const LAST_ROW: u64 = 1_048_576;

/// Refuses a workbook that names a cell beyond XFD1048576 in any of its parts.
pub(super) fn check(bytes: &[u8]) -> Result<(), XlsxError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
    let mut chunk = vec![0u8; 1 << 16];
    for i in 0..zip.len() {
        let Ok(mut part) = zip.by_index(i) else { continue };
        if part.is_dir() {
            continue;
        }
        let name = part.name().to_owned();
        let mut scanner = Scanner::default();
        // A part that does not inflate is calamine's to report.
        while let Ok(n) = part.read(&mut chunk) {
            if n == 0 {
                break;
            }
            if let Some(refused) = scanner.feed(&chunk[..n]) {
                return Err(refused.error(name));
            }
        }
    }
    Ok(())
}

/// Where the scanner is in `… r = "C5:D7" …`.
#[derive(Default, Clone, Copy, PartialEq)]
enum State {
    /// Anywhere else.
    #[default]
    Other,
    /// After a byte an attribute name can follow (whitespace, or the quote closing the
    /// previous value). A prefixed name (`x:r`, `xmlns:r`) is not one calamine reads.
    Boundary,
    /// After `r`, `re`, `ref`.
    R,
    Re,
    Ref,
    /// After the name and whitespace.
    Name,
    /// After `=` and whitespace.
    Equals,
    /// In the value, closed by this quote.
    Value(u8),
}

/// A streaming scanner for `r`/`ref` attribute values past the last cell.
#[derive(Default)]
struct Scanner {
    state: State,
    /// The current value's bytes (up to a quotable length) and its reading.
    value: Vec<u8>,
    reading: Reading,
    past_the_last_cell: bool,
}

impl Scanner {
    /// Scans the next bytes of a part; what is refused once its value is read (or a
    /// quotable length of it).
    fn feed(&mut self, bytes: &[u8]) -> Option<Refused> {
        for &b in bytes {
            if let State::Value(q) = self.state {
                let closed = b == q;
                if closed || self.value.len() > 4 * crate::limits::QUOTE_CHARS {
                    let reference = std::mem::take(&mut self.value);
                    if self.past_the_last_cell {
                        return Some(Refused::PastTheLastCell(reference));
                    }
                    if closed && self.reading.inverted() {
                        return Some(Refused::Inverted(reference));
                    }
                    self.state = State::Other;
                    continue;
                }
                self.value.push(b);
                self.past_the_last_cell |= !self.reading.read(b);
                continue;
            }
            self.state = self.next(b);
        }
        None
    }

    fn next(&mut self, b: u8) -> State {
        let space = matches!(b, b' ' | b'\t' | b'\r' | b'\n');
        match (self.state, b) {
            (State::Boundary | State::Name, b'r') => State::R,
            (State::R, b'e') => State::Re,
            (State::Re, b'f') => State::Ref,
            (State::R | State::Ref | State::Name, _) if space => State::Name,
            (State::R | State::Ref | State::Name, b'=') => State::Equals,
            (State::Equals, _) if space => State::Equals,
            (State::Equals, b'"' | b'\'') => {
                self.value.clear();
                self.reading = Reading::default();
                self.past_the_last_cell = false;
                State::Value(b)
            }
            _ if space || matches!(b, b'"' | b'\'') => State::Boundary,
            _ => State::Other,
        }
    }
}

/// What the scanner refuses, with the attribute's value.
#[derive(Debug, PartialEq)]
enum Refused {
    /// A reference past XFD1048576 (calamine's sums overflow).
    PastTheLastCell(Vec<u8>),
    /// A range `C5:A1` whose end comes before its start (calamine subtracts start from end).
    Inverted(Vec<u8>),
}

impl Refused {
    fn error(self, part: String) -> XlsxError {
        let text = |v: Vec<u8>| quote(&String::from_utf8_lossy(&v)).into_owned();
        match self {
            Refused::PastTheLastCell(v) => XlsxError::CellReference { part, reference: text(v) },
            Refused::Inverted(v) => XlsxError::InvertedRange { part, range: text(v) },
        }
    }
}

/// The reading of one attribute value as calamine reads it: per `:`-separated part, letters
/// (base 26) then digits (base 10), stopping at any other byte (calamine's own error).
#[derive(Default)]
struct Reading {
    column: u64,
    row: u64,
    digits: bool,
    stopped: bool,
    /// A byte calamine refuses (its own error, no position).
    invalid: bool,
    /// The first part's (row, column), when it is a whole reference, and the parts so far.
    first: Option<(u64, u64)>,
    parts: usize,
}

impl Reading {
    /// Reads one byte; false once the part read so far is past the last cell.
    fn read(&mut self, b: u8) -> bool {
        if b == b':' {
            let first = (self.parts == 0).then(|| self.whole()).flatten();
            *self = Reading { first, parts: self.parts + 1, ..Reading::default() };
            return true;
        }
        if self.stopped {
            return true;
        }
        let within = match b {
            b'A'..=b'Z' | b'a'..=b'z' if !self.digits => {
                self.column = self.column * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1;
                self.column <= LAST_COLUMN
            }
            b'0'..=b'9' => {
                self.digits = true;
                self.row = self.row * 10 + u64::from(b - b'0');
                self.row <= LAST_ROW
            }
            _ => true,
        };
        // A byte calamine refuses (a letter after the digits, or anything else).
        self.invalid |= !b.is_ascii_alphanumeric() || (self.digits && b.is_ascii_alphabetic());
        // Past the last cell, or refused: this part is decided.
        self.stopped = !within || self.invalid;
        within
    }

    /// The part read so far as (row, column), when calamine would read it as a position.
    fn whole(&self) -> Option<(u64, u64)> {
        (self.column > 0 && self.row > 0 && !self.invalid).then_some((self.row, self.column))
    }

    /// Whether the value, read to its end, is a range of two positions ending before it starts.
    fn inverted(&self) -> bool {
        match (self.parts, self.first, self.whole()) {
            (1, Some((r1, c1)), Some((r2, c2))) => r2 < r1 || c2 < c1,
            _ => false,
        }
    }
}

/// Whether `reference` (one part, or `A1:B2`) stays within XFD1048576 as calamine reads it.
#[cfg(test)]
fn within_a_sheet(reference: &[u8]) -> bool {
    let mut reading = Reading::default();
    reference.iter().all(|&b| reading.read(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_up_to_the_last_cell_pass() {
        // XFD = 24 × 26² + 6 × 26 + 4 = 16,384. Bytes calamine refuses itself ("$", "&", a
        // letter after the digits) end the check.
        for ok in ["A1", "C5", "XFD1048576", "xfd1048576", "A", "1", "", "A1B", "$ABCDEFGHIJ1", "A1&99999999999"] {
            assert!(within_a_sheet(ok.as_bytes()), "{ok}");
        }
    }

    #[test]
    fn references_past_the_last_cell_are_caught_where_calamine_would_overflow() {
        // XFE = 16,385; AAAA = 26³ + 26² + 26 + 1 = 18,279; row 1,048,577; seven letters
        // overflow u32 in calamine (26⁷ > 2³²), even before a byte it would refuse.
        for bad in ["XFE1", "AAAA1", "A1048577", "ABCDEFG1", "A99999999999", "ZZZZZZZZ&"] {
            assert!(!within_a_sheet(bad.as_bytes()), "{bad}");
        }
    }

    /// The references the scanner refuses in `xml`, fed whole and one byte at a time (so a
    /// reference split between two reads is still found).
    fn refused(xml: &str) -> Option<String> {
        let whole = Scanner::default().feed(xml.as_bytes());
        let mut scanner = Scanner::default();
        let bytewise = xml.as_bytes().iter().find_map(|b| scanner.feed(std::slice::from_ref(b)));
        assert_eq!(whole, bytewise, "{xml}");
        whole.map(|r| match r {
            Refused::PastTheLastCell(v) => String::from_utf8(v).unwrap(),
            Refused::Inverted(v) => format!("inverted {}", String::from_utf8(v).unwrap()),
        })
    }

    #[test]
    fn the_scanner_finds_every_way_calamine_reads_a_reference() {
        for (xml, reference) in [
            (r#"<row r="2"><c r="ABCDEFGH2" s="1"><v>3</v></c></row>"#, "ABCDEFGH2"),
            ("<c s='1'\n  r = 'XFE2'><v>3</v></c>", "XFE2"),
            (r#"<dimension ref="A1:ZZZZZZZ2"/>"#, "A1:ZZZZZZZ2"),
            (r#"<row r="1048577" spans="1:3">"#, "1048577"),
            (r#"<c t="s"r="C99999999999">"#, "C99999999999"),
            (r#"<f t="shared" ref="C2:C99999999" si="0">"#, "C2:C99999999"),
            // Found by fuzzing: calamine subtracts the start from the end.
            (r#"<dimension ref="C5:A1"/>"#, "inverted C5:A1"),
            (r#"<dimension ref="B1:A5"/>"#, "inverted B1:A5"),
            (r#"<dimension ref="A5:C1"/>"#, "inverted A5:C1"),
        ] {
            assert_eq!(refused(xml).as_deref(), Some(reference), "{xml}");
        }
    }

    #[test]
    fn the_scanner_passes_real_references_and_other_attributes() {
        for xml in [
            r#"<dimension ref="A1:XFD1048576"/><row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
            // Ranges calamine reads without subtracting, or refuses itself.
            r#"<dimension ref="A1"/><dimension ref="C5:C5"/><dimension ref="C5:A"/><dimension ref="C5:A1:B2"/>"#,
            r#"<c r="C5"><f>SUM(A1:ZZZZZZZZ1)</f></c>"#,
            r#"<c xr="ABCDEFGH1" r="B2"/><sheetView topLeftCell="A1"/><selection sqref="A1:XFE2"/>"#,
            r#"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
            "<t>for r er en bogstav, ref=ABCDEFGHIJ uden anførselstegn</t>",
        ] {
            assert_eq!(refused(xml), None, "{xml}");
        }
    }

    #[test]
    fn a_long_reference_is_quoted_in_a_bounded_length() {
        let xml = format!(r#"<c r="{}1">"#, "A".repeat(100_000));
        let reference = refused(&xml).unwrap();
        assert!(reference.len() <= 4 * crate::limits::QUOTE_CHARS + 1, "{}", reference.len());
        assert!(reference.starts_with("AAAAAAA"));
    }
}
