//! The catalogues embedded as data parse, and hold what formats.md §2.2–4 lists.

use std::collections::HashSet;
use xxgk::catalog::{self, label_key, IndicatorType};

#[test]
fn every_data_file_parses() {
    for (name, json) in catalog::raw_data() {
        let v: Vec<catalog::Indicator> =
            serde_json::from_str(json).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!v.is_empty(), "{name}");
    }
}

#[test]
fn stats2018_has_65_unique_rows_with_parents() {
    let c = catalog::stats2018();
    assert_eq!(c.indicators.len(), 65);
    let codes: HashSet<&str> = c.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes.len(), 65);
    for i in &c.indicators {
        if let Some(p) = &i.parent {
            let parent = c.get(p).unwrap_or_else(|| panic!("{}: parent {p}", i.code));
            assert_eq!(i.depth, parent.depth + 1, "{}", i.code);
        } else {
            assert_eq!(i.depth, 0, "{}", i.code);
        }
        if i.kind == IndicatorType::Group {
            assert_eq!(i.unit, "——", "{}", i.code);
        }
    }
}

#[test]
fn stats2018_rows_from_formats_md() {
    let c = catalog::stats2018();
    let a1 = c.get("A1").unwrap();
    assert_eq!(a1.label, "（一）主动公开政府信息数");
    assert_eq!(
        a1.note.as_deref(),
        Some("（不同渠道和方式公开相同信息计1条）")
    );
    assert_eq!(c.get("G").unwrap().unit, "万元");
    assert_eq!(c.get("I3").unwrap().unit, "人次");
    assert_eq!(c.get("D").unwrap().kind, IndicatorType::Total);
    assert_eq!(c.children("C3_4").len(), 6);
    assert_eq!(c.get("B2_1a").unwrap().depth, 3);
    assert_eq!(c.get("A1a").unwrap().depth, 2);
    assert_eq!(c.indicators[64].code, "I3");
}

#[test]
fn request_catalogues() {
    let a = catalog::requests2019();
    let b = catalog::requests2021();
    assert_eq!(a.indicators.len(), 23);
    assert_eq!(b.indicators.len(), 25);
    assert_eq!(a.columns.len(), 7);
    for c in [a, b] {
        let codes: HashSet<&str> = c.indicators.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes.len(), c.indicators.len());
        for i in &c.indicators {
            assert_eq!(i.path.last(), Some(&i.label));
        }
    }
    assert_eq!(
        b.get("R3_3_3").unwrap().path,
        [
            "三、本年度办理结果",
            "（三）不予公开",
            "3.危及“三安全一稳定”"
        ]
    );
}

#[test]
fn label_keys() {
    assert_eq!(label_key("（ 一 ）主动公开"), "（一）主动公开");
    assert_eq!(label_key("(一)主动公开"), "（一）主动公开");
    assert_eq!(label_key("１．政府公报"), "1.政府公报");
    assert_eq!(label_key("1、政府公报"), "1.政府公报");
    assert_eq!(label_key("其中:涉及"), "其中：涉及");
    assert_eq!(label_key("3.危及\"三安全一稳定\""), "3.危及“三安全一稳定”");
    // Labels already in key form come back unchanged; one character to map anywhere is enough
    // to map it, and a leading `1、` is rewritten even when nothing else changes.
    assert_eq!(
        label_key("（一）主动公开政府信息数"),
        "（一）主动公开政府信息数"
    );
    assert_eq!(label_key("12.其中：涉及"), "12.其中：涉及");
    assert_eq!(label_key("12、其中：涉及"), "12.其中：涉及");
    assert_eq!(label_key("（一）主动公开\u{3000}"), "（一）主动公开");
    assert_eq!(label_key("“三安全一稳定”"), "“三安全一稳定”");
    assert_eq!(label_key("”三安全一稳定“"), "“三安全一稳定”");
}

/// `get_near` finds the same indicator as `get` whatever position it is told to look at first,
/// with that indicator's position; an unknown id is `None` from anywhere.
#[test]
fn get_near_agrees_with_get_from_any_position() {
    let c = catalog::stats2018();
    let n = c.indicators.len();
    for (k, ind) in c.indicators.iter().enumerate() {
        for near in [0, k, k + 1, n - 1, n, n + 5] {
            let (at, found) = c.get_near(&ind.code, near).expect("found");
            assert_eq!(at, k, "{} from {near}", ind.code);
            assert_eq!(found, c.get(&ind.code).unwrap());
        }
    }
    for near in [0, 3, n] {
        assert!(c.get_near("Z9", near).is_none());
    }
}
