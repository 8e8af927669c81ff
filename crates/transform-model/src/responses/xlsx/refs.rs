//! Cell references checked before calamine reads a sheet.
//!
//! calamine 0.35 turns a reference such as `C5` into a position by adding up its letters
//! (base 26) and digits (base 10) in `u32` without a check (tafia/calamine#709): a reference
//! of seven letters or ten digits panics in a build with overflow checks and, in a release
//! build, silently wraps and puts the cell elsewhere. No real sheet goes past Excel's last
//! cell, XFD1048576, so every reference calamine would read — a cell's and a row's `r`, the
//! `ref` of the sheet's dimension and of a shared formula — is checked against it first.
//!
//! Every part of the workbook is checked, not only the sheet being read: which part is a
//! sheet is for calamine to resolve, and checking them all cannot miss the one it reads.
//! Parts that are not XML end the check of that part at their first error; a broken
//! workbook is calamine's to report.

use std::io::{BufRead, BufReader, Cursor};

use quick_xml::events::Event;

use super::XlsxError;
use crate::limits::quote;

/// Excel's last column (XFD) and row, counted from 1.
const LAST_COLUMN: u64 = 16_384;
const LAST_ROW: u64 = 1_048_576;

/// Refuses a workbook that names a cell beyond XFD1048576 in any of its parts.
pub(super) fn check(bytes: &[u8]) -> Result<(), XlsxError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index(i) else { continue };
        if part.is_dir() {
            continue;
        }
        let name = part.name().to_owned();
        check_part(&name, BufReader::new(part))?;
    }
    Ok(())
}

/// Checks the references of one part, read as XML as calamine reads it.
fn check_part(part: &str, input: impl BufRead) -> Result<(), XlsxError> {
    let mut xml = quick_xml::Reader::from_reader(input);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let element = match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => e,
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => continue,
        };
        // The attributes calamine reads positions from, matched as it matches them.
        let key: &[u8] = match element.local_name().as_ref() {
            b"c" | b"row" => b"r",
            b"dimension" | b"f" => b"ref",
            _ => continue,
        };
        for attribute in element.attributes().flatten() {
            if attribute.key.as_ref() == key && !attribute.value.split(|&b| b == b':').all(within_a_sheet) {
                let reference = String::from_utf8_lossy(&attribute.value);
                return Err(XlsxError::CellReference {
                    part: part.to_owned(),
                    reference: quote(&reference).into_owned(),
                });
            }
        }
    }
}

/// Whether the letters and digits calamine would add up for `reference` stay within
/// XFD1048576. calamine reads letters, then digits, and stops at any other byte with an
/// error of its own, so only the run it reads before that byte matters.
fn within_a_sheet(reference: &[u8]) -> bool {
    let (mut column, mut row) = (0u64, 0u64);
    let mut digits = false;
    for &b in reference {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' if !digits => {
                column = column * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1;
                if column > LAST_COLUMN {
                    return false;
                }
            }
            b'0'..=b'9' => {
                digits = true;
                row = row * 10 + u64::from(b - b'0');
                if row > LAST_ROW {
                    return false;
                }
            }
            _ => return true,
        }
    }
    true
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
}
