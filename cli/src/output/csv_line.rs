//! A CSV row encoder: appends a row's fields straight to a byte buffer, with exactly the
//! quoting of the csv crate's default writer (which the CLI's CSV used before), so the bytes
//! stay the same for the same cells (the tests below compare both on awkward texts and on
//! every byte value). [`super::csv`] writes every row through it.
//!
//! The csv crate's own fast path copies each field into a `ByteRecord`, then into its buffer,
//! then into the `BufWriter`; here a field is copied once, into the page's buffer.

use iqtech::Decimal;

/// Whether the csv crate's default writer (delimiter `,`, quote `"` doubled, terminator `\n`)
/// puts `v` in quotes: when it holds `,`, `"`, `\n` or `\r`. Eight bytes at a time (a byte
/// equal to `c` is a zero byte of `x ^ c…c`), as a per-byte loop cost ~14 instructions a byte.
fn needs_quotes(v: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Non-zero exactly when some byte of `x` is `c` (the classic has-a-zero-byte test).
    fn has(x: u64, c: u8) -> u64 {
        let y = x ^ (LO * u64::from(c));
        y.wrapping_sub(LO) & !y & HI
    }
    let mut chunks = v.chunks_exact(8);
    let mut found = 0u64;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        found |= has(x, b',') | has(x, b'"') | has(x, b'\n') | has(x, b'\r');
    }
    found != 0
        || chunks
            .remainder()
            .iter()
            .any(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

/// One CSV row being appended to `out`; [`CsvLine::end`] writes its terminator.
pub struct CsvLine<'a> {
    out: &'a mut Vec<u8>,
    /// Where the row starts in `out` (a row of one empty field is written `""`, as csv does).
    start: usize,
    fields: usize,
}

impl<'a> CsvLine<'a> {
    /// Starts a row at the end of `out`.
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        let start = out.len();
        Self {
            out,
            start,
            fields: 0,
        }
    }

    /// Starts a row with `fields` cells already encoded in `encoded` (a row prefix made by
    /// another [`CsvLine`] on a scratch buffer, without its terminator: see [`CsvLine::fields`]).
    pub fn with_encoded(out: &'a mut Vec<u8>, encoded: &[u8], fields: usize) -> Self {
        let start = out.len();
        out.extend_from_slice(encoded);
        Self { out, start, fields }
    }

    /// The number of cells written so far.
    pub fn fields(&self) -> usize {
        self.fields
    }

    fn delimit(&mut self) {
        if self.fields > 0 {
            self.out.push(b',');
        }
        self.fields += 1;
    }

    /// A cell with these bytes, quoted when they hold `,`, `"`, `\r` or `\n` (quotes doubled).
    pub fn field(&mut self, v: &[u8]) {
        self.delimit();
        if !needs_quotes(v) {
            self.out.extend_from_slice(v);
            return;
        }
        self.out.reserve(v.len() + 2);
        self.out.push(b'"');
        let mut rest = v;
        while let Some(i) = rest.iter().position(|&b| b == b'"') {
            self.out.extend_from_slice(&rest[..=i]);
            self.out.push(b'"');
            rest = &rest[i + 1..];
        }
        self.out.extend_from_slice(rest);
        self.out.push(b'"');
    }

    /// A text cell; `None` is empty.
    pub fn text(&mut self, v: Option<&str>) {
        self.field(v.unwrap_or("").as_bytes());
    }

    /// A money cell as `Decimal`'s `Display` writes it (sign, every digit of its scale);
    /// `None` is empty. Digits never need quotes.
    pub fn decimal(&mut self, v: Option<&Decimal>) {
        self.delimit();
        if let Some(d) = v {
            write_decimal(self.out, d);
        }
    }

    /// Ends the row.
    pub fn end(self) {
        if self.out.len() == self.start {
            // The csv crate writes a row of one empty field as `""`, so it reads back as a row.
            self.out.extend_from_slice(b"\"\"");
        }
        self.out.push(b'\n');
    }
}

/// Appends `d` exactly as `format!("{d}")` writes it: `-` when the sign is negative (even for
/// zero), the digits of the mantissa with at least `scale` of them after the point, and a `0`
/// before the point when there is no whole part.
fn write_decimal(out: &mut Vec<u8>, d: &Decimal) {
    let scale = d.scale() as usize;
    let mut digits = [0u8; 40];
    let mut len = 0;
    let mut push = |digit: u8| {
        digits[digits.len() - 1 - len] = b'0' + digit;
        len += 1;
    };
    let m = d.mantissa().unsigned_abs();
    // Money fits in 64 bits; a division of a u128 is a slow library call.
    if let Ok(mut n) = u64::try_from(m) {
        while n != 0 {
            push((n % 10) as u8);
            n /= 10;
        }
    } else {
        let mut n = m;
        while n != 0 {
            push((n % 10) as u8);
            n /= 10;
        }
    }
    while len < scale {
        digits[digits.len() - 1 - len] = b'0';
        len += 1;
    }
    let digits = &digits[digits.len() - len..];
    if d.is_sign_negative() {
        out.push(b'-');
    }
    let whole = len - scale;
    if whole == 0 {
        out.push(b'0');
    } else {
        out.extend_from_slice(&digits[..whole]);
    }
    if scale > 0 {
        out.push(b'.');
        out.extend_from_slice(&digits[whole..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn csv_crate(rows: &[Vec<&[u8]>]) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_writer(Vec::new());
        for r in rows {
            w.write_byte_record(&csv::ByteRecord::from(r.clone()))
                .unwrap();
        }
        w.into_inner().unwrap()
    }

    fn ours(rows: &[Vec<&[u8]>]) -> Vec<u8> {
        let mut out = Vec::new();
        for r in rows {
            let mut line = CsvLine::new(&mut out);
            for f in r {
                line.field(f);
            }
            line.end();
        }
        out
    }

    #[test]
    fn fields_are_quoted_exactly_as_the_csv_crate_quotes_them() {
        let texts: &[&[u8]] = &[
            b"",
            b"plain",
            b" spaced ",
            b"a,b",
            b"say \"hi\"",
            b"\"",
            b"\"\"",
            b"line\nbreak",
            b"cr\rhere",
            b"crlf\r\n",
            b"tab\there",
            b"semi;colon",
            b"#hash",
            "caf\u{e9} \u{1f600}".as_bytes(),
            b"[{\"lot_number\":\"L1\",\"qty_taken\":\"1\"}]",
            b"0123456789abcdef,0123456789abcdef\"0123456789",
        ];
        let mut rows: Vec<Vec<&[u8]>> = texts.iter().map(|t| vec![*t]).collect();
        rows.push(texts.to_vec());
        rows.push(vec![b"", b""]);
        rows.push(vec![b""; 27]);
        assert_eq!(
            String::from_utf8(ours(&rows)).unwrap(),
            String::from_utf8(csv_crate(&rows)).unwrap()
        );
    }

    #[test]
    fn every_byte_is_quoted_or_not_as_the_csv_crate_does() {
        // Every byte value at every place of a field of 1, 3, 8 and 19 bytes (the eight-byte
        // words and the rest after them).
        let mut fields: Vec<Vec<u8>> = Vec::new();
        for len in [1usize, 3, 8, 19] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut f = vec![b'a'; len];
                    f[at] = b;
                    fields.push(f);
                }
            }
        }
        let rows: Vec<Vec<&[u8]>> = fields.iter().map(|f| vec![&f[..], b"x"]).collect();
        assert_eq!(ours(&rows), csv_crate(&rows));
    }

    #[test]
    fn a_prefix_encoded_once_gives_the_same_row() {
        let mut prefix = Vec::new();
        let mut line = CsvLine::new(&mut prefix);
        line.text(Some("WTN,1"));
        line.text(None);
        // The prefix holds no terminator: `end` is never called on it.
        let n = line.fields();
        let mut out = Vec::new();
        let mut row = CsvLine::with_encoded(&mut out, &prefix, n);
        row.field(b"x");
        row.end();
        assert_eq!(out, b"\"WTN,1\",,x\n");
    }

    #[test]
    fn decimals_read_as_their_display() {
        let mut cases: Vec<Decimal> = [
            "0",
            "0.00",
            "-0",
            "-0.00",
            "1",
            "12.50",
            "-25.00",
            "0.1",
            "0.001",
            "-0.05",
            "100",
            "1000000.000001",
            "12345678901234567890.5",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "7.9228162514264337593543950335",
        ]
        .iter()
        .map(|s| Decimal::from_str(s).unwrap())
        .collect();
        cases.push(Decimal::new(-0, 3));
        cases.push(Decimal::new(5, 28));
        cases.push(Decimal::from_str("-0.00").unwrap() * Decimal::from(3));
        for d in cases {
            let mut out = Vec::new();
            write_decimal(&mut out, &d);
            assert_eq!(String::from_utf8(out).unwrap(), d.to_string(), "{d:?}");
        }
    }
}
