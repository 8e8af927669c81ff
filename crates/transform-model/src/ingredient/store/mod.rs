//! A saved index: the catalog and its text analysis in one file, so matching starts
//! without parsing catalog JSON or stemming and splitting its words again.
//!
//! Format (little-endian; `docs/index-format.md`): a 40-byte header — magic
//! `TMINDEX\x1a`, format version (u32), library version (16 bytes, zero-padded), payload
//! length (u64), CRC-32 of the payload (u32) — then the payload ([`layout`]). A hand-laid
//! format rather than a serde format: the bulk of a large index is flat u32/f32 arrays
//! (postings), copied in one pass instead of decoded element by element, and the catalog's
//! JSON context values could not go through a non-self-describing serde format anyway.
//! A large file is memory-mapped ([`Buffer::map`]), a small one read.
//!
//! Loading checks, in order: magic (a JSON catalog or any other file is [`StoreError::NotAnIndex`]),
//! length, format version, library version (the analysis — stemming, compound splitting
//! — belongs to the library that wrote it), checksum, then every id of the analysis and of
//! the stored facets and context (format version 3 stores them, so loading derives nothing
//! from the interventions). The interventions themselves are decoded and checked one by one
//! as a query reads them (`records.rs`): a damaged one is an error of that query.
//!
//! This module knows the file, not the index: it writes and reads an explicit
//! [`IndexParts`] value and the catalog's records, and `ingredient/saved.rs` assembles an
//! `Index` from them, so a change to `Index`'s fields does not ripple into the format.

mod buffer;
mod bytes;
mod derived;
mod layout;
mod records;
mod utf8;

use std::io::Read;
use std::path::Path;

pub(crate) use buffer::{Buffer, Words, range_in};
pub(crate) use bytes::{Reader, Writer};
pub(crate) use derived::{read_derived, read_profiles, write_derived, write_profiles};
pub(crate) use layout::{Bad, read_analysis, read_catalog, write_analysis, write_catalog};
pub(crate) use records::Records;

use super::CatalogError;
use crate::text::Analyzer;

/// A catalog word's term ids in Danish and in English (see `text::AnalyzedCorpus::word_terms`).
pub(crate) type WordTerms = [Option<Box<[u32]>>; 2];

/// The text analysis of a catalog, as a saved index stores it: what `Index::new` computes
/// and an index searches with. The flat arrays are owned, or views into a loaded file.
pub(crate) struct IndexParts {
    pub analyzer: Analyzer,
    pub terms: rustc_hash::FxHashMap<String, u32>,
    /// Each catalog word's term ids per language, so a query word is not analysed again.
    pub word_terms: rustc_hash::FxHashMap<String, WordTerms>,
    /// CSR postings: docs and BM25 impacts of term t are `[offsets[t]..offsets[t+1]]`.
    pub offsets: Words<u32>,
    pub post_docs: Words<u32>,
    pub post_impact: Words<f32>,
    pub doc_len: Words<u32>,
    pub avgdl: f64,
}

/// The first bytes of every index file. `\x1a` (end of file in DOS) keeps a text reader
/// from taking it for text, as PNG's signature does.
pub(crate) const MAGIC: &[u8; 8] = b"TMINDEX\x1a";
/// Version of the file layout; a file of another version is refused.
pub(crate) const FORMAT_VERSION: u32 = 3;
/// Files at least this large are memory-mapped rather than read.
const MAP_AT_LEAST: u64 = 1 << 20;
/// Bytes before the payload.
pub(crate) const HEADER_LEN: usize = 40;
pub(crate) const LIB_VERSION: &str = env!("CARGO_PKG_VERSION");
pub(crate) const LIB_VERSION_LEN: usize = 16;

/// Why an index file could not be written or read.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum StoreError {
    /// Reading or writing the file failed.
    #[error("cannot {action} index `{path}`: {source}")]
    Io {
        /// `read` or `write`.
        action: &'static str,
        /// The file.
        path: String,
        /// The operating system's reason, or the file size limit.
        #[source]
        source: crate::limits::ReadError,
    },
    /// The file does not start with the index's magic bytes.
    #[error("`{path}` is not a transform-model index{hint}")]
    NotAnIndex {
        /// The file.
        path: String,
        /// What the file looks like instead, if known.
        hint: &'static str,
    },
    /// The file is shorter than its header says.
    #[error("index `{path}` is truncated: {actual} bytes where the header announces {expected}")]
    Truncated {
        /// The file.
        path: String,
        /// Bytes the header announces.
        expected: u64,
        /// Bytes in the file.
        actual: u64,
    },
    /// The index uses a file format this library cannot read.
    #[error(
        "index `{path}` has format version {found}; this library reads version {supported} (rebuild it with `transform-model index`)"
    )]
    FormatVersion {
        /// The file.
        path: String,
        /// The file's format version.
        found: u32,
        /// The version this library reads.
        supported: u32,
    },
    /// The index was written by another version of the library.
    #[error(
        "index `{path}` was written by transform-model {found}; this is {this} (rebuild it with `transform-model index`)"
    )]
    LibraryVersion {
        /// The file.
        path: String,
        /// The version that wrote it.
        found: String,
        /// This library's version.
        this: String,
    },
    /// The content does not match the header's checksum.
    #[error("index `{path}` is corrupted: checksum {actual:08x} where the header says {expected:08x}")]
    Checksum {
        /// The file.
        path: String,
        /// CRC-32 in the header.
        expected: u32,
        /// CRC-32 of the content.
        actual: u32,
    },
    /// A part of the index cannot be decoded.
    #[error("index `{path}` is corrupted at `{part}`: {message}")]
    Corrupt {
        /// The file.
        path: String,
        /// The part (e.g. `postings`).
        part: String,
        /// What is wrong with it.
        message: String,
    },
    /// The stored catalog does not validate.
    #[error("index `{path}` holds an invalid catalog: {error}")]
    Catalog {
        /// The file.
        path: String,
        /// The catalog's error.
        #[source]
        error: CatalogError,
    },
    /// The caller cancelled the load ([`crate::cancel`]).
    #[error(transparent)]
    Cancelled(#[from] crate::cancel::Cancelled),
}

/// The payload of a file whose header is sound: magic, version, length and checksum.
pub(crate) fn check_header<'a>(bytes: &'a [u8], name: &str) -> Result<&'a [u8], StoreError> {
    let path = name.to_owned();
    let prefix = &bytes[..bytes.len().min(MAGIC.len())];
    if prefix != &MAGIC[..prefix.len()] || bytes.is_empty() {
        let json = bytes.iter().find(|b| !b.is_ascii_whitespace()).is_some_and(|&b| b == b'{' || b == b'[');
        let hint = if json {
            " (it looks like JSON: build an index with `transform-model index CATALOG.json -o FILE`)"
        } else {
            ""
        };
        return Err(StoreError::NotAnIndex { path, hint });
    }
    let truncated =
        |expected: u64| StoreError::Truncated { path: name.to_owned(), expected, actual: bytes.len() as u64 };
    let Some(header) = bytes.get(..HEADER_LEN) else { return Err(truncated(HEADER_LEN as u64)) };
    let (version, rest) = header[8..].split_at(4);
    let (lib, rest) = rest.split_at(LIB_VERSION_LEN);
    let (len, crc) = rest.split_at(8);
    let found = u32::from_le_bytes(version.try_into().expect("4 bytes"));
    if found != FORMAT_VERSION {
        return Err(StoreError::FormatVersion { path, found, supported: FORMAT_VERSION });
    }
    let lib = String::from_utf8_lossy(lib).trim_end_matches('\0').to_owned();
    if lib != LIB_VERSION {
        return Err(StoreError::LibraryVersion { path, found: lib, this: LIB_VERSION.to_owned() });
    }
    let len = u64::from_le_bytes(len.try_into().expect("8 bytes"));
    let expected = (HEADER_LEN as u64).saturating_add(len);
    if (bytes.len() as u64) < expected {
        return Err(truncated(expected));
    }
    if (bytes.len() as u64) > expected {
        let message = format!("{} bytes after the announced end", bytes.len() as u64 - expected);
        return Err(StoreError::Corrupt { path, part: "length".into(), message });
    }
    let payload = &bytes[HEADER_LEN..];
    let (expected, actual) = (u32::from_le_bytes(crc.try_into().expect("4 bytes")), crc32fast::hash(payload));
    if expected != actual {
        return Err(StoreError::Checksum { path, expected, actual });
    }
    Ok(payload)
}

/// The bytes of an index file around `payload`: header (magic, versions, length, CRC-32), then the payload.
pub(crate) fn framed(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    let mut version = [0u8; LIB_VERSION_LEN];
    let v = &LIB_VERSION.as_bytes()[..LIB_VERSION.len().min(LIB_VERSION_LEN)];
    version[..v.len()].copy_from_slice(v);
    out.extend_from_slice(&version);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The file at `path` read into an aligned buffer through the one limit on files read
/// ([`crate::limits::Limit::FileBytes`]): a regular file's size is checked before anything is
/// allocated, and any file (a device such as `/dev/zero`, a pipe) is read only up to the
/// limit plus one byte, its memory reserved fallibly, so an endless or huge input is an
/// error naming the limit, never an abort.
pub(crate) fn read_bounded(path: &Path) -> Result<Buffer, StoreError> {
    let name = path.display().to_string();
    let io = |e: std::io::Error| StoreError::Io { action: "read", path: name.clone(), source: e.into() };
    let limit = crate::limits::Limit::FileBytes;
    let over = |size: u64| StoreError::Io {
        action: "read",
        path: name.clone(),
        source: crate::limits::LimitError { limit, value: size, max: limit.max() }.into(),
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let known = file.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
    if let Some(size) = known.filter(|&s| limit.check(s).is_err()) {
        return Err(over(size));
    }
    // A regular file of some size is mapped (pages read as touched); a small one, or a
    // device or pipe, is read — bounded — into memory.
    if known.is_some_and(|s| s >= MAP_AT_LEAST) {
        return Buffer::map(&file).map_err(io);
    }
    let max = limit.max();
    let buf = Buffer::read(&mut file.take(max.saturating_add(1)), known.unwrap_or(0) as usize).map_err(|e| {
        let message = format!("{e} (the limit `{}` is {max} bytes)", limit.name());
        StoreError::Io { action: "read", path: name.clone(), source: std::io::Error::new(e.kind(), message).into() }
    })?;
    if buf.bytes().len() as u64 > max {
        return Err(over(buf.bytes().len() as u64));
    }
    Ok(buf)
}
