//! A minimal ZIP writer (stored, no compression): prepared images are already compressed, so
//! deflate would only cost time. Enough for "download all" without another dependency.

use crate::i18n::text::prep;
use crate::i18n::Lang;

/// CRC-32 (IEEE), table-driven.
pub fn crc32(data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, entry) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *entry = c;
        }
        t
    });
    !data.iter().fold(!0u32, |c, &b| {
        table[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8)
    })
}

/// A ZIP archive of `(name, bytes)` entries, stored, each dated `local_secs` (see
/// [`dos_date_time`]). Names are written as UTF-8 (flag bit 11). Errors when the archive would
/// need ZIP64 (over 4 GB or 65535 entries).
pub fn write_stored_zip(
    entries: &[(String, &[u8])],
    local_secs: i64,
) -> Result<Vec<u8>, ZipTooLarge> {
    let mut writer = ZipWriter::default();
    let mut out = Vec::new();
    for (name, data) in entries {
        out.extend(writer.entry(name, crc32(data), data.len() as u64, local_secs)?);
        out.extend_from_slice(data);
    }
    out.extend(writer.finish()?);
    Ok(out)
}

/// ZIP's MS-DOS (time, date) for a local wall-clock time given as seconds since 1970-01-01
/// (Unix seconds plus the zone's offset: ZIP stores local time without a zone). Clamped to
/// what the format holds, 1980-01-01 to 2107-12-31; seconds are kept to the even second.
pub fn dos_date_time(local_secs: i64) -> (u16, u16) {
    let (year, month, day, secs) = crate::file_names::civil(local_secs);
    if year < 1980 {
        return (0, (1 << 5) | 1);
    }
    if year > 2107 {
        return ((23 << 11) | (59 << 5) | 29, (127 << 9) | (12 << 5) | 31);
    }
    let time = ((secs / 3600) << 11) | (((secs % 3600) / 60) << 5) | ((secs % 60) / 2);
    let date = ((year - 1980) << 9) | (month << 5) | day;
    (time as u16, date as u16)
}

/// A stored ZIP written piece by piece, for archives whose files are not all in memory at
/// once: each [`ZipWriter::entry`] gives the header to put before that file's bytes, and
/// [`ZipWriter::finish`] the directory that ends the archive.
#[derive(Debug, Default)]
pub struct ZipWriter {
    written: u64,
    central: Vec<u8>,
    count: u16,
}

/// The archive would need ZIP64 (over 4 GB or 65535 entries), which this writer does not
/// write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ZipTooLarge;

impl ZipTooLarge {
    pub fn message(self, lang: Lang) -> &'static str {
        prep::ZIP_TOO_LARGE.get(lang)
    }
}

/// The English sentence.
impl std::fmt::Display for ZipTooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message(Lang::En))
    }
}

fn too_big() -> ZipTooLarge {
    ZipTooLarge
}

impl ZipWriter {
    /// The local header of a file of `size` bytes with checksum `crc`, dated `local_secs`
    /// (see [`dos_date_time`]); its bytes follow it.
    pub fn entry(
        &mut self,
        name: &str,
        crc: u32,
        size: u64,
        local_secs: i64,
    ) -> Result<Vec<u8>, ZipTooLarge> {
        let offset = u32::try_from(self.written).map_err(|_| too_big())?;
        let size = u32::try_from(size).map_err(|_| too_big())?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_big())?;
        self.count = self.count.checked_add(1).ok_or_else(too_big)?;
        let (time, date) = dos_date_time(local_secs);
        let common = |buf: &mut Vec<u8>| {
            buf.extend_from_slice(&20u16.to_le_bytes()); // version needed
            buf.extend_from_slice(&(1u16 << 11).to_le_bytes()); // UTF-8 names
            buf.extend_from_slice(&0u16.to_le_bytes()); // stored
            buf.extend_from_slice(&time.to_le_bytes());
            buf.extend_from_slice(&date.to_le_bytes());
            buf.extend_from_slice(&crc.to_le_bytes());
            buf.extend_from_slice(&size.to_le_bytes());
            buf.extend_from_slice(&size.to_le_bytes());
            buf.extend_from_slice(&name_len.to_le_bytes());
            buf.extend_from_slice(&0u16.to_le_bytes()); // extra length
        };
        let mut local = Vec::with_capacity(30 + name.len());
        local.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut local);
        local.extend_from_slice(name.as_bytes());

        let central = &mut self.central;
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // version made by
        common(central);
        central.extend_from_slice(&[0; 6]); // comment length, disk number, internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
        self.written += local.len() as u64 + u64::from(size);
        Ok(local)
    }

    /// The central directory and its end record: the last bytes of the archive.
    pub fn finish(self) -> Result<Vec<u8>, ZipTooLarge> {
        let central_offset = u32::try_from(self.written).map_err(|_| too_big())?;
        let central_size = u32::try_from(self.central.len()).map_err(|_| too_big())?;
        let mut out = self.central;
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0; 4]); // disk numbers
        out.extend_from_slice(&self.count.to_le_bytes());
        out.extend_from_slice(&self.count.to_le_bytes());
        out.extend_from_slice(&central_size.to_le_bytes());
        out.extend_from_slice(&central_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // comment length
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_carry_the_given_date() {
        // 2026-12-02 03:04:58 (1796180698 s): time 03:04:58, date 2026-12-02.
        let (time, date) = dos_date_time(1_796_180_698);
        assert_eq!((time >> 11, (time >> 5) & 63, (time & 31) * 2), (3, 4, 58));
        assert_eq!(
            (1980 + (date >> 9), (date >> 5) & 15, date & 31),
            (2026, 12, 2)
        );
        // Leap day, and the ends of the range.
        let (_, date) = dos_date_time(951_782_400); // 2000-02-29 00:00
        assert_eq!(
            (1980 + (date >> 9), (date >> 5) & 15, date & 31),
            (2000, 2, 29)
        );
        assert_eq!(dos_date_time(0), (0, (1 << 5) | 1));
        assert_eq!(dos_date_time(-5), (0, (1 << 5) | 1));
        assert_eq!(dos_date_time(i64::MAX / 2).1 >> 9, 127);
        let zip = write_stored_zip(&[("a.png".into(), b"abc")], 1_796_180_698).unwrap();
        assert_eq!(u16::from_le_bytes([zip[10], zip[11]]), time);
        assert_eq!(
            u16::from_le_bytes([zip[12], zip[13]]),
            dos_date_time(1_796_180_698).1
        );
    }

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn archive_layout_is_readable() {
        let zip = write_stored_zip(&[("a.png".into(), b"abc"), ("b.jpg".into(), b"")], 0).unwrap();
        assert_eq!(&zip[0..4], b"PK\x03\x04");
        // Entry 1: 30-byte header, name, data; entry 2 follows.
        assert_eq!(&zip[30..35], b"a.png");
        assert_eq!(&zip[35..38], b"abc");
        assert_eq!(&zip[38..42], b"PK\x03\x04");
        let eocd = zip.len() - 22;
        assert_eq!(&zip[eocd..eocd + 4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([zip[eocd + 10], zip[eocd + 11]]), 2);
        let central = u32::from_le_bytes(zip[eocd + 16..eocd + 20].try_into().unwrap()) as usize;
        assert_eq!(&zip[central..central + 4], b"PK\x01\x02");
        // Each 46-byte central entry names its local header; the second entry must follow the
        // first exactly, or unzip tools reject the archive.
        let u16_at = |at: usize| u16::from_le_bytes([zip[at], zip[at + 1]]) as usize;
        let u32_at = |at: usize| u32::from_le_bytes(zip[at..at + 4].try_into().unwrap()) as usize;
        let mut at = central;
        let mut seen = Vec::new();
        for _ in 0..2 {
            assert_eq!(&zip[at..at + 4], b"PK\x01\x02");
            let name_len = u16_at(at + 28);
            let name = &zip[at + 46..at + 46 + name_len];
            let local = u32_at(at + 42);
            assert_eq!(&zip[local..local + 4], b"PK\x03\x04");
            assert_eq!(&zip[local + 30..local + 30 + name_len], name);
            seen.push(String::from_utf8(name.to_vec()).unwrap());
            at += 46 + name_len + u16_at(at + 30) + u16_at(at + 32);
        }
        assert_eq!(seen, ["a.png", "b.jpg"]);
        assert_eq!(
            at, eocd,
            "the central directory ends where the end record starts"
        );
    }

    #[test]
    fn piece_by_piece_is_the_same_archive() {
        let files: [(&str, &[u8]); 3] = [("1.png", b"first"), ("2.webp", b""), ("3.jpg", b"xyz")];
        let whole = write_stored_zip(
            &files
                .iter()
                .map(|(n, d)| (n.to_string(), *d))
                .collect::<Vec<_>>(),
            1_796_180_698,
        )
        .unwrap();
        let mut writer = ZipWriter::default();
        let mut pieces = Vec::new();
        for (name, data) in files {
            pieces.extend(
                writer
                    .entry(name, crc32(data), data.len() as u64, 1_796_180_698)
                    .unwrap(),
            );
            pieces.extend_from_slice(data);
        }
        pieces.extend(writer.finish().unwrap());
        assert_eq!(pieces, whole);
        assert!(ZipWriter::default()
            .entry("big", 0, 5_000_000_000, 0)
            .is_err());
    }
}
