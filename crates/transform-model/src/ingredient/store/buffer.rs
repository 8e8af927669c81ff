//! The bytes of an index file — memory-mapped, or one owned, 8-byte-aligned copy — and
//! typed views into them.
//!
//! A large regular file is mapped read-only (its pages are read as they are touched, and a
//! second process opening the same index shares them); anything else is read into memory
//! whose start is aligned for u64 (a `Vec<u64>`). Either way a section that the writer
//! padded to a multiple of 8 bytes can be viewed as `[u32]` or `[f32]` in place:
//! [`zerocopy`] checks alignment and length on every view, so a bad offset is an error (at
//! load) rather than undefined behaviour, and no byte is copied.

use std::io::Read;
use std::ops::{Deref, Range};
use std::sync::Arc;

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

/// The bytes of an index file: mapped, or in memory aligned for u64.
pub(crate) enum Buffer {
    Owned { words: Vec<u64>, len: usize },
    Mapped(memmap2::Mmap),
}

impl Buffer {
    /// A copy of `bytes`.
    pub fn copy_of(bytes: &[u8]) -> Buffer {
        let mut words = vec![0u64; bytes.len().div_ceil(8)];
        words.as_mut_bytes()[..bytes.len()].copy_from_slice(bytes);
        Buffer::Owned { words, len: bytes.len() }
    }

    /// `file` (a regular file) mapped read-only.
    ///
    /// A mapping shows the file as it is on disk: were another program to shorten it while
    /// it is mapped, reading a page past the new end would fault (SIGBUS) rather than err.
    /// Index files are never changed in place by this library — `Index::save` writes a
    /// new file and renames it over the old one, and a mapped old file lives on unchanged
    /// until it is unmapped — so only a program that truncates an index in place can cause
    /// that (docs/index-format.md).
    #[allow(unsafe_code)] // a memory map: memmap2's map is unsafe by signature (see the SAFETY note)
    pub fn map(file: &std::fs::File) -> std::io::Result<Buffer> {
        // SAFETY: the mapping is read-only and private to this buffer; its bytes are only
        // read through `bytes()`, as plain `u8`s (any bit pattern is valid). What Rust cannot
        // rule out is another process changing the file meanwhile (see above): this library
        // never writes an index in place, and `Index::save` replaces files by rename.
        let map = unsafe { memmap2::MmapOptions::new().populate().map(file)? };
        Ok(Buffer::Mapped(map))
    }

    /// Everything `file` holds, read straight into aligned memory; `size_hint` is the
    /// file's length as its metadata says (a file that grows or shrinks meanwhile is read
    /// as it is, and the header check judges it). Memory is reserved fallibly: when it
    /// cannot be had (a memory limit, `ulimit -v`), the read is an `OutOfMemory` error,
    /// not an abort. Bound the reader (`Read::take`) to bound the read.
    pub fn read(file: &mut impl Read, size_hint: usize) -> std::io::Result<Buffer> {
        let mut words: Vec<u64> = Vec::new();
        grow(&mut words, size_hint.div_ceil(8) + 1)?;
        #[cfg(target_os = "linux")]
        advise_huge_pages(words.as_mut_bytes());
        let mut len = 0;
        loop {
            let room = words.len() * 8;
            if len == room {
                let doubled = words.len() * 2;
                grow(&mut words, doubled)?;
            }
            let n = match file.read(&mut words.as_mut_bytes()[len..]) {
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                break;
            }
            len += n;
        }
        Ok(Buffer::Owned { words, len })
    }

    pub fn bytes(&self) -> &[u8] {
        match self {
            Buffer::Owned { words, len } => &words.as_bytes()[..*len],
            Buffer::Mapped(map) => map,
        }
    }
}

/// Grows `words` to `len` zeroed words, or fails with `OutOfMemory` naming the size.
fn grow(words: &mut Vec<u64>, len: usize) -> std::io::Result<()> {
    let more = len.saturating_sub(words.len());
    words.try_reserve_exact(more).map_err(|_| {
        let message = format!("out of memory reserving {} bytes", len.saturating_mul(8));
        std::io::Error::new(std::io::ErrorKind::OutOfMemory, message)
    })?;
    words.resize(len, 0);
    Ok(())
}

/// Asks Linux to back a large buffer with 2 MiB pages before it is written: reading a
/// 150 MiB index into 4 KiB pages takes some 38,000 page faults, a good part of loading.
/// Advice only: contents and validity of the memory are unchanged, a refusal is ignored.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)] // madvise: a system call std does not wrap
fn advise_huge_pages(bytes: &mut [u8]) {
    const HUGE: usize = 2 << 20;
    let (at, len) = (bytes.as_mut_ptr() as usize, bytes.len());
    let start = at.next_multiple_of(HUGE);
    let end = (at + len) / HUGE * HUGE;
    if end > start {
        // SAFETY: [start, end) lies within `bytes`, memory this process owns and holds
        // exclusively here; MADV_HUGEPAGE changes neither its contents nor its validity.
        unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE) };
    }
}

/// Where `part` (a slice of `whole`) lies within it.
pub(crate) fn range_in(whole: &[u8], part: &[u8]) -> Range<usize> {
    let start = part.as_ptr() as usize - whole.as_ptr() as usize;
    start..start + part.len()
}

/// A flat array: owned (an index built in memory) or a view into a loaded file's buffer,
/// whose alignment and length were checked when it was loaded.
pub(crate) enum Words<T> {
    Owned(Vec<T>),
    Shared { buf: Arc<Buffer>, bytes: Range<usize> },
}

impl<T> From<Vec<T>> for Words<T> {
    fn from(v: Vec<T>) -> Self {
        Words::Owned(v)
    }
}

impl<T: FromBytes + Immutable + KnownLayout> Words<T> {
    /// A view of `bytes` of `buf`, or `None` when they are not aligned for `T` or not a
    /// whole number of `T`s.
    pub fn view(buf: &Arc<Buffer>, bytes: Range<usize>) -> Option<Words<T>> {
        <[T]>::ref_from_bytes(buf.bytes().get(bytes.clone())?).ok()?;
        Some(Words::Shared { buf: Arc::clone(buf), bytes })
    }
}

impl<T: FromBytes + Immutable + KnownLayout> Deref for Words<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        match self {
            Words::Owned(v) => v,
            Words::Shared { buf, bytes } => {
                <[T]>::ref_from_bytes(&buf.bytes()[bytes.clone()]).expect("alignment and length checked on load")
            }
        }
    }
}
