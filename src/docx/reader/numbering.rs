//! `numbering.xml` in, the labels Word displays out: abstract numberings and their levels,
//! `w:num` instances with overrides, counters per abstract numbering (restart rules, start
//! overrides, `numStyleLink`), and the number formats (`decimal`, Chinese counting, circled
//! digits, letters, Roman…).

use std::collections::HashMap;

use super::styles::{Styles, MAX_CHAIN};
use super::xml::{on_off, Ev, Ns, Xml};
use crate::diagnostic::Diagnostic;
use crate::document::ListLabel;
use crate::error::Result;

/// One level definition (`w:lvl`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Level {
    start: Option<i64>,
    fmt: Option<String>,
    text: Option<String>,
    restart: Option<u8>,
    suff: Option<String>,
    pstyle: Option<String>,
    legal: bool,
    /// The format came from a Word 2010 `custom` format: a plain one (the fallback branch of
    /// the same `mc:AlternateContent`) does not replace it.
    custom: bool,
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: [Option<Level>; 9],
    num_style_link: Option<String>,
    style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abs: String,
    start_override: [Option<i64>; 9],
    lvl: [Option<Level>; 9],
}

/// Numbering definitions and the running counters.
#[derive(Debug, Clone, Default)]
pub(crate) struct Numbering {
    abs: HashMap<String, Abstract>,
    nums: HashMap<u32, Num>,
    counters: HashMap<String, [Option<i64>; 9]>,
    /// Levels whose start override was applied, per numId.
    applied: HashMap<u32, [bool; 9]>,
}

fn level_index(v: Option<&str>) -> Option<usize> {
    v.and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&i| i < 9)
}

impl Numbering {
    /// Parses `numbering.xml`. Both branches of an `mc:AlternateContent` are read; a `custom`
    /// format (Word 2010) never replaces the plain one of the fallback.
    pub fn parse(x: &mut Xml<'_>) -> Result<Numbering> {
        let mut n = Numbering::default();
        loop {
            match x.next()? {
                Ev::Eof => break,
                Ev::Start(el) if el.is(Ns::W, b"abstractNum") => {
                    let id = x.w(&el, b"abstractNumId").map(|v| v.into_owned());
                    let a = Self::abstract_num(x)?;
                    if let Some(id) = id {
                        n.abs.entry(id).or_insert(a);
                    }
                }
                Ev::Start(el) if el.is(Ns::W, b"num") => {
                    let id = x
                        .w(&el, b"numId")
                        .and_then(|v| v.trim().parse::<u32>().ok());
                    let num = Self::num(x)?;
                    if let Some(id) = id {
                        n.nums.entry(id).or_insert(num);
                    }
                }
                _ => {}
            }
        }
        Ok(n)
    }

    fn abstract_num(x: &mut Xml<'_>) -> Result<Abstract> {
        let base = x.depth();
        let mut a = Abstract::default();
        loop {
            match x.next()? {
                Ev::Eof => return Err(x.eof()),
                Ev::End if x.depth() < base => return Ok(a),
                Ev::Start(el) if el.is(Ns::W, b"lvl") => {
                    let i = level_index(x.w(&el, b"ilvl").as_deref());
                    let l = Self::level(x)?;
                    if let Some(i) = i {
                        a.levels[i] = Some(l);
                    }
                }
                Ev::Start(el) | Ev::Empty(el) if el.is(Ns::W, b"numStyleLink") => {
                    a.num_style_link = x.w(&el, b"val").map(|v| v.into_owned());
                }
                Ev::Start(el) | Ev::Empty(el) if el.is(Ns::W, b"styleLink") => {
                    a.style_link = x.w(&el, b"val").map(|v| v.into_owned());
                }
                _ => {}
            }
        }
    }

    fn num(x: &mut Xml<'_>) -> Result<Num> {
        let base = x.depth();
        let mut n = Num::default();
        let mut cur: Option<usize> = None;
        loop {
            match x.next()? {
                Ev::Eof => return Err(x.eof()),
                Ev::End if x.depth() < base => return Ok(n),
                Ev::Start(el) | Ev::Empty(el) if el.ns == Ns::W => match el.local() {
                    b"abstractNumId" => {
                        n.abs = x.w(&el, b"val").map(|v| v.into_owned()).unwrap_or_default()
                    }
                    b"lvlOverride" => cur = level_index(x.w(&el, b"ilvl").as_deref()),
                    b"startOverride" => {
                        if let Some(i) = cur {
                            n.start_override[i] =
                                x.w(&el, b"val").and_then(|v| v.trim().parse().ok());
                        }
                    }
                    b"lvl" => {
                        let i = level_index(x.w(&el, b"ilvl").as_deref()).or(cur);
                        let l = Self::level(x)?;
                        if let Some(i) = i {
                            n.lvl[i] = Some(l);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
    }

    fn level(x: &mut Xml<'_>) -> Result<Level> {
        let base = x.depth();
        let mut l = Level::default();
        loop {
            match x.next()? {
                Ev::Eof => return Err(x.eof()),
                Ev::End if x.depth() < base => return Ok(l),
                Ev::Start(el) | Ev::Empty(el) if el.ns == Ns::W => {
                    let val = x.w(&el, b"val");
                    match el.local() {
                        b"start" => l.start = val.and_then(|v| v.trim().parse().ok()),
                        b"numFmt" if val.as_deref() == Some("custom") => {
                            let format = x.w(&el, b"format").unwrap_or_default();
                            match custom_format(&format) {
                                Some(f) => {
                                    l.fmt = Some(f);
                                    l.custom = true;
                                }
                                None => {
                                    let d = Diagnostic::info(
                                        "docx.numbering.custom_format",
                                        format!(
                                            "custom number format {format:?} is not known; the plain format is used"
                                        ),
                                    )
                                    .at(x.loc());
                                    x.diags.push(d);
                                }
                            }
                        }
                        b"numFmt" => {
                            if let Some(v) = val.filter(|_| !l.custom) {
                                l.fmt = Some(v.into_owned());
                            }
                        }
                        b"lvlText" => l.text = val.map(|v| v.into_owned()),
                        b"lvlRestart" => l.restart = val.and_then(|v| v.trim().parse().ok()),
                        b"suff" => l.suff = val.map(|v| v.into_owned()),
                        b"pStyle" => l.pstyle = val.map(|v| v.into_owned()),
                        b"isLgl" => l.legal = on_off(val.as_deref()),
                        b"pPr" | b"rPr" => x.skip_el(&el)?,
                        _ => {}
                    }
                }
                _ => {}
            }
        }
    }

    /// The abstract numbering id a `numId` uses, following `numStyleLink` (cycle-safe).
    fn abstract_of(&self, num_id: u32, styles: &Styles) -> Option<&str> {
        let mut id = num_id;
        for _ in 0..MAX_CHAIN {
            let num = self.nums.get(&id)?;
            let a = self.abs.get(&num.abs)?;
            let Some(link) = &a.num_style_link else {
                return Some(&num.abs);
            };
            // The style named by the link holds the numId of the real definition; or an
            // abstractNum declares `styleLink` for it.
            if let Some(a2) = self
                .abs
                .iter()
                .find(|(_, a)| a.style_link.as_deref() == Some(link))
                .map(|(k, _)| k.as_str())
            {
                return Some(a2);
            }
            match styles.numbering(link).0 {
                Some(n) if n != id => id = n,
                _ => return Some(&num.abs),
            }
        }
        None
    }

    fn level_def<'s>(&'s self, num_id: u32, abs: &str, i: usize) -> Option<&'s Level> {
        level_def(&self.nums, &self.abs, num_id, abs, i)
    }

    /// The level whose `w:pStyle` names `style` (for paragraphs without `w:ilvl`).
    pub fn level_for_style(&self, num_id: u32, style: &str, styles: &Styles) -> Option<u8> {
        let abs = self.abstract_of(num_id, styles)?.to_string();
        (0..9)
            .find(|&i| {
                self.level_def(num_id, &abs, i)
                    .is_some_and(|l| l.pstyle.as_deref() == Some(style))
            })
            .map(|i| i as u8)
    }

    /// Counts a numbered paragraph and returns its label.
    pub fn label(
        &mut self,
        num_id: u32,
        ilvl: u8,
        styles: &Styles,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<ListLabel> {
        let lvl = (ilvl as usize).min(8);
        let Some(abs) = self.abstract_of(num_id, styles).map(str::to_string) else {
            diags.push(Diagnostic::warning(
                "docx.numbering.unknown_num",
                format!("numbering {num_id} is not defined in numbering.xml"),
            ));
            return None;
        };
        let Numbering {
            abs: abstracts,
            nums,
            counters,
            applied,
        } = self;
        let defs: [Option<&Level>; 9] =
            std::array::from_fn(|i| level_def(nums, abstracts, num_id, &abs, i));
        let Some(def) = defs[lvl] else {
            diags.push(Diagnostic::warning(
                "docx.numbering.missing_level",
                format!("numbering {num_id} has no level {lvl}"),
            ));
            return None;
        };
        let overrides = nums
            .get(&num_id)
            .map(|n| n.start_override)
            .unwrap_or_default();
        let start = |i: usize| defs[i].and_then(|l| l.start).unwrap_or(0);
        let counters = counters.entry(abs).or_default();
        let applied = applied.entry(num_id).or_default();
        let value = match (overrides[lvl], applied[lvl]) {
            (Some(o), false) => {
                applied[lvl] = true;
                o
            }
            _ => match counters[lvl] {
                Some(c) => c.saturating_add(1),
                None => start(lvl),
            },
        };
        counters[lvl] = Some(value);
        for c in counters.iter_mut().take(lvl).enumerate() {
            if c.1.is_none() {
                *c.1 = Some(start(c.0));
            }
        }
        for j in lvl + 1..9 {
            let restart = defs[j].as_ref().and_then(|l| l.restart);
            let reset = match restart {
                None => true,
                Some(0) => false,
                Some(k) => lvl < k as usize,
            };
            if reset {
                counters[j] = None;
            }
        }
        let counters = *counters;
        let fmt = def.fmt.as_deref().unwrap_or("decimal");
        let bullet = fmt == "bullet";
        let mut label = String::new();
        if !bullet {
            let text = def.text.as_deref().unwrap_or("");
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '%' {
                    if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                        chars.next();
                        let n = d as usize;
                        if !(1..=9).contains(&n) || defs[n - 1].is_none() {
                            diags.push(Diagnostic::warning(
                                "docx.numbering.missing_level",
                                format!("numbering {num_id}: lvlText {text:?} names level {n} which does not exist"),
                            ));
                            continue;
                        }
                        let i = n - 1;
                        let v = counters[i].unwrap_or_else(|| start(i));
                        let f = if def.legal && i != lvl {
                            "decimal"
                        } else {
                            defs[i]
                                .as_ref()
                                .and_then(|l| l.fmt.as_deref())
                                .unwrap_or("decimal")
                        };
                        label.push_str(&format_number(v, f));
                        continue;
                    }
                }
                label.push(c);
            }
        }
        let suffix = match def.suff.as_deref() {
            Some("space") => " ",
            Some("nothing") => "",
            _ => "\t",
        };
        Some(ListLabel {
            num_id,
            level: lvl as u8,
            label,
            suffix: suffix.to_string(),
            bullet,
        })
    }
}

fn level_def<'s>(
    nums: &'s HashMap<u32, Num>,
    abstracts: &'s HashMap<String, Abstract>,
    num_id: u32,
    abs: &str,
    i: usize,
) -> Option<&'s Level> {
    nums.get(&num_id)
        .and_then(|n| n.lvl[i].as_ref())
        .or_else(|| abstracts.get(abs).and_then(|a| a.levels[i].as_ref()))
}

/// Prefix of the internal format name for zero-padded decimals (`custom-decimal-3`: `001`).
const ZERO_PADDED: &str = "custom-decimal-";

/// A Word 2010 custom format (`w:format="001, 002, 003, ..."`) → a format [`format_number`]
/// knows, from its first item: ASCII digits give a zero-padded decimal of that width; the
/// first item of a built-in format (`一`, `壹`, `①`, `a`, `A`, `i`, `I`, `１`, `甲`) gives it.
/// `None` for anything else.
fn custom_format(format: &str) -> Option<String> {
    let first = format.split(',').next()?.trim();
    if !first.is_empty() && first.len() <= 9 && first.bytes().all(|b| b.is_ascii_digit()) {
        return Some(if first.len() == 1 {
            "decimal".to_string()
        } else {
            format!("{ZERO_PADDED}{}", first.len())
        });
    }
    let builtin = match first {
        "一" => "chineseCounting",
        "壹" => "chineseLegalSimplified",
        "①" => "decimalEnclosedCircle",
        "a" => "lowerLetter",
        "A" => "upperLetter",
        "i" => "lowerRoman",
        "I" => "upperRoman",
        "１" => "decimalFullWidth",
        "甲" => "ideographTraditional",
        _ => return None,
    };
    Some(builtin.to_string())
}

/// Formats a counter value in an OOXML number format.
pub(crate) fn format_number(v: i64, fmt: &str) -> String {
    if let Some(width) = fmt.strip_prefix(ZERO_PADDED) {
        let width: usize = width.parse().unwrap_or(1);
        return format!("{v:0width$}");
    }
    match fmt {
        "none" | "bullet" => String::new(),
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCountingThousand"
        | "japaneseCounting"
        | "chineseLegalSimplified"
        | "ideographDigital" => {
            if fmt == "ideographDigital" {
                digits(
                    v,
                    &['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
                )
            } else if fmt == "chineseLegalSimplified" {
                chinese(v, true)
            } else {
                chinese(v, false)
            }
        }
        "ideographTraditional" if v >= 1 => {
            const S: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
            S[((v - 1) % 10) as usize].to_string()
        }
        "ideographZodiac" if v >= 1 => {
            const S: [char; 12] = [
                '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
            ];
            S[((v - 1) % 12) as usize].to_string()
        }
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&v) => {
            char::from_u32(0x2460 + v as u32 - 1).map_or_else(|| v.to_string(), String::from)
        }
        "decimalEnclosedParen" if (1..=20).contains(&v) => {
            char::from_u32(0x2474 + v as u32 - 1).map_or_else(|| v.to_string(), String::from)
        }
        "decimalEnclosedFullstop" if (1..=20).contains(&v) => {
            char::from_u32(0x2488 + v as u32 - 1).map_or_else(|| v.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => v
            .to_string()
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0xFF10 + d).unwrap_or(c),
                None => c,
            })
            .collect(),
        "decimalZero" if (0..10).contains(&v) => format!("0{v}"),
        "upperLetter" | "lowerLetter" if v >= 1 => {
            let base = if fmt == "upperLetter" { b'A' } else { b'a' };
            let c = (base + ((v - 1) % 26) as u8) as char;
            let n = (((v - 1) / 26) + 1).min(1000) as usize;
            std::iter::repeat(c).take(n).collect()
        }
        "upperRoman" | "lowerRoman" if (1..4000).contains(&v) => {
            let r = roman(v);
            if fmt == "lowerRoman" {
                r.to_lowercase()
            } else {
                r
            }
        }
        _ => v.to_string(),
    }
}

fn digits(v: i64, d: &[char; 10]) -> String {
    v.to_string()
        .chars()
        .map(|c| c.to_digit(10).map_or(c, |x| d[x as usize]))
        .collect()
}

/// Chinese counting: 一 … 十 十一 … 二十 … 一百零一 …; `legal` uses 壹贰叁.
fn chinese(v: i64, legal: bool) -> String {
    let d: [char; 10] = if legal {
        ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖']
    } else {
        ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九']
    };
    let u: [char; 4] = if legal {
        ['\0', '拾', '佰', '仟']
    } else {
        ['\0', '十', '百', '千']
    };
    if v == 0 {
        return d[0].to_string();
    }
    if !(1..100_000_000).contains(&v) {
        return v.to_string();
    }
    let zero = '零';
    let mut out = String::new();
    // `leading`: no zero before the group's first digit; `bare_ten`: 十一 not 一十一.
    let group = |g: i64, out: &mut String, leading: bool, bare_ten: bool| {
        let mut pending_zero = false;
        let mut started = false;
        for p in (0..4).rev() {
            let digit = (g / 10i64.pow(p)) % 10;
            if digit == 0 {
                if started || !leading {
                    pending_zero = true;
                }
                continue;
            }
            if pending_zero {
                out.push(zero);
            }
            pending_zero = false;
            if !(p == 1 && digit == 1 && bare_ten && !started && !legal) {
                out.push(d[digit as usize]);
            }
            if p > 0 {
                out.push(u[p as usize]);
            }
            started = true;
        }
    };
    let high = v / 10_000;
    let low = v % 10_000;
    if high > 0 {
        group(high, &mut out, true, true);
        out.push('万');
        if low > 0 {
            if low < 1000 {
                out.push(zero);
            }
            group(low, &mut out, true, false);
        }
    } else {
        group(low, &mut out, true, true);
    }
    // A trailing pending zero is never written; strip zeros a group may have left at the end.
    while out.ends_with(zero) {
        out.pop();
    }
    out
}

fn roman(mut v: i64) -> String {
    const T: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (n, r) in T {
        while v >= n {
            s.push_str(r);
            v -= n;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::format_number as f;

    #[test]
    fn chinese_counting() {
        let c = |v| f(v, "chineseCounting");
        assert_eq!(c(1), "一");
        assert_eq!(c(10), "十");
        assert_eq!(c(11), "十一");
        assert_eq!(c(20), "二十");
        assert_eq!(c(21), "二十一");
        assert_eq!(c(100), "一百");
        assert_eq!(c(101), "一百零一");
        assert_eq!(c(110), "一百一十");
        assert_eq!(c(1001), "一千零一");
        assert_eq!(c(10001), "一万零一");
        assert_eq!(c(10010), "一万零一十");
        assert_eq!(c(12345), "一万二千三百四十五");
        assert_eq!(c(1010), "一千零一十");
    }

    #[test]
    fn other_formats() {
        assert_eq!(f(3, "decimal"), "3");
        assert_eq!(f(2, "ideographTraditional"), "乙");
        assert_eq!(f(1, "decimalEnclosedCircle"), "①");
        assert_eq!(f(28, "upperLetter"), "BB");
        assert_eq!(f(4, "lowerRoman"), "iv");
        assert_eq!(f(5, "none"), "");
    }
}
