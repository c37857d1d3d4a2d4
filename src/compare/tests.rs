//! Compare on hand-made claims: derived totals, inconsistencies and corroboration.

use super::*;
use crate::claims::Kind;

fn fig(text: &str, v: f64, kind: Kind, unit_key: &str, mods: &[&str], sentence: &str) -> Figure {
    Figure {
        text: text.into(),
        value: Interval::exact(v),
        kind,
        unit: unit_key.into(),
        unit_key: unit_key.into(),
        modifiers: mods.iter().map(|m| m.to_string()).collect(),
        currency: None,
        span: [0, text.len()],
        sentence: sentence.into(),
        attribution: None,
        headline: false,
    }
}

#[test]
fn parts_imply_a_total_and_a_wrong_percentage_is_flagged() {
    let s = "Mexico approved 37 new diplomats on top of the 49 diplomats already there, \
             a 60% jump.";
    let figs = vec![
        fig(
            "37 new diplomats",
            37.0,
            Kind::Count,
            "diplomat",
            &["new"],
            s,
        ),
        fig(
            "49 diplomats",
            49.0,
            Kind::Count,
            "diplomat",
            &["existing"],
            s,
        ),
        fig("60%", 60.0, Kind::Percent, "", &[], s),
    ];
    let d = derive::with_derived(&figs);
    let total = d
        .iter()
        .find(|d| d.derivation.is_some())
        .expect("a derived total");
    assert_eq!(total.figure.value, Interval::exact(86.0));
    assert_eq!(total.figure.modifiers, vec!["total".to_string()]);
    let bad = derive::inconsistencies(&figs);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].implied, 75.5);
    // 75% would be a fair rounding of 75.5%.
    let mut ok = figs.clone();
    ok[2].value = Interval::exact(75.0);
    assert!(derive::inconsistencies(&ok).is_empty());
}

#[test]
fn no_total_without_a_sum_word_or_when_the_article_states_it() {
    let s = "The 37 new diplomats and the 49 diplomats already there met on Friday.";
    let figs = vec![
        fig(
            "37 new diplomats",
            37.0,
            Kind::Count,
            "diplomat",
            &["new"],
            s,
        ),
        fig("49 diplomats", 49.0, Kind::Count, "diplomat", &[], s),
    ];
    assert!(
        derive::with_derived(&figs)
            .iter()
            .all(|d| d.derivation.is_none())
    );
    let s = "Mexico approved 37 new diplomats in addition to the 49 diplomats there.";
    let mut figs = vec![
        fig(
            "37 new diplomats",
            37.0,
            Kind::Count,
            "diplomat",
            &["new"],
            s,
        ),
        fig("49 diplomats", 49.0, Kind::Count, "diplomat", &[], s),
    ];
    assert_eq!(derive::with_derived(&figs).len(), 3);
    figs.push(fig(
        "86 diplomats",
        86.0,
        Kind::Count,
        "diplomat",
        &["total"],
        "In all, 86.",
    ));
    assert!(
        derive::with_derived(&figs)
            .iter()
            .all(|d| d.derivation.is_none())
    );
}

#[test]
fn a_derived_figure_never_makes_a_divergence() {
    let s = "The embassy adds 37 new diplomats to its 49 diplomats.";
    let reference = vec![
        fig(
            "37 new diplomats",
            37.0,
            Kind::Count,
            "diplomat",
            &["new"],
            s,
        ),
        fig("49 diplomats", 49.0, Kind::Count, "diplomat", &[], s),
    ];
    let t = "The embassy will have 85 diplomats in total, officials said.";
    let outlet = vec![fig(
        "85 diplomats",
        85.0,
        Kind::Count,
        "diplomat",
        &["total"],
        t,
    )];
    let (r, o) = (
        restated::merge(derive::with_derived(&reference)),
        restated::merge(derive::with_derived(&outlet)),
    );
    assert_eq!(r.len(), 3, "86 derived from 37 + 49");
    let ev = Evidence {
        url: "u".into(),
        captured: DateTime::<Utc>::UNIX_EPOCH,
        hash: "h".into(),
        version: 1,
    };
    let (cells, _) = align::align(&r, &o, &ev, true);
    assert!(
        cells.iter().all(|c| c.verdict != Verdict::Diverge),
        "{cells:?}"
    );
}

#[test]
fn a_sum_carries_over_into_the_next_sentence_only_when_it_opens_by_joining() {
    let derived = |text: &str| -> Vec<f64> {
        let article = crate::extract::Article {
            paragraphs: vec![text.to_string()],
            lang: Some("en".into()),
            ..crate::extract::Article::default()
        };
        let figs = crate::claims::analyze(&article).figures;
        derive::with_derived(&figs)
            .into_iter()
            .filter(|d| d.derivation.is_some())
            .filter_map(|d| d.figure.value.lo)
            .collect()
    };
    assert_eq!(
        derived(
            "Mexico cleared 37 new diplomats for the Russian embassy on Tuesday. \
             They will join the 49 diplomats already accredited there."
        ),
        [86.0]
    );
    assert!(
        derived(
            "Mexico cleared 37 new diplomats for the Russian embassy on Tuesday. \
             The embassy in Washington employs 49 diplomats."
        )
        .is_empty()
    );
    // A number before the joining words is the second sentence's own part.
    assert_eq!(
        derived(
            "Mexico cleared 37 new diplomats on Tuesday. \
             Another 12 diplomats will join the 49 diplomats already accredited."
        ),
        [61.0]
    );
}

#[test]
fn a_change_from_one_count_to_another_implies_the_difference() {
    let derived = |text: &str, lang: &str| -> Vec<(f64, Vec<String>)> {
        let article = crate::extract::Article {
            paragraphs: vec![text.to_string()],
            lang: Some(lang.into()),
            ..crate::extract::Article::default()
        };
        let figs = crate::claims::analyze(&article).figures;
        derive::with_derived(&figs)
            .into_iter()
            .filter(|d| d.derivation.as_ref().is_some_and(|x| x.op == "difference"))
            .map(|d| (d.figure.value.lo.unwrap(), d.figure.modifiers))
            .collect()
    };
    let rise = derived(
        "The Russian embassy's staff rose from 49 diplomats to 86 diplomats this year.",
        "en",
    );
    assert_eq!(rise, [(37.0, vec!["new".to_string()])]);
    let fall = derived(
        "La plantilla de la embajada pasó de 86 diplomáticos a 49 diplomáticos.",
        "es",
    );
    assert_eq!(fall, [(37.0, vec!["fewer".to_string()])]);
    // Two counts side by side without the shape of a change imply nothing.
    assert!(derived("The embassy has 49 diplomats and 86 drivers.", "en").is_empty());
}

/// A subject with an article, as the pipeline builds one from a snapshot.
fn subject(id: &str, text: &str, lang: &str) -> Subject {
    let article = crate::extract::Article {
        title: "Vote".into(),
        paragraphs: text.split("\n\n").map(String::from).collect(),
        lang: Some(lang.into()),
        ..crate::extract::Article::default()
    };
    let capture = crate::pipeline::Capture {
        url: format!("https://{id}.example/a"),
        captured: DateTime::<Utc>::UNIX_EPOCH,
        hash: "h".into(),
        version: 1,
        score: None,
        matched: Vec::new(),
    };
    crate::pipeline::subject_of(id, id, &article, capture)
}

#[test]
fn a_score_whose_second_number_is_inside_the_first_compares() {
    // "9" is found inside "396" when each number is sought in the sentence alone.
    let s = "It passed in a 396-9 vote.";
    let reference = subject("reference", s, "en");
    let values: Vec<f64> = reference
        .claims
        .figures
        .iter()
        .filter_map(|f| f.value.lo)
        .collect();
    assert_eq!(values, [396.0, 9.0]);
    let c = compare(
        "vote",
        "Vote",
        reference,
        vec![subject("outlet", s, "en")],
        DateTime::<Utc>::UNIX_EPOCH,
    );
    // "passed" is a word of change, but a score is no change from 396 to 9.
    assert!(c.rows.iter().all(|r| !r.derived), "{:?}", c.rows);
    let verdicts: Vec<Verdict> = c.rows.iter().map(|r| r.cells["outlet"].verdict).collect();
    // The tally is one quantity, one row.
    assert_eq!(verdicts, [Verdict::Agree]);
}

#[test]
fn a_change_is_read_where_its_numbers_stand_not_where_they_first_occur() {
    // "49 diplomats" is written twice; the change is from the second.
    let s = "Of 49 diplomats, some left; the staff then rose from 49 diplomats to 86 diplomats.";
    let figs = crate::claims::analyze(&crate::extract::Article {
        paragraphs: vec![s.into()],
        lang: Some("en".into()),
        ..crate::extract::Article::default()
    })
    .figures;
    let derived: Vec<f64> = derive::with_derived(&figs)
        .into_iter()
        .filter(|d| d.derivation.is_some())
        .filter_map(|d| d.figure.value.lo)
        .collect();
    assert_eq!(derived, [37.0], "{figs:?}");
}

#[test]
fn spans_that_do_not_fit_the_sentence_are_not_trusted() {
    // Claims handed to compare may carry any span; a change is still read from the text.
    let s = "Staff rose from 49 diplomats to 86 diplomats.";
    let mut from = fig("49 diplomats", 49.0, Kind::Count, "diplomat", &[], s);
    let mut to = fig("86 diplomats", 86.0, Kind::Count, "diplomat", &[], s);
    from.span = [0, 12];
    to.span = [usize::MAX, usize::MAX];
    let derived: Vec<f64> = derive::with_derived(&[from, to])
        .into_iter()
        .filter(|d| d.derivation.is_some())
        .filter_map(|d| d.figure.value.lo)
        .collect();
    assert_eq!(derived, [37.0]);
}

#[test]
fn a_count_named_broadly_on_one_side_still_pairs() {
    let reference = subject(
        "reference",
        "The closure of the plant will cost 1,250 workers their jobs, the union said.",
        "en",
    );
    let broad = subject(
        "broad",
        "The closure of the plant will leave 1,250 people out of work, the union said.",
        "en",
    );
    let other = subject(
        "other",
        "The closure of the plant will leave 1,250 trucks idle, the union said.",
        "en",
    );
    let c = compare(
        "plant",
        "Plant",
        reference,
        vec![broad, other],
        DateTime::<Utc>::UNIX_EPOCH,
    );
    let row = &c.rows[0];
    // "people" is a broader name for the workers; trucks are something else.
    assert_eq!(
        row.cells["broad"].verdict,
        Verdict::Agree,
        "{:?}",
        row.cells["broad"]
    );
    assert!(row.cells["broad"].why.contains("broader"));
    assert_eq!(row.cells["other"].verdict, Verdict::Missing);
}

#[test]
fn a_bound_is_compatible_only_with_values_near_it() {
    let reference = subject(
        "reference",
        "At least 23 people died when the ferry sank off the island on Saturday.",
        "en",
    );
    let far = subject(
        "far",
        "When the ferry sank off the island on Saturday, 251 people were rescued.",
        "en",
    );
    let near = subject(
        "near",
        "When the ferry sank off the island on Saturday, 25 people died.",
        "en",
    );
    let c = compare(
        "ferry",
        "Ferry",
        reference,
        vec![far, near],
        DateTime::<Utc>::UNIX_EPOCH,
    );
    let row = &c.rows[0];
    // 251 fits "at least 23" only as arithmetic: a bound is written near its value.
    assert_eq!(
        row.cells["far"].verdict,
        Verdict::Missing,
        "{:?}",
        row.cells["far"]
    );
    assert_eq!(
        row.cells["near"].verdict,
        Verdict::Compatible,
        "{:?}",
        row.cells["near"]
    );
}

#[test]
fn an_update_diverges_on_the_quantity_its_earlier_entry_agreed_on() {
    let reference = subject(
        "reference",
        "The breach exposed the personal data of 2.7 million customers of the mutual, \
         the regulator said.",
        "en",
    );
    let blog = "09.45 – La brecha afecta a 2,7 millones de clientes de la mutua, según el \
                supervisor.\n\n\
                16.40 – Actualización: la brecha afecta a 2,9 millones de clientes de la \
                mutua, según su análisis forense.";
    let c = compare(
        "breach",
        "Breach",
        reference,
        vec![subject("blog", blog, "es")],
        DateTime::<Utc>::UNIX_EPOCH,
    );
    let cell = &c.rows[0].cells["blog"];
    // The blog's current value is 2.9 million: it diverges, and says why.
    assert_eq!(cell.verdict, Verdict::Diverge, "{}", cell.why);
    assert!(cell.figure.as_ref().is_some_and(|f| f.text.contains("2,9")));
}

#[test]
fn another_part_right_before_a_number_adds_to_the_count_before_it() {
    let s = "Hospitals opened 120 extra beds in the capital and another 60 in the rest of \
             the province.";
    let figs = vec![
        fig("120 extra beds", 120.0, Kind::Count, "bed", &[], s),
        fig("60", 60.0, Kind::Count, "", &[], s),
    ];
    let d = derive::with_derived(&figs);
    let total = d.iter().find(|d| d.derivation.is_some()).expect("a total");
    assert_eq!(total.figure.value, Interval::exact(180.0));
    // "Another" elsewhere in the sentence joins nothing.
    let s = "Another 120 beds opened in the capital, and 60 doctors were recalled.";
    let figs = vec![
        fig("120 beds", 120.0, Kind::Count, "bed", &[], s),
        fig("60 doctors", 60.0, Kind::Count, "", &[], s),
    ];
    assert!(
        derive::with_derived(&figs)
            .iter()
            .all(|d| d.derivation.is_none())
    );
}
