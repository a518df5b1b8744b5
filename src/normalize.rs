//! Normalisation for matching: a folded shadow copy of the text with a map
//! back to the original.
//!
//! Folding lower-cases, strips Latin diacritics (`López` → `lopez`,
//! `ß` → `ss`), turns typographic apostrophes, quotation marks, dashes and
//! spaces into their ASCII forms and drops invisible characters (soft hyphen,
//! zero-width space, combining marks). The folded text is only ever searched;
//! every match is mapped back to the exact original bytes.

/// The folded copy of a text and the map from its bytes to the original's.
#[derive(Debug, Default)]
pub(crate) struct Folded {
    text: String,
    /// For every byte of `text`, the byte offset in the original of the
    /// character it came from.
    map: Vec<u32>,
    /// Length of the original text in bytes.
    orig_len: usize,
}

impl Folded {
    /// Folds `original`.
    pub(crate) fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len() + 16);
        let mut map = Vec::with_capacity(original.len() + 16);
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Offsets beyond u32 saturate; such texts are not matched
            // precisely but never cause a panic.
            let o = u32::try_from(i).unwrap_or(u32::MAX);
            // ASCII, the bulk of news text: one byte in, one byte out.
            let b = bytes[i];
            if b.is_ascii() {
                text.push(b.to_ascii_lowercase() as char);
                map.push(o);
                i += 1;
                continue;
            }
            let Some(c) = original[i..].chars().next() else {
                break;
            };
            let before = text.len();
            fold_char(c, &mut text);
            map.resize(map.len() + (text.len() - before), o);
            i += c.len_utf8();
        }
        Folded {
            text,
            map,
            orig_len: original.len(),
        }
    }

    /// The folded text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte offset where the folded byte `i` starts.
    pub(crate) fn orig_start(&self, i: usize) -> usize {
        match self.map.get(i) {
            Some(&o) => (o as usize).min(self.orig_len),
            None => self.orig_len,
        }
    }

    /// The original byte offset just after the character that produced
    /// folded byte `end - 1`; `original` must be the folded text's source.
    pub(crate) fn orig_end(&self, original: &str, end: usize) -> usize {
        if end == 0 {
            return 0;
        }
        let start = self.orig_start(end - 1);
        match original.get(start..).and_then(|s| s.chars().next()) {
            Some(c) => start + c.len_utf8(),
            None => self.orig_len,
        }
    }
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

/// Characters dropped from the folded text.
fn is_invisible(c: char) -> bool {
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
    fn expansion_maps_to_whole_character() {
        let original = "Weiß";
        let f = Folded::new(original);
        assert_eq!(f.as_str(), "weiss");
        assert_eq!(f.orig_end(original, f.as_str().len()), original.len());
        assert_eq!(f.orig_start(4), 3);
    }
}
