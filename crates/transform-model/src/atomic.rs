//! Writing a file whole or not at all: into a temporary file in the same folder, synced,
//! then renamed into place. A failure halfway (bad input found late, disk full, killed)
//! leaves an existing file as it was and no temporary file behind.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically (see the module documentation).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// Streams `produce`'s output to `path` atomically: an error from `produce` (bad input found
/// late) or from the disk leaves an existing file as it was and no temporary file behind.
pub fn write_atomically_with(
    path: &Path,
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let name = path.file_name().ok_or_else(|| std::io::Error::other("the path names no file"))?;
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    let temp = path.with_file_name(format!(".{}.{}-{nanos}.tmp", name.to_string_lossy(), std::process::id()));
    let result = std::fs::File::create(&temp)
        .and_then(|file| {
            let mut out = std::io::BufWriter::new(file);
            produce(&mut out)?;
            out.into_inner().map_err(|e| e.into_error())?.sync_all()
        })
        .and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = std::env::temp_dir().join(format!("tm-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.txt");
        super::write_atomically(&path, b"old").unwrap();
        // A directory in the way of the rename: the write fails after the temporary is written.
        let blocked = dir.join("blocked");
        std::fs::create_dir_all(blocked.join("x")).unwrap();
        assert!(super::write_atomically(&blocked, b"new").is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        let leftovers: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_producer_failing_halfway_leaves_the_old_file_and_no_temporary() {
        let dir = std::env::temp_dir().join(format!("tm-atomic-stream-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.csv");
        std::fs::write(&path, b"old").unwrap();
        // 64 KiB written (past any buffer, so bytes reached the temporary file), then the
        // input turns out bad.
        let e = super::write_atomically_with(&path, |out| {
            for _ in 0..1024 {
                out.write_all(&[b'x'; 64])?;
            }
            Err(std::io::Error::other("row 1025: bad value"))
        })
        .unwrap_err();
        assert_eq!(e.to_string(), "row 1025: bad value");
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "a temporary file was left");
        // The same producer without the error replaces the file whole.
        super::write_atomically_with(&path, |out| out.write_all(&[b'y'; 70_000])).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), vec![b'y'; 70_000]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
