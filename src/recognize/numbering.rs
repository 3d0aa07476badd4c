//! A paragraph or row label → its section number: level, number as written, rest.
//!
//! | level | pattern | examples |
//! | --- | --- | --- |
//! | 1 | `^[一二三四五六七八九十]+、` | `一、` `十一、` |
//! | 2 | `^[（(][一二三四五六七八九十]+[）)]` | `（一）` `(二)` |
//! | 3 | `^[0-9]+[.．、]` not followed by a digit | `1.` `2．` `3、` (not `1.5万`) |
//! | 4 | `^[（(][0-9]+[）)]` | `（1）` `(2)` |
//!
//! The text is matched as given (callers strip indentation first); row labels are matched on
//! their [`crate::catalog::label_key`], so full-width digits count there.

/// A matched number prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number<'a> {
    /// 1–4, from the table above.
    pub level: u8,
    /// The prefix exactly as written (`（一）`).
    pub number: &'a str,
    /// The text after it, leading whitespace removed.
    pub rest: &'a str,
}

const CN: &str = "一二三四五六七八九十";

/// Splits a number prefix off `text` (see the module table).
pub fn split_number(text: &str) -> Option<Number<'_>> {
    let level = level_one(text)
        .or_else(|| bracketed(text, |c| CN.contains(c)).map(|n| (2, n)))
        .or_else(|| level_three(text))
        .or_else(|| bracketed(text, |c| c.is_ascii_digit()).map(|n| (4, n)))?;
    let (level, len) = level;
    let (number, rest) = text.split_at(len);
    Some(Number {
        level,
        number,
        rest: rest.trim_start_matches(crate::model::is_space),
    })
}

/// `一、` → (1, byte length).
fn level_one(text: &str) -> Option<(u8, usize)> {
    let n: usize = text
        .chars()
        .take_while(|c| CN.contains(*c))
        .map(char::len_utf8)
        .sum();
    (n > 0 && text[n..].starts_with('、')).then(|| (1, n + '、'.len_utf8()))
}

/// `（…）` with at least one inner character accepted by `inner` → byte length.
fn bracketed(text: &str, inner: impl Fn(char) -> bool) -> Option<usize> {
    let mut chars = text.char_indices();
    let (_, open) = chars.next()?;
    if open != '（' && open != '(' {
        return None;
    }
    for (count, (i, c)) in chars.enumerate() {
        if c == '）' || c == ')' {
            return (count > 0).then(|| i + c.len_utf8());
        }
        if !inner(c) {
            return None;
        }
    }
    None
}

/// `1.` `2．` `3、` not followed by a digit → (3, byte length).
fn level_three(text: &str) -> Option<(u8, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let sep = text[digits..].chars().next()?;
    if !matches!(sep, '.' | '．' | '、') {
        return None;
    }
    let end = digits + sep.len_utf8();
    let next_digit = text[end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    (!next_digit).then_some((3, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        let n = split_number("一、概述").unwrap();
        assert_eq!((n.level, n.number, n.rest), (1, "一、", "概述"));
        let n = split_number("十一、其他").unwrap();
        assert_eq!((n.level, n.number), (1, "十一、"));
        let n = split_number("(二)  着力").unwrap();
        assert_eq!((n.level, n.number, n.rest), (2, "(二)", "着力"));
        let n = split_number("2．围绕").unwrap();
        assert_eq!((n.level, n.number, n.rest), (3, "2．", "围绕"));
        let n = split_number("3、围绕").unwrap();
        assert_eq!(n.level, 3);
        let n = split_number("（12）坚持").unwrap();
        assert_eq!((n.level, n.number), (4, "（12）"));
        assert!(split_number("1.5万元").is_none());
        assert!(split_number("2018年").is_none());
        assert!(split_number("一是加强").is_none());
        assert!(split_number("（不同渠道）").is_none());
        assert!(split_number("（）").is_none());
    }
}
