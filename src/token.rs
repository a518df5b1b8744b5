//! Words and punctuation with byte spans (UAX #29 word boundaries).
//!
//! A possessive ending ("Assange's", "Assange’s") stays part of the word,
//! as UAX #29 keeps it, and is recorded so that callers can drop it.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// One token: a word (it contains a letter or digit) or one punctuation
/// mark. White space is not a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) span: Span,
    /// Contains a letter or a digit.
    pub(crate) word: bool,
    /// Starts with an upper-case letter.
    pub(crate) capital: bool,
    /// Bytes of a possessive ending ("'s", "’s") at the end of the word; 0 if none.
    pub(crate) possessive: u8,
}

impl Token {
    /// The word without its possessive ending.
    pub(crate) fn stem(&self) -> Span {
        Span::new(self.span.start, self.span.end - self.possessive as usize)
    }
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    for (i, w) in text.split_word_bound_indices() {
        let Some(first) = w.chars().next() else {
            continue;
        };
        if first.is_whitespace() {
            continue;
        }
        let word = w.chars().any(char::is_alphanumeric);
        let possessive = if word {
            ["'s", "’s", "'S", "’S"]
                .iter()
                .find(|p| w.len() > p.len() && w.ends_with(**p))
                .map_or(0, |p| p.len() as u8)
        } else {
            0
        };
        out.push(Token {
            span: Span::new(i, i + w.len()),
            word,
            capital: first.is_uppercase(),
            possessive,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_punctuation_and_possessives() {
        let text = "Assange’s lawyer said: \"no.\"";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| t.span.as_str(text)).collect();
        assert_eq!(
            words,
            vec!["Assange’s", "lawyer", "said", ":", "\"", "no", ".", "\""]
        );
        assert_eq!(toks[0].stem().as_str(text), "Assange");
        assert!(toks[0].capital && toks[0].word && !toks[3].word);
    }
}
