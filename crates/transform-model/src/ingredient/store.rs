//! A saved index: the catalog and its text analysis in one file, so matching starts
//! without parsing catalog JSON or stemming and splitting its words again.
//!
//! Format (little-endian; `docs/index-format.md`): a 40-byte header — magic
//! `TMINDEX\x1a`, format version (u32), library version (16 bytes, zero-padded), payload
//! length (u64), CRC-32 of the payload (u32) — then the payload ([`layout`]). A hand-laid
//! format rather than a serde format: the bulk of a large index is flat u32/f32 arrays
//! (postings), copied in one pass instead of decoded element by element, and the catalog's
//! JSON context values could not go through a non-self-describing serde format anyway.
//! The file is read, not memory-mapped: the checksum touches every byte before any is
//! trusted, and a mapped file truncated by another process would fault instead of erring.
//!
//! Loading checks, in order: magic (a JSON catalog or any other file is [`StoreError::NotAnIndex`]),
//! length, format version, library version (the analysis — stemming, compound splitting
//! — belongs to the library that wrote it), checksum, then every id and the catalog's own
//! validation. Facets, tags and interned context are derived from the catalog on load by
//! the same code [`Index::new`] uses.

mod buffer;
mod bytes;
mod layout;
mod records;
mod utf8;

use std::path::Path;
use std::sync::Arc;

use buffer::Buffer;
use bytes::{Reader, Writer};

pub(crate) use buffer::Words;
pub(crate) use records::Records;

use super::CatalogError;
use super::catalog::{check_interventions, index_ingredients};
use super::docs::{Docs, Saved};
use super::index::{Derived, Index};

/// The first bytes of every index file. `\x1a` (end of file in DOS) keeps a text reader
/// from taking it for text, as PNG's signature does.
pub const MAGIC: &[u8; 8] = b"TMINDEX\x1a";
/// Version of the file layout; a file of another version is refused.
pub const FORMAT_VERSION: u32 = 2;
/// Bytes before the payload.
pub const HEADER_LEN: usize = 40;
const LIB_VERSION: &str = env!("CARGO_PKG_VERSION");
const LIB_VERSION_LEN: usize = 16;

/// Why an index file could not be written or read.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum StoreError {
    /// Reading or writing the file failed.
    #[error("cannot {action} index `{path}`: {message}")]
    Io {
        /// `read` or `write`.
        action: &'static str,
        /// The file.
        path: String,
        /// The operating system's reason.
        message: String,
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
        error: CatalogError,
    },
}

impl Index {
    /// The index as the bytes of an index file.
    pub fn to_index_bytes(&self) -> Vec<u8> {
        let mut catalog = Writer::default();
        layout::write_catalog(&mut catalog, self.catalog().def());
        let mut w = Writer::default();
        w.len(self.len());
        w.bytes(&catalog.buf);
        layout::write_analysis(&mut w, self);
        let payload = w.buf;
        let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        let mut version = [0u8; LIB_VERSION_LEN];
        let v = &LIB_VERSION.as_bytes()[..LIB_VERSION.len().min(LIB_VERSION_LEN)];
        version[..v.len()].copy_from_slice(v);
        out.extend_from_slice(&version);
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }

    /// Writes the index to `path`: to a temporary file in the same folder, then renamed,
    /// so a reader never sees half a file and a failed write leaves any old index intact.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), StoreError> {
        let path = path.as_ref();
        let io = |e: std::io::Error| StoreError::Io {
            action: "write",
            path: path.display().to_string(),
            message: e.to_string(),
        };
        crate::atomic::write_atomically(path, &self.to_index_bytes()).map_err(io)
    }

    /// Reads an index written by [`Index::save`] (see the module documentation for what is checked).
    pub fn load(path: impl AsRef<Path>) -> Result<Index, StoreError> {
        let path = path.as_ref();
        let io = |e: std::io::Error| StoreError::Io {
            action: "read",
            path: path.display().to_string(),
            message: e.to_string(),
        };
        let mut file = std::fs::File::open(path).map_err(io)?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        // The one limit on files read (crate::limits), checked before allocating.
        crate::limits::Limit::FileBytes.check(size).map_err(|e| StoreError::Io {
            action: "read",
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        let buf = Buffer::read(&mut file, size as usize).map_err(io)?;
        Index::from_buffer(Arc::new(buf), &path.display().to_string())
    }

    /// An index from the bytes of an index file; `name` names it in errors.
    pub fn from_index_bytes(bytes: &[u8], name: &str) -> Result<Index, StoreError> {
        Index::from_buffer(Arc::new(Buffer::copy_of(bytes)), name)
    }

    /// The index in `buf`: header and checksum first, then the catalog's records walked
    /// and validated beside the analysis, whose flat arrays stay in `buf` as views.
    fn from_buffer(buf: Arc<Buffer>, name: &str) -> Result<Index, StoreError> {
        let payload = check_header(buf.bytes(), name)?;
        let corrupt = |b: layout::Bad| StoreError::Corrupt { path: name.to_owned(), part: b.part, message: b.message };
        let mut r = Reader::new(payload);
        let short = |_| corrupt(layout::Bad { part: "catalog".into(), message: "ends early".into() });
        let n_docs = r.len(1).map_err(short)?;
        let catalog_bytes = r.str_bytes().map_err(short)?;
        // The catalog and the analysis decode side by side.
        let (catalog, analysis) = rayon::join(
            || {
                let mut c = Reader::new(catalog_bytes);
                let parts = layout::read_catalog(&mut c).map_err(corrupt)?;
                let n = parts.starts.len() - 1;
                if !c.at_end() || n != n_docs {
                    let message = format!("{n} interventions where the payload announces {n_docs}");
                    return Err(StoreError::Corrupt { path: name.to_owned(), part: "catalog".into(), message });
                }
                let body = buffer::range_in(buf.bytes(), parts.body);
                let (records, refs) = Records::check(&buf, body, parts.starts).map_err(corrupt)?;
                let invalid = |error| StoreError::Catalog { path: name.to_owned(), error };
                let ingredient_index = index_ingredients(&parts.ingredients).map_err(invalid)?;
                let (checked, derived) =
                    rayon::join(|| check_interventions(&refs, &ingredient_index), || Derived::of(&refs));
                checked.map_err(invalid)?;
                let saved = Saved { note: parts.note, ingredients: parts.ingredients, ingredient_index, records };
                Ok((Docs::saved(saved), derived))
            },
            || {
                let analysis = layout::read_analysis(&mut r, n_docs, &buf).map_err(corrupt)?;
                if !r.at_end() {
                    let message = format!("{} bytes after the last section", payload.len() - r.position());
                    return Err(StoreError::Corrupt { path: name.to_owned(), part: "end".into(), message });
                }
                Ok(analysis)
            },
        );
        let ((docs, derived), analysis) = (catalog?, analysis?);
        Ok(Index::from_analysis(docs, analysis, derived))
    }
}

/// The payload of a file whose header is sound: magic, version, length and checksum.
fn check_header<'a>(bytes: &'a [u8], name: &str) -> Result<&'a [u8], StoreError> {
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
