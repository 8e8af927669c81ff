//! Saving and loading an index: the index's explicit parts and its catalog written in the
//! file format of [`super::store`], and an index assembled again from a file — header and
//! checksum first, then the catalog's records and the text analysis, checked side by side.

use std::path::Path;
use std::sync::Arc;

use super::catalog::index_ingredients;
use super::docs::{Docs, Saved};
use super::index::Index;
use super::store::{self, Buffer, Reader, Records, StoreError, Writer};

impl Index {
    /// The index as the bytes of an index file (a loaded index: the bytes it was loaded from).
    pub fn to_index_bytes(&self) -> Vec<u8> {
        if let Some(bytes) = self.docs.file_bytes() {
            return bytes.to_vec();
        }
        let mut catalog = Writer::default();
        store::write_catalog(&mut catalog, self.catalog().def());
        let mut w = Writer::default();
        w.len(self.len());
        w.bytes(&catalog.buf);
        store::write_analysis(&mut w, &self.parts);
        store::write_derived(&mut w, &self.facets, &self.context);
        match self.profiles() {
            Ok(p) => store::write_profiles(&mut w, p),
            // Only an index loaded from a file has records that may not decode, and a
            // loaded index is written back as its file's bytes above.
            Err(_) => store::write_profiles(&mut w, &Default::default()),
        }
        store::framed(&w.buf)
    }

    /// Writes the index to `path`: to a temporary file in the same folder, then renamed,
    /// so a reader never sees half a file and a failed write leaves any old index intact.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), StoreError> {
        let path = path.as_ref();
        let io =
            |e: std::io::Error| StoreError::Io { action: "write", path: path.display().to_string(), source: e.into() };
        crate::atomic::write_atomically(path, &self.to_index_bytes()).map_err(io)
    }

    /// Reads an index written by [`Index::save`] (see the module documentation for what is checked).
    pub fn load(path: impl AsRef<Path>) -> Result<Index, StoreError> {
        let path = path.as_ref();
        let buf = store::read_bounded(path)?;
        Index::from_buffer(Arc::new(buf), &path.display().to_string())
    }

    /// An index from the bytes of an index file; `name` names it in errors.
    pub fn from_index_bytes(bytes: &[u8], name: &str) -> Result<Index, StoreError> {
        Index::from_buffer(Arc::new(Buffer::copy_of(bytes)), name)
    }

    /// The index in `buf`: header and checksum first, then the catalog's table of records
    /// (not the records: each is decoded when read), the analysis, whose flat arrays stay
    /// in `buf` as views, and the derived tables.
    fn from_buffer(buf: Arc<Buffer>, name: &str) -> Result<Index, StoreError> {
        let payload = store::check_header(buf.bytes(), name)?;
        // Checked between the phases (and by every record check): a cancelled load stops early.
        let token = crate::cancel::current();
        token.check()?;
        let corrupt = |b: store::Bad| StoreError::Corrupt { path: name.to_owned(), part: b.part, message: b.message };
        let mut r = Reader::new(payload);
        let short = |_| corrupt(store::Bad { part: "catalog".into(), message: "ends early".into() });
        let n_docs = r.len(1).map_err(short)?;
        let catalog_bytes = r.str_bytes().map_err(short)?;
        let mut c = Reader::new(catalog_bytes);
        let parts = store::read_catalog(&mut c).map_err(corrupt)?;
        let n = parts.starts.len() - 1;
        if !c.at_end() || n != n_docs {
            let message = format!("{n} interventions where the payload announces {n_docs}");
            return Err(StoreError::Corrupt { path: name.to_owned(), part: "catalog".into(), message });
        }
        let invalid = |error| StoreError::Catalog { path: name.to_owned(), error };
        let ingredient_index = index_ingredients(&parts.ingredients).map_err(invalid)?;
        let body = store::range_in(buf.bytes(), parts.body);
        let records = Records::new(&buf, body, parts.starts).map_err(corrupt)?;
        let analysis = store::read_analysis(&mut r, n_docs, &buf).map_err(corrupt)?;
        let derived = store::read_derived(&mut r, n_docs).map_err(corrupt)?;
        let profiles = store::read_profiles(&mut r).map_err(corrupt)?;
        if !r.at_end() {
            let message = format!("{} bytes after the last section", payload.len() - r.position());
            return Err(StoreError::Corrupt { path: name.to_owned(), part: "end".into(), message });
        }
        let saved = Saved { note: parts.note, ingredients: parts.ingredients, ingredient_index, records, file: buf };
        let index = Index::from_parts(Docs::saved(saved), analysis, derived);
        // Stored with the index: `partners` on a loaded index reads no intervention.
        let _ = index.profiles.set(Ok(profiles));
        Ok(index)
    }
}
