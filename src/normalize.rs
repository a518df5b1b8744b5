//! Normalisation for matching: a folded shadow copy of the text with a map
//! back to the original.
//!
//! Folding lower-cases, strips Latin diacritics (`López` → `lopez`,
//! `ß` → `ss`), turns typographic apostrophes, quotation marks, dashes and
//! spaces into their ASCII forms and drops invisible characters (soft hyphen,
//! zero-width space, combining marks). The folded text is only ever searched;
//! every match is mapped back to the exact original bytes.

/// The folded copy of a text and the map from its bytes to the original's.
///
/// The map is piecewise: most characters fold to as many bytes as they
/// had (all of ASCII, most letters of other scripts), so only the places
/// where the lengths differ are recorded. ASCII text needs no map at all.
#[derive(Debug, Default)]
pub(crate) struct Folded {
    text: String,
    /// Pieces in folded order: from folded byte `folded`, either one
    /// character whose folded bytes all map to original byte `orig`
    /// (`whole`), or a run that maps byte for byte from `orig` on.
    pieces: Vec<Piece>,
    /// Length of the original text in bytes.
    orig_len: usize,
}

/// One piece of the offset map.
#[derive(Clone, Copy, Debug)]
struct Piece {
    folded: usize,
    orig: usize,
    /// A single character whose folded length differs from its own.
    whole: bool,
}

impl Folded {
    /// Folds `original`.
    pub(crate) fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len() + 16);
        let mut pieces = vec![Piece {
            folded: 0,
            orig: 0,
            whole: false,
        }];
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII, the bulk of news text: one byte in, one byte out, a
            // whole run at a time.
            let run = ascii_run(&bytes[i..]);
            if run > 0 {
                let from = text.len();
                text.push_str(&original[i..i + run]);
                text[from..].make_ascii_lowercase();
                i += run;
                continue;
            }
            let Some(c) = original[i..].chars().next() else {
                break;
            };
            let before = text.len();
            fold_char(c, &mut text);
            let len = c.len_utf8();
            // One character of the same length keeps the byte-for-byte run
            // (Cyrillic, Greek, …); anything else maps as a whole.
            let folded = &text[before..];
            let same_shape = folded.len() == len && folded.chars().count() == 1;
            if !same_shape {
                // This character maps as a whole; a new run starts after it.
                pieces.push(Piece {
                    folded: before,
                    orig: i,
                    whole: true,
                });
                pieces.push(Piece {
                    folded: text.len(),
                    orig: i + len,
                    whole: false,
                });
            }
            i += len;
        }
        Folded {
            text,
            pieces,
            orig_len: original.len(),
        }
    }

    /// The folded text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// True when every folded byte sits at the offset of the original byte
    /// it came from (all of ASCII, and most other text without diacritics).
    pub(crate) fn same_offsets(&self) -> bool {
        self.pieces.len() == 1
    }

    /// The original byte offset where the folded byte `i` starts.
    pub(crate) fn orig_start(&self, i: usize) -> usize {
        if i >= self.text.len() {
            return self.orig_len;
        }
        let k = self.pieces.partition_point(|p| p.folded <= i);
        let Some(p) = k.checked_sub(1).and_then(|k| self.pieces.get(k)) else {
            return 0;
        };
        if p.whole {
            p.orig
        } else {
            (p.orig + (i - p.folded)).min(self.orig_len)
        }
    }

    /// The original byte offset just after the character that produced
    /// folded byte `end - 1`; `original` must be the folded text's source.
    pub(crate) fn orig_end(&self, original: &str, end: usize) -> usize {
        if end == 0 {
            return 0;
        }
        // The folded character that holds byte `end - 1`.
        let mut last = end - 1;
        while last > 0 && !self.text.is_char_boundary(last) {
            last -= 1;
        }
        let start = self.orig_start(last);
        match original.get(start..).and_then(|s| s.chars().next()) {
            Some(c) => start + c.len_utf8(),
            None => self.orig_len,
        }
    }
}

/// The length of the run of ASCII bytes that starts `bytes`.
fn ascii_run(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let high = u64::from_le_bytes(w) & HIGH;
        if high != 0 {
            return n + (high.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + chunks
        .remainder()
        .iter()
        .take_while(|b| b.is_ascii())
        .count()
}

/// Folds a whole string (gazetteer names are folded with this too, so that
/// patterns and text agree).
pub(crate) fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Appends the folded form of `c` to `out`.
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(s) = fold_special(c) {
        out.push_str(s);
        return;
    }
    for l in c.to_lowercase() {
        match fold_latin(l) {
            Some(b) => out.push(b),
            None if is_invisible(l) => {}
            None => out.push(l),
        }
    }
}

/// Punctuation, spaces and letters that fold to something other than one
/// lower-case ASCII letter.
fn fold_special(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => "-",
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => " ",
        '\u{2028}' | '\u{2029}' | '\u{0085}' => "\n",
        'ß' | 'ẞ' => "ss",
        'Æ' | 'æ' => "ae",
        'Œ' | 'œ' => "oe",
        'Þ' | 'þ' => "th",
        'Ĳ' | 'ĳ' => "ij",
        _ => return None,
    })
}

/// Characters dropped from the folded text: format characters (soft
/// hyphen, zero-width space and joiners, byte-order mark) and combining
/// marks.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
        | '\u{0300}'..='\u{036F}')
}

/// The ASCII base letter of a lower-case Latin letter with diacritics.
fn fold_latin(c: char) -> Option<char> {
    const TABLE: &[(&str, char)] = &[
        ("àáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặ", 'a'),
        ("ḃḅḇƀ", 'b'),
        ("çćĉċčḉƈ", 'c'),
        ("ďđḋḍḏḑḓɖɗð", 'd'),
        ("èéêëēĕėęěȅȇȩẹẻẽếềểễệḕḗḙḛḝ", 'e'),
        ("ḟƒ", 'f'),
        ("ĝğġģǧǵḡ", 'g'),
        ("ĥħȟḣḥḧḩḫẖ", 'h'),
        ("ìíîïĩīĭįıǐȉȋḭḯỉị", 'i'),
        ("ĵǰ", 'j'),
        ("ķĸǩḱḳḵ", 'k'),
        ("ĺļľŀłḷḹḻḽ", 'l'),
        ("ḿṁṃ", 'm'),
        ("ñńņňŉŋǹṅṇṉṋ", 'n'),
        ("òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱọỏốồổỗộớờởỡợṍṏṑṓ", 'o'),
        ("ṕṗ", 'p'),
        ("ŕŗřȑȓṙṛṝṟ", 'r'),
        ("śŝşšșṡṣṥṧṩ", 's'),
        ("ţťŧțṫṭṯṱẗ", 't'),
        ("ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữựṳṵṷṹṻ", 'u'),
        ("ṽṿ", 'v'),
        ("ŵẁẃẅẇẉẘ", 'w'),
        ("ẋẍ", 'x'),
        ("ýÿŷȳẏẙỳỵỷỹ", 'y'),
        ("źżžƶȥẑẓẕ", 'z'),
    ];
    if (c as u32) < 0xC0 || !matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF) {
        return None;
    }
    TABLE
        .iter()
        .find(|(set, _)| set.contains(c))
        .map(|&(_, base)| base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_run_stops_at_the_first_non_ascii_byte() {
        for len in 0..20 {
            for at in 0..=len {
                let mut s = "A".repeat(len);
                if at < len {
                    s.replace_range(at..=at, "é");
                }
                assert_eq!(ascii_run(s.as_bytes()), at, "{s:?}");
            }
        }
    }

    #[test]
    fn folds_long_mixed_text_like_char_by_char() {
        let original = "THE Quick brown FOX, said López (São Paulo) – 12 Straße. ".repeat(5);
        assert_eq!(Folded::new(&original).as_str(), fold_str(&original));
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(
            fold_str("Andrés Manuel López Obrador"),
            "andres manuel lopez obrador"
        );
        assert_eq!(fold_str("El País"), "el pais");
        assert_eq!(fold_str("Straße Œuvre"), "strasse oeuvre");
        assert_eq!(
            fold_str("Erdoğan Łukaszenka Nguyễn"),
            "erdogan lukaszenka nguyen"
        );
    }

    #[test]
    fn folds_punctuation_and_spaces() {
        assert_eq!(
            fold_str("Assange’s “word” – a\u{00A0}b"),
            "assange's \"word\" - a b"
        );
        assert_eq!(fold_str("Assan\u{00AD}ge"), "assange");
        assert_eq!(fold_str("Lo\u{0301}pez"), "lopez");
    }

    #[test]
    fn maps_back_to_original_bytes() {
        let original = "Mr López’s";
        let f = Folded::new(original);
        assert_eq!(f.as_str(), "mr lopez's");
        let start = f.as_str().find("lopez").unwrap();
        let end = start + "lopez".len();
        let (s, e) = (f.orig_start(start), f.orig_end(original, end));
        assert_eq!(&original[s..e], "López");
    }

    #[test]
    fn every_char_boundary_maps_to_a_char_boundary() {
        let original = "Ärger: Weiß, Δημήτρης, Москва, López, 😀 ﬁ İstanbul, Łódź.";
        let f = Folded::new(original);
        let hay = f.as_str();
        for i in (0..=hay.len()).filter(|&i| hay.is_char_boundary(i)) {
            let o = f.orig_start(i);
            assert!(original.is_char_boundary(o), "{i} -> {o}");
            if i > 0 {
                let e = f.orig_end(original, i);
                assert!(original.is_char_boundary(e) && e >= o, "{i} -> end {e}");
            }
        }
        let s = hay.find("moskva").map(|_| ()).is_none();
        assert!(s, "Cyrillic is lower-cased, not transliterated");
        let start = hay.find("москва").unwrap();
        let end = start + "москва".len();
        assert_eq!(
            &original[f.orig_start(start)..f.orig_end(original, end)],
            "Москва"
        );
    }

    #[test]
    fn expansion_maps_to_whole_character() {
        let original = "Weiß";
        let f = Folded::new(original);
        assert_eq!(f.as_str(), "weiss");
        assert_eq!(f.orig_end(original, f.as_str().len()), original.len());
        assert_eq!(f.orig_start(4), 3);
    }
}
