//! A deterministic mutator: byte flips, splices and inserts of tokens that
//! mean something to factlint's parsers. No coverage feedback (that needs
//! nightly's sanitizers); instead, stacked mutations of real inputs, and a
//! pool of recent mutants so mutations compound.

/// xorshift64*: small, seedable, the same sequence on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Tokens the parsers treat specially: YAML structure and anchors, front
/// matter fences, suppression comments, number and date shapes, escapes
/// the report formats must handle, and byte sequences that are not UTF-8.
pub const TOKENS: &[&str] = &[
    "---\n",
    "---\r\n",
    "\n---\n",
    "...\n",
    "\u{feff}",
    "\r\n",
    "\n",
    "\r",
    "\t",
    "\0",
    " ",
    ": ",
    "- ",
    "? ",
    "&a ",
    "*a",
    "<<: *a\n",
    "!!str ",
    "!!binary ",
    "!tag ",
    "|\n  ",
    ">-\n  ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    "\"",
    "\\",
    "\\u0000",
    "#",
    "%YAML 1.2\n",
    "&a [*a, *a, *a]",
    "id: ",
    "check: ",
    "severity: ",
    "message: ",
    "params: ",
    "select: ",
    "lexicon:\n",
    "reference:\n",
    "rules:\n",
    "version: ",
    "findings: ",
    "fingerprint: ",
    "include: ",
    "exclude: ",
    "disable: ",
    "fail_on: ",
    "**/",
    "[!",
    "{a,b}",
    "title: ",
    "published: ",
    "story: ",
    "reference_date: ",
    "2025-05-08",
    "9999-12-31",
    "0000-00-00",
    "{{value}}",
    "{{",
    "}}",
    "<!-- factlint-disable-next-line ",
    "<!-- factlint-disable ",
    " -->",
    "factlint-disable-line",
    "More than ",
    "about ",
    "some ",
    "hundreds of ",
    "dozens of ",
    "thousands",
    " million ",
    " billion ",
    " per cent",
    "%",
    "½",
    "¾",
    "1/2",
    "3 1/2",
    "1,000",
    "1.000.000",
    "10,000,000,000,000,000,000,000",
    "1e308",
    "-0",
    "0.000001",
    "18446744073709551616",
    "first ",
    "80th ",
    "twenty-one ",
    "a hundred ",
    "between ",
    " and ",
    " to ",
    "–",
    "—",
    "-",
    "May 8, 2025",
    "8 May",
    "on Monday",
    "last year",
    "in 1945",
    "the 1990s",
    " years ago",
    "for three hours",
    "2h30",
    "24 hours",
    "km",
    " kilometres",
    "$",
    "€",
    "£",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "said",
    "Mr. ",
    "Dr. ",
    "U.S.",
    "e.g. ",
    "...",
    "?",
    "!",
    ". ",
    ".\n\n",
    "# ",
    "> ",
    "::",
    "::error ",
    "%0A",
    "]]>",
    "<",
    ">",
    "&",
    "&amp;",
    "\u{1b}[31m",
    "\u{85}",
    "\u{2028}",
    "\u{200b}",
    "é",
    "İ",
    "ß",
    "\u{0301}",
    "日本",
    "\u{1F600}",
];

/// Raw bytes that are never valid UTF-8 on their own.
const BAD_BYTES: &[&[u8]] = &[
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\xf0\x9f\x98",
    b"\xed\xa0\x80",
];

/// `base` mutated one to eight times; `others` supplies splice material.
pub fn mutate(rng: &mut Rng, base: &[u8], others: &[Vec<u8>], max_len: usize) -> Vec<u8> {
    let mut out = base.to_vec();
    let rounds = 1 + rng.below(8);
    for _ in 0..rounds {
        let len = out.len();
        match rng.below(10) {
            0 if len > 0 => {
                let i = rng.below(len);
                out[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                const BYTES: &[u8] = b"\0\n\r :-#{}[]&*!|>'\"0123456789\xff";
                out[i] = BYTES[rng.below(BYTES.len())];
            }
            2 | 3 => {
                let tok = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(len + 1);
                out.splice(at..at, tok.iter().copied());
            }
            4 if len > 0 => {
                let a = rng.below(len);
                let b = (a + 1 + rng.below(64.min(len - a))).min(len);
                out.drain(a..b);
            }
            5 if len > 0 => {
                // Repeat a chunk: long runs are where slow paths hide.
                let a = rng.below(len);
                let b = (a + 1 + rng.below(32.min(len - a))).min(len);
                let chunk = out[a..b].to_vec();
                let most = if rng.below(8) == 0 { 200 } else { 8 };
                let times = 1 + rng.below(most);
                for _ in 0..times {
                    out.splice(b..b, chunk.iter().copied());
                }
            }
            6 | 7 if !others.is_empty() => {
                let other = &others[rng.below(others.len())];
                if !other.is_empty() {
                    let a = rng.below(other.len());
                    let b = (a + 1 + rng.below(256.min(other.len() - a))).min(other.len());
                    let at = rng.below(len + 1);
                    if rng.below(2) == 0 || len == 0 {
                        out.splice(at..at, other[a..b].iter().copied());
                    } else {
                        let end = (at + (b - a)).min(len);
                        out.splice(at..end, other[a..b].iter().copied());
                    }
                }
            }
            8 => {
                let bad = BAD_BYTES[rng.below(BAD_BYTES.len())];
                let at = rng.below(len + 1);
                out.splice(at..at, bad.iter().copied());
            }
            _ => {
                let n = rng.next() >> rng.below(64);
                let at = rng.below(len + 1);
                out.splice(at..at, n.to_string().bytes());
            }
        }
        out.truncate(max_len);
    }
    out
}
