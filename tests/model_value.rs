//! Cell text → `Value`: readings, normalised strings, exact text kept.

use xxgk::model::{Reading, Value};

fn reading(text: &str) -> Reading {
    Value::parse(text).reading
}

#[test]
fn counts() {
    assert_eq!(reading("610"), Reading::Count { number: 610 });
    assert_eq!(reading("６１０"), Reading::Count { number: 610 });
    assert_eq!(reading(" 0 "), Reading::Count { number: 0 });
    assert_eq!(reading("3件"), Reading::Count { number: 3 });
    assert_eq!(reading("23人次"), Reading::Count { number: 23 });
    assert_eq!(reading("1,234"), Reading::Count { number: 1234 });
    assert_eq!(reading("+1036"), Reading::Count { number: 1036 });
    assert_eq!(reading("－3"), Reading::Count { number: -3 });
}

#[test]
fn amounts() {
    assert_eq!(
        reading("1.5"),
        Reading::Amount {
            number: 1.5,
            unit: None
        }
    );
    assert_eq!(
        reading("１６０．５９６４"),
        Reading::Amount {
            number: 160.5964,
            unit: None
        }
    );
    assert_eq!(
        reading("5万元"),
        Reading::Amount {
            number: 5.0,
            unit: Some("万元".into())
        }
    );
    assert_eq!(
        reading("251000元"),
        Reading::Amount {
            number: 25.1,
            unit: Some("万元".into())
        }
    );
    assert_eq!(
        reading("160.5964万元"),
        Reading::Amount {
            number: 160.5964,
            unit: Some("万元".into())
        }
    );
}

#[test]
fn nothing_values() {
    assert_eq!(reading("/"), Reading::NotApplicable);
    assert_eq!(reading("／"), Reading::NotApplicable);
    assert_eq!(reading("——"), Reading::Dash);
    assert_eq!(reading("—"), Reading::Dash);
    assert_eq!(reading("-"), Reading::Dash);
    assert_eq!(reading("－"), Reading::Dash);
    assert_eq!(reading("–"), Reading::Dash);
    assert_eq!(reading("―"), Reading::Dash);
    assert_eq!(reading(""), Reading::Blank);
    assert_eq!(reading("\u{3000} \u{a0}"), Reading::Blank);
}

#[test]
fn text_is_kept() {
    assert_eq!(reading("无"), Reading::Text);
    assert_eq!(reading("1.5万"), Reading::Text);
    assert_eq!(reading("1..5"), Reading::Text);
    let v = Value::parse("\u{3000}約 3 件\u{3000}");
    assert_eq!(v.text, "約 3 件");
    assert_eq!(v.reading, Reading::Text);
    assert_eq!(Value::parse(" 6 10 ").text, "6 10");
}

#[test]
fn normalized_like_the_truth() {
    for (text, norm) in [
        ("610", "610"),
        ("６１０", "610"),
        ("0", "0"),
        ("", ""),
        ("  ", ""),
        ("/", "/"),
        ("／", "/"),
        ("——", "/"),
        ("-", "/"),
        ("－", "/"),
        ("–", "/"),
        ("―", "/"),
        ("１６０．５９６４", "160.5964"),
        ("251000元", "251000元"),
        ("－3", "-3"),
        ("＋2", "+2"),
        ("6 10", "610"),
    ] {
        assert_eq!(Value::parse(text).normalized(), norm, "{text:?}");
    }
}

#[test]
fn numbers_and_missing() {
    assert_eq!(Value::parse("12").number(), Some(12.0));
    assert_eq!(Value::parse("251000元").number(), Some(25.1));
    assert_eq!(Value::parse("/").number(), None);
    assert!(Value::parse("/").is_missing());
    assert!(Value::parse("——").is_missing());
    assert!(Value::parse("").is_missing());
    assert!(!Value::parse("0").is_missing());
    assert!(!Value::parse("无").is_missing());
}

mod props {
    use proptest::prelude::*;
    use xxgk::model::Value;

    proptest! {
        /// Any text reads without panic, keeps its text (outer whitespace aside), and its
        /// normalised form is stable.
        #[test]
        fn any_text(s in "[0-9０-９．.,/／—\\-－万元件 \u{3000}a-z无]{0,12}") {
            let v = Value::parse(&s);
            prop_assert_eq!(v.text.as_str(), s.trim_matches(xxgk::model::is_space));
            let n = v.normalized();
            prop_assert_eq!(Value::parse(&n).normalized(), n);
            if v.is_missing() {
                prop_assert!(v.number().is_none());
            }
        }

        /// Integers read back as themselves, full-width or not.
        #[test]
        fn integers(n in 0i64..10_000_000) {
            let ascii = n.to_string();
            let wide: String = ascii.chars().map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap()).collect();
            prop_assert_eq!(Value::parse(&ascii).number(), Some(n as f64));
            prop_assert_eq!(Value::parse(&wide).number(), Some(n as f64));
            prop_assert_eq!(Value::parse(&wide).normalized(), ascii);
        }
    }
}
