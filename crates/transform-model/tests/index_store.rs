//! A saved index: matching on a loaded index equals matching on the catalog it was built
//! from, and every broken file is a typed error.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;
use transform_model::ingredient::{Catalog, CatalogError, Index, MatchOptions, Query, StoreError, sample};

// The file layout as docs/index-format.md states it (the constants are the crate's own).
/// Bytes before the payload.
const HEADER_LEN: usize = 40;
/// The first bytes of every index file.
const MAGIC: &[u8; 8] = b"TMINDEX\x1a";
/// The layout version this library writes.
const FORMAT_VERSION: u32 = 3;

/// A synthetic catalog of `n` interventions plus the bundled one's, so real text, tags and
/// context (text and numbers) are in it.
fn catalog(n: usize) -> Catalog {
    let mut def = sample::sample_catalog(n, 11);
    let bundled = Catalog::sample();
    def.ingredients.extend(bundled.ingredients().iter().cloned());
    def.interventions.extend(bundled.interventions().iter().cloned());
    def.validate().unwrap()
}

fn index_bytes() -> (Index, Vec<u8>) {
    let index = Index::new(catalog(300));
    let bytes = index.to_index_bytes();
    (index, bytes)
}

/// Queries from the catalog's own words, tags, areas and context, with a fixed seed.
fn queries(c: &Catalog, n: usize, seed: u64) -> Vec<Query> {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let ivs = c.interventions();
    let words: Vec<&str> =
        ivs.iter().flat_map(|iv| iv.title.split_whitespace().chain(iv.description.split_whitespace())).collect();
    (0..n)
        .map(|_| {
            let k = rng.random_range(1..=8);
            let text = (0..k).map(|_| words[rng.random_range(0..words.len())]).collect::<Vec<_>>().join(" ");
            let iv = &ivs[rng.random_range(0..ivs.len())];
            let mut q = Query { text, ..Query::default() };
            if rng.random_bool(0.3) {
                q.target_groups = iv.target_groups.clone();
            }
            if rng.random_bool(0.2) && !iv.area.is_empty() {
                q.area = Some(iv.area.clone());
            }
            if rng.random_bool(0.3) {
                q.context = iv.context.clone();
            }
            q
        })
        .collect()
}

#[test]
fn a_loaded_index_matches_as_the_catalog_does_for_1000_queries() {
    let (built, bytes) = index_bytes();
    let loaded = Index::from_index_bytes(&bytes, "memory").unwrap();
    assert_eq!(loaded.catalog(), built.catalog());
    assert_eq!(loaded.terms(), built.terms());
    let o = MatchOptions::default();
    for (i, q) in queries(built.catalog(), 1000, 2026).iter().enumerate() {
        let want = serde_json::to_string(&built.match_report(q, &o).unwrap()).unwrap();
        let got = serde_json::to_string(&loaded.match_report(q, &o).unwrap()).unwrap();
        assert_eq!(got, want, "query {i}: {q:?}");
    }
    // Words the catalog lacks are analysed on the fly, by the saved vocabulary.
    for text in ["hjemmebesøgsprogrammet for nybagte forældre", "zzz qqq", "beskæftigelsesindsatserne"] {
        let q = Query { text: text.into(), ..Query::default() };
        assert_eq!(
            serde_json::to_string(&loaded.match_report(&q, &o).unwrap()).unwrap(),
            serde_json::to_string(&built.match_report(&q, &o).unwrap()).unwrap(),
            "{text}"
        );
    }
}

#[test]
fn partners_and_errors_are_the_same_after_loading() {
    let (built, bytes) = index_bytes();
    let loaded = Index::from_index_bytes(&bytes, "memory").unwrap();
    let mut codes: Vec<&str> = built.catalog().interventions().iter().map(|iv| iv.municipality.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    for code in codes.iter().copied().chain(["101", "999"]) {
        assert_eq!(loaded.partners(code, 5), built.partners(code, 5), "{code}");
    }
    let bad = Query { text: "x".into(), area: Some("ukendt område".into()), ..Query::default() };
    assert_eq!(loaded.match_query(&bad, &MatchOptions::default()), built.match_query(&bad, &MatchOptions::default()));
}

#[test]
fn saving_twice_gives_the_same_bytes() {
    let (_, bytes) = index_bytes();
    let again = Index::from_index_bytes(&bytes, "memory").unwrap().to_index_bytes();
    assert!(again == bytes, "a loaded and saved index differs from the file it came from");
    // And a second build of the same catalog (hash maps in between) gives the same file.
    assert!(Index::new(catalog(300)).to_index_bytes() == bytes);
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tm-index-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn save_writes_the_file_through_a_temporary_and_load_reads_it() {
    let dir = temp_dir("save");
    let path = dir.join("catalog.tmi");
    let index = Index::new(Catalog::sample());
    std::fs::write(&path, b"an older file").unwrap();
    index.save(&path).unwrap();
    let names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["catalog.tmi"], "no temporary file is left");
    assert_eq!(std::fs::read(&path).unwrap(), index.to_index_bytes());
    assert_eq!(Index::load(&path).unwrap().catalog(), index.catalog());
    let missing = dir.join("no-such-folder").join("x.tmi");
    assert!(matches!(index.save(&missing), Err(StoreError::Io { action: "write", .. })));
    assert!(matches!(Index::load(&missing), Err(StoreError::Io { action: "read", .. })));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_truncated_file_is_an_error_at_every_length_tried() {
    let (_, bytes) = index_bytes();
    let n = bytes.len();
    for len in [1, 7, 8, 12, 39, HEADER_LEN, HEADER_LEN + 1, n / 3, n / 2, n - 9, n - 1] {
        match Index::from_index_bytes(&bytes[..len], "cut.tmi") {
            Err(StoreError::Truncated { expected, actual, .. }) => {
                assert_eq!(actual, len as u64);
                // Before the header is complete the header is what is missing; after it, the payload.
                let want = if len < HEADER_LEN { HEADER_LEN } else { n };
                assert_eq!(expected, want as u64, "cut at {len}");
            }
            other => panic!("cut at {len}: {:?}", other.err()),
        }
    }
}

/// Whether an error is the one a damaged header field must give.
type IsExpected = fn(&StoreError) -> bool;

#[test]
fn one_flipped_byte_is_an_error_wherever_it_is() {
    let (_, bytes) = index_bytes();
    let n = bytes.len();
    // In the payload: the checksum catches it.
    for at in [HEADER_LEN, HEADER_LEN + 1, n / 2, n - 1] {
        let mut b = bytes.clone();
        b[at] ^= 0x20;
        assert!(matches!(Index::from_index_bytes(&b, "x"), Err(StoreError::Checksum { .. })), "payload byte {at}");
    }
    // In the header: magic, format version, library version, length, checksum.
    let cases: [(usize, IsExpected); 5] = [
        (3, |e| matches!(e, StoreError::NotAnIndex { .. })),
        (8, |e| matches!(e, StoreError::FormatVersion { .. })),
        (12, |e| matches!(e, StoreError::LibraryVersion { .. })),
        (28, |e| matches!(e, StoreError::Truncated { .. } | StoreError::Corrupt { .. })),
        (36, |e| matches!(e, StoreError::Checksum { .. })),
    ];
    for (at, expected) in cases {
        let mut b = bytes.clone();
        b[at] ^= 0x01;
        let e = Index::from_index_bytes(&b, "x").err().unwrap_or_else(|| panic!("header byte {at} loaded"));
        assert!(expected(&e), "header byte {at}: {e:?}");
    }
}

#[test]
fn a_json_catalog_renamed_tmi_is_not_an_index() {
    let dir = temp_dir("json");
    let path = dir.join("catalog.tmi");
    std::fs::write(&path, Catalog::sample().to_json()).unwrap();
    let e = Index::load(&path).err().unwrap();
    assert!(matches!(&e, StoreError::NotAnIndex { .. }), "{e:?}");
    assert!(e.to_string().contains("JSON") && e.to_string().contains("transform-model index"), "{e}");
    for other in [&b"\x89PNG\r\n\x1a\n...."[..], b"", b"TMINDEY\x1a"] {
        assert!(matches!(Index::from_index_bytes(other, "x"), Err(StoreError::NotAnIndex { .. })), "{other:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_file_of_another_format_or_library_version_is_refused() {
    let (_, bytes) = index_bytes();
    let mut newer = bytes.clone();
    newer[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    match Index::from_index_bytes(&newer, "new.tmi") {
        Err(StoreError::FormatVersion { found, supported, .. }) => {
            assert_eq!((found, supported), (FORMAT_VERSION + 1, FORMAT_VERSION));
        }
        other => panic!("{:?}", other.err()),
    }
    let mut older = bytes.clone();
    older[12..28].copy_from_slice(b"0.0.1\0\0\0\0\0\0\0\0\0\0\0");
    match Index::from_index_bytes(&older, "old.tmi") {
        Err(StoreError::LibraryVersion { found, this, .. }) => {
            assert_eq!(found, "0.0.1");
            assert_eq!(this, env!("CARGO_PKG_VERSION"));
        }
        other => panic!("{:?}", other.err()),
    }
    assert_eq!(&bytes[..8], MAGIC);
}

/// Restores a valid checksum after an edit, as a deliberately crafted file would.
fn reseal(b: &mut [u8]) {
    let crc = crc32(&b[HEADER_LEN..]);
    b[36..40].copy_from_slice(&crc.to_le_bytes());
}

/// CRC-32 (IEEE), bit by bit: the reference the file's checksum must agree with.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= byte as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[test]
fn the_header_checksum_is_crc32_of_the_payload() {
    let (_, bytes) = index_bytes();
    assert_eq!(u32::from_le_bytes(bytes[36..40].try_into().unwrap()), crc32(&bytes[HEADER_LEN..]));
    assert_eq!(u64::from_le_bytes(bytes[28..36].try_into().unwrap()), (bytes.len() - HEADER_LEN) as u64);
}

#[test]
fn a_crafted_payload_with_a_valid_checksum_is_refused_not_trusted() {
    let index = Index::new(Catalog::sample());
    let bytes = index.to_index_bytes();
    let payload = bytes.len() - HEADER_LEN;
    // Every 0xFF in a length or an id makes it huge or out of range; in text it is not UTF-8.
    let mut refused = 0;
    let mut tried = 0;
    for at in (HEADER_LEN..bytes.len()).step_by(payload / 400 + 1) {
        let mut b = bytes.clone();
        b[at] = 0xFF;
        if b[at] == bytes[at] {
            continue;
        }
        reseal(&mut b);
        tried += 1;
        // No panic: the file is refused on load, or a record that does not decode is an
        // error of the call that reads it (records are decoded as they are read).
        let outcome = std::panic::catch_unwind(|| match Index::from_index_bytes(&b, "crafted") {
            Err(StoreError::Corrupt { .. } | StoreError::Catalog { .. }) => true,
            Err(e) => panic!("byte {at}: unexpected {e:?}"),
            Ok(loaded) => {
                let q = Query { text: "unge ledige job".into(), ..Query::default() };
                let _ = loaded.match_query(&q, &MatchOptions::default());
                let _ = loaded.partners("901", 3);
                loaded.try_catalog().is_err()
            }
        });
        match outcome {
            Ok(true) => refused += 1,
            Ok(false) => {}
            Err(_) => panic!("byte {at}: loading or reading panicked"),
        }
    }
    // 0xFF in a length, an id, a flag or a UTF-8 byte is refused (on load, or when the
    // record is read); only some text bytes (and float bits) are not. At least half of the
    // positions tried are lengths, ids or text continuation bytes, so at least a quarter
    // must be refused.
    assert!(refused * 4 >= tried, "{refused} of {tried} refused");
}

#[test]
fn errors_name_the_file_and_what_to_do() {
    let (_, bytes) = index_bytes();
    let e = Index::from_index_bytes(&bytes[..100], "data/catalog.tmi").err().unwrap();
    let msg = e.to_string();
    assert!(msg.contains("data/catalog.tmi") && msg.contains("truncated"), "{msg}");
    let mut newer = bytes.clone();
    newer[8] ^= 1;
    let msg = Index::from_index_bytes(&newer, "x.tmi").err().unwrap().to_string();
    assert!(msg.contains("rebuild it with `transform-model index`"), "{msg}");
}

#[test]
fn a_file_of_format_version_1_is_refused_with_the_fix() {
    // Version 3 stores the facets and context, so loading reads no intervention; files of
    // versions 1 and 2 (the same header) must be rebuilt.
    assert_eq!(FORMAT_VERSION, 3);
    let (_, bytes) = index_bytes();
    for old in [1u32, 2] {
        let mut b = bytes.clone();
        b[8..12].copy_from_slice(&old.to_le_bytes());
        let e = Index::from_index_bytes(&b, "old.tmi").err().unwrap();
        assert!(matches!(e, StoreError::FormatVersion { found, supported: 3, .. } if found == old), "{e:?}");
        assert!(e.to_string().contains("rebuild it with `transform-model index`"), "{e}");
    }
}

/// The position of the only occurrence of `needle` in `hay`.
fn find_once(hay: &[u8], needle: &[u8]) -> usize {
    let at: Vec<usize> = hay.windows(needle.len()).enumerate().filter(|(_, w)| *w == needle).map(|(i, _)| i).collect();
    assert_eq!(at.len(), 1, "{:?} occurs {} times", String::from_utf8_lossy(needle), at.len());
    at[0]
}

#[test]
fn a_sealed_file_with_an_invalid_catalog_is_refused_when_its_catalog_is_read() {
    // Two interventions with ids of the same length; the second's id overwritten with the
    // first's and the checksum restored: the records still decode, but the catalog now
    // repeats an id. Loading reads no record (format version 3); reading the whole catalog
    // validates every record and names the fault.
    let mut def = sample::sample_catalog(50, 3);
    def.interventions[7].id = "dup-id-aaaa".into();
    def.interventions[31].id = "dup-id-bbbb".into();
    let bytes = Index::new(def.validate().unwrap()).to_index_bytes();
    let mut b = bytes.clone();
    let at = find_once(&b, b"dup-id-bbbb");
    b[at..at + 11].copy_from_slice(b"dup-id-aaaa");
    reseal(&mut b);
    let loaded = Index::from_index_bytes(&b, "dup.tmi").unwrap();
    match loaded.try_catalog() {
        Err(error) => {
            let msg = error.to_string();
            assert!(
                msg.contains("interventions[31].id") && msg.contains("duplicate intervention id `dup-id-aaaa`"),
                "{msg}"
            );
        }
        Ok(_) => panic!("a repeated id went unnoticed"),
    }
    // An unknown municipality code likewise (same length, valid UTF-8, wrong value).
    let mut b = bytes.clone();
    let code = def_code(&bytes);
    let at = find_first(&b, &code);
    b[at..at + 3].copy_from_slice(b"999");
    reseal(&mut b);
    assert!(Index::from_index_bytes(&b, "code.tmi").unwrap().try_catalog().is_err());
}

/// The first intervention's municipality code as it is laid out in the file: its length
/// (u64 little-endian, 3) then its three digits.
fn def_code(bytes: &[u8]) -> Vec<u8> {
    let loaded = Index::from_index_bytes(bytes, "x").unwrap();
    let code = loaded.catalog().interventions()[0].municipality.code.clone();
    let mut v = 3u64.to_le_bytes().to_vec();
    v.extend_from_slice(code.as_bytes());
    v
}

/// The position of the first occurrence of `needle` (a length-prefixed code) in `hay`,
/// pointing at the code's text after its length.
fn find_first(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).position(|w| w == needle).expect("present") + 8
}

#[test]
fn a_loaded_index_knows_its_size_and_decodes_its_catalog_once_asked() {
    let (built, bytes) = index_bytes();
    let loaded = Index::from_index_bytes(&bytes, "memory").unwrap();
    assert_eq!(loaded.len(), built.catalog().interventions().len());
    // Matching before and after the catalog is decoded gives the same answer.
    let q = Query { text: "unge ledige job uddannelse".into(), ..Query::default() };
    let before = loaded.match_report(&q, &MatchOptions::default()).unwrap();
    assert_eq!(loaded.catalog(), built.catalog());
    assert_eq!(loaded.match_report(&q, &MatchOptions::default()).unwrap(), before);
    assert_eq!(before, built.match_report(&q, &MatchOptions::default()).unwrap());
}

#[test]
fn doc_len_of_a_position_past_the_catalog_is_a_typed_error() {
    let index = Index::new(Catalog::sample());
    let n = index.len();
    assert!(index.doc_len(n - 1).unwrap() > 0);
    assert_eq!(index.doc_len(n), Err(CatalogError::NoSuchDocument { doc: n, len: n }));
    assert_eq!(
        index.doc_len(usize::MAX).unwrap_err().to_string(),
        format!("no intervention at position {}: the catalog has {n}", usize::MAX)
    );
}

#[test]
fn partners_on_a_loaded_index_equal_partners_on_the_catalog() {
    // A loaded index builds partner profiles from its records in place (issue 33);
    // the answer is the built index's, for every municipality with a profile.
    let (built, bytes) = index_bytes();
    let loaded = Index::from_index_bytes(&bytes, "p.tmi").unwrap();
    let codes: std::collections::BTreeSet<String> =
        built.catalog().interventions().iter().map(|i| i.municipality.code.clone()).collect();
    for code in codes.iter().filter(|c| transform_model::municipality::by_code(c).is_some()).take(20) {
        assert_eq!(loaded.partners(code, 5), built.partners(code, 5), "{code}");
    }
}

#[cfg(unix)]
#[test]
fn an_endless_or_huge_file_is_refused_naming_the_limit() {
    // A sparse file over the file limit (1 GiB by default) is refused before any read.
    let sparse = std::env::temp_dir().join(format!("tm-index-store-sparse-{}.tmi", std::process::id()));
    std::fs::File::create(&sparse).unwrap().set_len((1u64 << 30) + 1).unwrap();
    let e = Index::load(&sparse).err().unwrap();
    std::fs::remove_file(&sparse).unwrap();
    let msg = e.to_string();
    assert!(
        matches!(e, StoreError::Io { .. }) && msg.contains("file_bytes") && msg.contains("TM_MAX_FILE_BYTES"),
        "{msg}"
    );
}

#[test]
fn a_header_sealed_as_the_fuzz_harness_seals_it_passes_the_checks() {
    // fuzz/fuzz_targets/index_bytes.rs: the library's first 28 header bytes, then the
    // payload's length and CRC-32 computed by the harness. On a real payload that is the
    // file the library writes, and a fuzzed payload reaches the decoder behind the CRC.
    let (_, bytes) = index_bytes();
    let payload = &bytes[HEADER_LEN..];
    let mut sealed = bytes[..28].to_vec();
    sealed.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    sealed.extend_from_slice(&crc32(payload).to_le_bytes());
    sealed.extend_from_slice(payload);
    assert_eq!(sealed, bytes);
    let mut garbage = bytes[..28].to_vec();
    garbage.extend_from_slice(&3u64.to_le_bytes());
    garbage.extend_from_slice(&crc32(b"abc").to_le_bytes());
    garbage.extend_from_slice(b"abc");
    assert!(matches!(Index::from_index_bytes(&garbage, "f"), Err(StoreError::Corrupt { .. })));
}

#[test]
fn a_large_index_file_is_mapped_and_answers_as_the_catalog_does() {
    // Files of 1 MiB and more are memory-mapped rather than read (store/mod.rs): this one
    // must be large enough to take that path, and answer as the index it was saved from.
    let built = Index::new(catalog(3000));
    let path = temp_dir("mapped").join("big.tmi");
    built.save(&path).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() >= 1 << 20, "the file is too small to be mapped");
    let loaded = Index::load(&path).unwrap();
    for q in queries(built.catalog(), 50, 7) {
        assert_eq!(loaded.match_query(&q, &MatchOptions::default()), built.match_query(&q, &MatchOptions::default()));
    }
    assert_eq!(loaded.partners("901", 3), built.partners("901", 3));
    assert_eq!(loaded.to_index_bytes(), built.to_index_bytes());
    assert_eq!(loaded.try_catalog().unwrap(), built.catalog());
}
