//! Little-endian primitives of the index file: a growing writer and a bounds-checked
//! reader. The reader never indexes past its buffer: every read is a `get` that turns a
//! short buffer into [`Short`], so a crafted or damaged payload is an error, not a panic.

/// The payload ended before a value that was being read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Short;

#[derive(Default)]
pub(crate) struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i64(&mut self, v: i64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f64(&mut self, v: f64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// A length as u64 (lengths are bounded by the reader against the bytes left).
    pub fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }
    /// Raw bytes with their length, read back by `Reader::str_bytes`.
    pub fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.buf.extend_from_slice(b);
    }
    pub fn strs<S: AsRef<str>>(&mut self, v: &[S]) {
        self.len(v.len());
        for s in v {
            self.str(s.as_ref());
        }
    }
    pub fn opt_f64(&mut self, v: Option<f64>) {
        self.u8(v.is_some() as u8);
        self.f64(v.unwrap_or(0.0));
    }
    pub fn opt_i64(&mut self, v: Option<i64>) {
        self.u8(v.is_some() as u8);
        self.i64(v.unwrap_or(0));
    }
    /// Zero bytes up to the next multiple of `n` (from the payload's start, itself at a
    /// multiple of 8 in the file), so an array after it can be viewed in place.
    pub fn align(&mut self, n: usize) {
        while self.buf.len() % n != 0 {
            self.buf.push(0);
        }
    }
    /// A u32 array: its length, then its elements.
    pub fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        self.buf.reserve(v.len() * 4);
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
    pub fn f32s(&mut self, v: &[f32]) {
        self.len(v.len());
        self.buf.reserve(v.len() * 4);
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
}

pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    pub fn position(&self) -> usize {
        self.pos
    }

    /// The bytes read since position `start`.
    pub fn since(&self, start: usize) -> &'a [u8] {
        &self.buf[start.min(self.pos)..self.pos]
    }

    pub fn at_end(&self) -> bool {
        self.pos == self.buf.len()
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Short> {
        let end = self.pos.checked_add(n).ok_or(Short)?;
        let out = self.buf.get(self.pos..end).ok_or(Short)?;
        self.pos = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Short> {
        self.take(N)?.try_into().map_err(|_| Short)
    }

    pub fn u8(&mut self) -> Result<u8, Short> {
        Ok(self.array::<1>()?[0])
    }
    pub fn u64(&mut self) -> Result<u64, Short> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    pub fn i64(&mut self) -> Result<i64, Short> {
        Ok(i64::from_le_bytes(self.array()?))
    }
    pub fn f64(&mut self) -> Result<f64, Short> {
        Ok(f64::from_le_bytes(self.array()?))
    }

    /// A count of items of at least `item_bytes` each: refused when the bytes left cannot
    /// hold them, so a damaged count never makes a huge allocation.
    pub fn len(&mut self, item_bytes: usize) -> Result<usize, Short> {
        let n = usize::try_from(self.u64()?).map_err(|_| Short)?;
        let need = n.checked_mul(item_bytes.max(1)).ok_or(Short)?;
        if need > self.buf.len() - self.pos {
            return Err(Short);
        }
        Ok(n)
    }

    /// Raw string bytes (UTF-8 is checked by the caller, which names the field).
    pub fn str_bytes(&mut self) -> Result<&'a [u8], Short> {
        let n = self.len(1)?;
        self.take(n)
    }

    pub fn opt_f64(&mut self) -> Result<Option<f64>, Short> {
        let some = self.u8()?;
        let v = self.f64()?;
        Ok((some != 0).then_some(v))
    }
    pub fn opt_i64(&mut self) -> Result<Option<i64>, Short> {
        let some = self.u8()?;
        let v = self.i64()?;
        Ok((some != 0).then_some(v))
    }

    /// Skips the zero bytes [`Writer::align`] wrote; `Err(true)` when one is not zero.
    pub fn align(&mut self, n: usize) -> Result<(), bool> {
        let pad = (n - self.pos % n) % n;
        let bytes = self.take(pad).map_err(|Short| false)?;
        if bytes.iter().any(|&b| b != 0) { Err(true) } else { Ok(()) }
    }

    /// The raw bytes of an array of 4-byte items written by `Writer::u32s`/`f32s`.
    pub fn array4(&mut self) -> Result<&'a [u8], Short> {
        let n = self.len(4)?;
        self.take(n * 4)
    }

    pub fn u32s(&mut self) -> Result<Vec<u32>, Short> {
        let n = self.len(4)?;
        Ok(self.take(n * 4)?.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
}
