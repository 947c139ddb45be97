//! A ZIP archive of stored (uncompressed) entries, as an `.xlsx` needs:
//! CRC-32, local headers, the central directory. No compression and no
//! ZIP64: a table export stays far below 4 GB.

/// CRC-32 (IEEE), as ZIP checks entries.
fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, t) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *t = c;
    }
    let mut crc = !0u32;
    for &b in data {
        crc = table[((crc ^ b as u32) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

/// A ZIP archive of stored entries (no compression, no ZIP64: a table
/// export stays far below 4 GB).
#[derive(Default)]
pub(crate) struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl Zip {
    pub(crate) fn add(&mut self, name: &str, data: &[u8]) {
        let crc = crc32(data);
        let offset = self.out.len() as u32;
        let size = data.len() as u32;
        // 1980-01-01 00:00 (DOS time), UTF-8 names (flag bit 11).
        let (time, date, flags) = (0u16, (1u16 << 5) | 1, 1u16 << 11);
        let n = name.len() as u16;
        let le16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
        let le32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
        let o = &mut self.out;
        le32(o, 0x0403_4b50);
        le16(o, 20);
        le16(o, flags);
        le16(o, 0);
        le16(o, time);
        le16(o, date);
        le32(o, crc);
        le32(o, size);
        le32(o, size);
        le16(o, n);
        le16(o, 0);
        o.extend_from_slice(name.as_bytes());
        o.extend_from_slice(data);
        let c = &mut self.central;
        le32(c, 0x0201_4b50);
        le16(c, 20);
        le16(c, 20);
        le16(c, flags);
        le16(c, 0);
        le16(c, time);
        le16(c, date);
        le32(c, crc);
        le32(c, size);
        le32(c, size);
        le16(c, n);
        le16(c, 0);
        le16(c, 0);
        le16(c, 0);
        le16(c, 0);
        le32(c, 0);
        le32(c, offset);
        c.extend_from_slice(name.as_bytes());
        self.count += 1;
    }

    pub(crate) fn finish(mut self) -> Vec<u8> {
        let start = self.out.len() as u32;
        let len = self.central.len() as u32;
        self.out.extend_from_slice(&self.central);
        let o = &mut self.out;
        o.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        o.extend_from_slice(&[0, 0, 0, 0]);
        o.extend_from_slice(&self.count.to_le_bytes());
        o.extend_from_slice(&self.count.to_le_bytes());
        o.extend_from_slice(&len.to_le_bytes());
        o.extend_from_slice(&start.to_le_bytes());
        o.extend_from_slice(&[0, 0]);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn an_archive_ends_with_its_directory() {
        let mut z = Zip::default();
        z.add("a.txt", b"hello");
        z.add("b/c.xml", b"<x/>");
        let bytes = z.finish();
        assert_eq!(&bytes[..4], &[0x50, 0x4b, 0x03, 0x04]);
        let end = bytes.len() - 22;
        assert_eq!(&bytes[end..end + 4], &[0x50, 0x4b, 0x05, 0x06]);
        assert_eq!(
            u16::from_le_bytes([bytes[end + 10], bytes[end + 11]]),
            2,
            "two entries"
        );
    }
}
