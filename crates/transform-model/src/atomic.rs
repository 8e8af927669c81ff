//! Writing a file whole or not at all: into a temporary file in the same folder, synced,
//! then renamed into place, and the folder synced. A failure halfway (bad input found late,
//! disk full, killed) leaves an existing file as it was and no temporary file behind.
//!
//! The temporary file is created new (`O_EXCL`) under a random name (the `tempfile` crate),
//! so it can neither follow a link planted at a guessable name nor meet a concurrent
//! writer's file. It gets the permissions a new file gets (0666 less the umask), as
//! `File::create` would give, not the crate's owner-only default.

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
    write_then(path, produce, |_| Ok(()))
}

/// The steps of [`write_atomically_with`]; `before_rename` runs on the synced temporary file
/// (the tests fail there, between write and rename).
fn write_then(
    path: &Path,
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let name = path.file_name().ok_or_else(|| std::io::Error::other("the path names no file"))?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // Dropped on every early return below: the temporary file is deleted.
    let mut temp = new_temporary(dir, &name.to_string_lossy())?;
    let mut out = std::io::BufWriter::new(temp.as_file_mut());
    produce(&mut out)?;
    out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    before_rename(temp.path())?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_folder(dir)
}

/// `.NAME.XXXXXX.tmp` in `dir`, created new, with a new file's usual permissions.
fn new_temporary(dir: &Path, name: &str) -> std::io::Result<tempfile::NamedTempFile> {
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder.tempfile_in(dir)
}

/// Makes the rename durable: the folder's entry is on disk once this returns.
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir; // Windows cannot open a folder as a file; its rename is journaled by NTFS.
    Ok(())
}

#[cfg(test)]
mod tests {
    fn temporaries(dir: &std::path::Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn a_failure_between_write_and_rename_leaves_the_old_file() {
        let dir = std::env::temp_dir().join(format!("tm-atomic-between-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.txt");
        std::fs::write(&path, b"old").unwrap();
        let mut seen = Vec::new();
        for _ in 0..2 {
            let e = super::write_then(
                &path,
                |out| out.write_all(b"new and longer"),
                |temp| {
                    // The new content is complete in the temporary file, in the same folder.
                    assert_eq!(std::fs::read(temp).unwrap(), b"new and longer");
                    assert_eq!(temp.parent(), Some(dir.as_path()));
                    seen.push(temp.file_name().unwrap().to_string_lossy().into_owned());
                    Err(std::io::Error::other("killed before the rename"))
                },
            )
            .unwrap_err();
            assert_eq!(e.to_string(), "killed before the rename");
            assert_eq!(std::fs::read(&path).unwrap(), b"old");
            assert_eq!(temporaries(&dir), Vec::<String>::new());
        }
        // `.out.txt.` + a random part + `.tmp`: two attempts, two names.
        assert!(seen.iter().all(|n| n.starts_with(".out.txt.") && n.len() > ".out.txt..tmp".len()), "{seen:?}");
        assert_ne!(seen[0], seen[1]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_new_file_gets_the_usual_permissions_not_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("tm-atomic-mode-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (atomic, plain) = (dir.join("atomic.txt"), dir.join("plain.txt"));
        super::write_atomically(&atomic, b"x").unwrap();
        std::fs::write(&plain, b"x").unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&atomic), mode(&plain));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_relative_path_in_the_working_folder_is_written() {
        // No parent folder in the path: the temporary file goes to `.`, not to "".
        let name = format!("tm-atomic-relative-{}.txt", std::process::id());
        super::write_atomically(std::path::Path::new(&name), b"here").unwrap();
        assert_eq!(std::fs::read(&name).unwrap(), b"here");
        std::fs::remove_file(&name).unwrap();
    }

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
