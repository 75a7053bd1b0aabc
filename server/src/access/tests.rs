//! Tests of the access policy: what each visibility setting lets the public see.

use super::*;

const CANARY: &str = "ZEBRACANARY";

fn unit(mode: Mode) -> StoredUnit {
    StoredUnit {
        unit_id: 7,
        code: "H34.10.1996.01.045".into(),
        level: Level::File,
        parent_id: Some(1),
        fonds_id: Some(1),
        position: 45,
        own_mode: mode,
        effective_mode: mode,
        withdrawn: false,
        title: Some(format!("Hồ sơ {CANARY}")),
        date_text: Some("16/01/1996 – 19/09/1996".into()),
        date_start: Some("1996-01-16".into()),
        date_end: Some("1996-09-19".into()),
        metadata_json: format!(
            r#"{{"title":"Hồ sơ {CANARY}","keyword":"{CANARY}","mode":"02","digitalFiles":"a.jpg"}}"#
        ),
        child_count: 10,
        open_child_count: 4,
    }
}

fn text_of(v: &PublicUnit) -> String {
    format!("{:?}", v)
}

#[test]
fn public_units_are_shown_whole_but_internal_fields_are_not() {
    let v = public_view(&unit(Mode::Public), Visibility::Stub).expect("visible");
    assert_eq!(v.access(), Access::Public);
    assert_eq!(v.title(), Some("Hồ sơ ZEBRACANARY"));
    assert_eq!(v.date_text(), Some("16/01/1996 – 19/09/1996"));
    assert!(v.metadata().iter().any(|(k, _)| k == "keyword"));
    assert!(!v.metadata().iter().any(|(k, _)| k == "digitalFiles"));
    assert_eq!(v.child_count(), 10);
}

#[test]
fn a_stub_carries_no_text_at_all() {
    let v = public_view(&unit(Mode::Conditional), Visibility::Stub).expect("stub");
    assert_eq!(v.access(), Access::Conditional);
    assert_eq!(v.title(), None);
    assert_eq!(v.date_text(), None);
    assert!(v.metadata().is_empty());
    assert_eq!(v.years(), Some((1996, 1996)));
    assert_eq!(v.code(), "H34.10.1996.01.045");
    assert!(!text_of(&v).contains(CANARY), "stub leaks: {v:?}");
}

#[test]
fn hidden_visibility_hides_conditional_units_and_counts_only_open_children() {
    assert!(public_view(&unit(Mode::Conditional), Visibility::Hidden).is_none());
    let v = public_view(&unit(Mode::Public), Visibility::Hidden).expect("visible");
    assert_eq!(v.child_count(), 4);
    assert!(lists_only_open(Visibility::Hidden));
    assert!(!lists_only_open(Visibility::Stub));
}

#[test]
fn metadata_visibility_shows_the_description_of_conditional_units() {
    let v = public_view(&unit(Mode::Conditional), Visibility::Metadata).expect("visible");
    assert_eq!(v.access(), Access::Conditional);
    assert!(v.title().is_some());
}

#[test]
fn withdrawn_and_secret_units_are_invisible_under_every_setting() {
    for vis in [Visibility::Stub, Visibility::Hidden, Visibility::Metadata] {
        let mut w = unit(Mode::Public);
        w.withdrawn = true;
        assert!(public_view(&w, vis).is_none());
        assert!(public_view(&unit(Mode::Secret), vis).is_none());
    }
}

#[test]
fn the_effective_mode_decides_not_the_own_mode() {
    let mut u = unit(Mode::Public);
    u.effective_mode = Mode::Conditional;
    let v = public_view(&u, Visibility::Stub).expect("stub");
    assert_eq!(v.title(), None);
}
