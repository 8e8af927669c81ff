//! UTF-8 validation for the text of a loaded index, where most bytes are ASCII and most of
//! the rest are two-byte letters (æ, ø, å, é). Walking every record's text is the largest
//! part of loading a saved index, and the standard validator takes its fast path only on
//! aligned 16-byte runs of ASCII.
//!
//! The fast path accepts exactly two shapes: ASCII bytes (eight at a time) and a two-byte
//! sequence `C2..=DF, 80..=BF` — together all valid UTF-8 of one or two bytes, and nothing
//! else. At the first byte of any other shape, which starts a character, the rest of the
//! text goes to [`std::str::from_utf8`], so every byte is checked by one of the two.

/// `bytes` as text, or the standard library's error (offsets counted from where it took over).
#[allow(unsafe_code)] // from_utf8_unchecked after the fast check above: index loading
pub(super) fn to_str(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        while let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            if word & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            i += 8;
        }
        let Some(&b) = bytes.get(i) else { break };
        if b < 0x80 {
            i += 1;
        } else if (0xC2..=0xDF).contains(&b) && bytes.get(i + 1).is_some_and(|&c| c & 0xC0 == 0x80) {
            i += 2;
        } else {
            std::str::from_utf8(&bytes[i..])?;
            break;
        }
    }
    // SAFETY: every byte of `bytes[..i]` is ASCII or part of a complete two-byte sequence
    // `C2..=DF, 80..=BF` (valid UTF-8 of one or two bytes), so `i` is a character boundary,
    // and `bytes[i..]`, if any is left, was accepted by `std::str::from_utf8` above.
    Ok(unsafe { std::str::from_utf8_unchecked(bytes) })
}

#[cfg(test)]
mod tests {
    use super::to_str;

    /// Agrees with the standard library on valid and invalid text alike.
    fn agrees(bytes: &[u8]) {
        assert_eq!(to_str(bytes).ok(), std::str::from_utf8(bytes).ok(), "{bytes:?}");
    }

    #[test]
    fn accepts_and_refuses_exactly_what_std_does() {
        let texts: [&[u8]; 12] = [
            b"",
            b"plain ascii text of more than eight bytes",
            "Ældre borgere på plejehjem får færre indlæggelser".as_bytes(),
            "€ 3 bytes, 𝄞 4 bytes, æ".as_bytes(),
            b"\xC3",             // a lead byte at the end
            b"abcdefgh\xC3(",    // a lead byte, then no continuation
            b"\xC0\x80",         // overlong NUL
            b"\xC1\xBF",         // overlong
            b"\xE2\x82",         // a three-byte sequence cut short
            b"\xED\xA0\x80",     // a surrogate
            b"abc\x80",          // a lone continuation byte
            b"\xF4\x90\x80\x80", // beyond U+10FFFF
        ];
        for t in texts {
            agrees(t);
        }
        // Every one- and two-byte string, and every byte after eight ASCII bytes.
        for a in 0..=255u8 {
            agrees(&[a]);
            agrees(&[b'x', b'x', b'x', b'x', b'x', b'x', b'x', b'x', a]);
            for b in 0..=255u8 {
                agrees(&[a, b]);
                agrees(&[b'y', a, b, b'z']);
            }
        }
    }
}
