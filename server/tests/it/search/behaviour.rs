//! How search behaves beyond ranking: facet counts agree with the totals of their filters, date
//! ranges match units whose dates overlap them (edges included, undated units left out),
//! paging walks every result exactly once in every order, bad parameters are 400 naming the
//! parameter, a wrong token is 401, and a search that finds nothing says what would.

use super::fixture::judged_server;
use super::*;
use crate::support::*;
use portal::config::Visibility;
use std::collections::BTreeSet;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn facet_counts_equal_the_totals_of_their_filters() {
    let (_t, base) = judged_server().await;
    let mut wrong = Vec::new();
    let mut checked = 0;
    for q in ["", "quyết định", "trường", "Kon Tum", "thủy điện"] {
        let page = search(&base, &[("q", q)]).await;
        let all = total(&page);
        assert!(all > 0, "q={q}");
        // Every unit has one level, one access and is digitised or not.
        for name in ["level", "access", "digitized"] {
            let sum: u64 = facet(&page, name).iter().map(|(_, n)| n).sum();
            assert_eq!(
                sum, all,
                "q={q}: the {name} facet sums to the total: {page}"
            );
        }
        for (name, param) in [
            ("fonds", "fonds"),
            ("level", "level"),
            ("type", "type"),
            ("lang", "lang"),
            ("digitized", "digitized"),
            ("access", "access"),
            ("year", "from"),
        ] {
            let values = facet(&page, name);
            assert!(
                !values.is_empty() || name == "type",
                "q={q}: no {name} facet"
            );
            for (value, count) in values {
                let decade_end = value
                    .parse::<i32>()
                    .map(|d| (d + 9).to_string())
                    .unwrap_or_default();
                let mut params = vec![("q", q), (param, value.as_str())];
                if name == "year" {
                    params.push(("to", decade_end.as_str()));
                }
                let filtered = search(&base, &params).await;
                checked += 1;
                if total(&filtered) != count {
                    wrong.push(format!(
                        "q={q:?} {name}={value}: facet says {count}, the filter finds {}",
                        total(&filtered)
                    ));
                }
                // Filtering by a value leaves that value alone in its facet, with the count.
                let own = facet(&filtered, name);
                // (Languages and decades are many per unit: other values stay beside it.)
                if !["year", "lang"].contains(&name) && own != vec![(value.clone(), count)] {
                    wrong.push(format!(
                        "q={q:?} {name}={value}: the filtered {name} facet is {own:?}"
                    ));
                }
            }
        }
    }
    assert!(checked > 60, "only {checked} facet values checked");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The first day a unit covers (ISO), from the database.
async fn date_start(t: &TestDb, code: &str) -> Option<String> {
    sqlx::query_scalar::<_, Option<String>>("select date_start from units where code = $1")
        .bind(code)
        .fetch_one(&t.db.pool)
        .await
        .expect("date_start")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paging_walks_every_result_exactly_once_in_every_order() {
    let (t, base) = judged_server().await;
    // Words (ranked), and no words at all (every unit of a fonds, ties everywhere).
    for (q, filter) in [
        ("Kon Tum", ("level", "item")),
        ("Kon Tum", ("digitized", "no")),
        ("", ("fonds", "H34.10")),
    ] {
        let base_params = [("q", q), filter];
        let mut p = base_params.to_vec();
        p.push(("per_page", "100"));
        let everything = search(&base, &p).await;
        let n = total(&everything) as usize;
        assert!((20..=100).contains(&n), "{base_params:?}: {n} results");
        let mut sets = Vec::new();
        for sort in ["relevance", "date", "-date", "code"] {
            let mut p = base_params.to_vec();
            p.push(("sort", sort));
            let walked = all_codes(&base, &p, 7).await;
            p.push(("per_page", "100"));
            let one_page = codes(&search(&base, &p).await);
            let unique: BTreeSet<&String> = walked.iter().collect();
            assert_eq!(
                unique.len(),
                walked.len(),
                "q={q} sort={sort}: a code repeats"
            );
            assert_eq!(
                walked.len(),
                n,
                "q={q} sort={sort}: {} of {n} walked",
                walked.len()
            );
            assert_eq!(
                walked, one_page,
                "q={q} sort={sort}: pages of 7 differ from one page of 100"
            );
            match sort {
                "date" | "-date" => {
                    let mut dates = Vec::new();
                    for c in &walked {
                        dates.push(date_start(&t, c).await);
                    }
                    let dated = dates.iter().take_while(|d| d.is_some()).count();
                    assert!(
                        dates[dated..].iter().all(Option::is_none),
                        "q={q} sort={sort}: undated units come last: {dates:?}"
                    );
                    let ok = dates[..dated].windows(2).all(|w| {
                        if sort == "date" {
                            w[0] <= w[1]
                        } else {
                            w[0] >= w[1]
                        }
                    });
                    assert!(ok, "q={q} sort={sort}: {walked:?} {dates:?}");
                }
                "code" => {
                    let keys: Vec<String> = walked
                        .iter()
                        .map(|c| portal::search::fold::natural_key(c))
                        .collect();
                    assert!(
                        keys.windows(2).all(|w| w[0] < w[1]),
                        "q={q}: codes in natural order: {walked:?}"
                    );
                }
                _ => {}
            }
            sets.push(unique.into_iter().cloned().collect::<BTreeSet<String>>());
        }
        assert!(
            sets.windows(2).all(|w| w[0] == w[1]),
            "q={q}: every order finds the same units"
        );
    }
    // The natural order of codes: numbers by value (H34.10.1996.01.045.3 before …045.10 would
    // hold if both existed; here files of one catalogue by number).
    let by_code = codes(
        &search(
            &base,
            &[("q", "Plei Krông"), ("within", "H34.10"), ("sort", "code")],
        )
        .await,
    );
    assert_eq!(
        by_code,
        [
            "H34.10.1996.01.046",
            "H34.10.1996.01.046.1",
            "H34.10.1996.01.047",
            "H34.10.1996.01.047.1",
            "H34.10.1999.01.020",
            "H34.10.1999.01.020.1",
            "H34.10.2008.01.013",
            "H34.10.2008.01.013.1",
        ]
    );
}

/// Files and items with dates chosen around March 2000, and undated ones.
async fn dated_server() -> (TestDb, String) {
    let t = TestDb::new().await;
    let fonds =
        format!("{FONDS_HEADER}H50.1,H50,Phông thử ngày tháng,,01,01,01,Không ghi thời gian\n");
    let files = "fondsCode,catalogNo,fileCode,fileNotation,title,maintenance,mode,language,startDate,endDate\n\
         H50.1,1,H50.1.2000.01.001,01.001,Hồ sơ tháng ba,01,01,01,01/03/2000,31/03/2000\n\
         H50.1,1,H50.1.2000.01.002,01.002,Hồ sơ ba năm,01,01,01,1999,2001\n\
         H50.1,1,H50.1.2000.01.003,01.003,Hồ sơ tháng tư,01,01,01,01/04/2000,30/04/2000\n\
         H50.1,1,H50.1.2000.01.004,01.004,Hồ sơ tháng hai,01,01,01,02/2000,02/2000\n\
         H50.1,1,H50.1.2000.01.005,01.005,Hồ sơ không ghi ngày,01,01,01,,\n";
    let docs = format!(
        "{DOCS_HEADER}\
         H50.1.2000.01.005,1,H50.1.2000.01.005.1,02,5,QĐ-UBND,15/03/2000,Ủy ban nhân dân tỉnh,về việc giữa tháng ba,01,01,\n\
         H50.1.2000.01.005,2,H50.1.2000.01.005.2,02,6,QĐ-UBND,,Ủy ban nhân dân tỉnh,về việc không ghi ngày,01,01,\n"
    );
    let r = t
        .import_csv(&[
            ("fonds.csv", &fonds),
            ("files.csv", files),
            ("documents.csv", &docs),
        ])
        .await;
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    let base = t.serve(Visibility::Stub).await;
    t.sync().await;
    (t, base)
}

/// A date range, the codes it must find (exactly) and why.
type DateCase = (
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
    &'static str,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn date_ranges_match_the_units_that_overlap_them() {
    let (_t, base) = dated_server().await;
    const MARCH: &str = "H50.1.2000.01.001";
    const YEARS: &str = "H50.1.2000.01.002";
    const APRIL: &str = "H50.1.2000.01.003";
    const FEBRUARY: &str = "H50.1.2000.01.004";
    const UNDATED: &str = "H50.1.2000.01.005";
    const MID_MARCH: &str = "H50.1.2000.01.005.1";
    const UNDATED_ITEM: &str = "H50.1.2000.01.005.2";
    const EVERYTHING: &[&str] = &[
        "H50.1",
        "H50.1-ML1",
        MARCH,
        YEARS,
        APRIL,
        FEBRUARY,
        UNDATED,
        MID_MARCH,
        UNDATED_ITEM,
    ];
    let cases: &[DateCase] = &[
        (&[], EVERYTHING, "no range: undated units too"),
        (
            &[("from", "2000-03-31"), ("to", "2000-03-31")],
            &[MARCH, YEARS],
            "a unit's last day",
        ),
        (
            &[("from", "2000-03-01"), ("to", "2000-03-01")],
            &[MARCH, YEARS],
            "a unit's first day",
        ),
        (
            &[("from", "2000-03-15"), ("to", "2000-03-15")],
            &[MARCH, YEARS, MID_MARCH],
            "a single day",
        ),
        (
            &[("from", "2000-03-10"), ("to", "2000-03-20")],
            &[MARCH, YEARS, MID_MARCH],
            "inside a unit",
        ),
        (
            &[("from", "2000-04-01"), ("to", "2000-04-30")],
            &[YEARS, APRIL],
            "March ends just before",
        ),
        (
            &[("from", "2000-02-29"), ("to", "2000-02-29")],
            &[YEARS, FEBRUARY],
            "MM/YYYY covers the month",
        ),
        (
            &[("from", "2000-01-01"), ("to", "2000-01-31")],
            &[YEARS],
            "a range inside a spanning unit",
        ),
        (
            &[("from", "2000-03"), ("to", "2000-03")],
            &[MARCH, YEARS, MID_MARCH],
            "a month as YYYY-MM",
        ),
        (
            &[("from", "2000"), ("to", "2000")],
            &[MARCH, YEARS, APRIL, FEBRUARY, MID_MARCH],
            "a year",
        ),
        (
            &[("from", "1999-12-31"), ("to", "1999-12-31")],
            &[YEARS],
            "a spanning unit's inside",
        ),
        (&[("from", "2000-04-15")], &[YEARS, APRIL], "from only"),
        (&[("to", "2000-02-28")], &[YEARS, FEBRUARY], "to only"),
        (
            &[("from", "2001-12-31")],
            &[YEARS],
            "from on a unit's last day",
        ),
        (
            &[("to", "1999-01-01")],
            &[YEARS],
            "to on a unit's first day",
        ),
        (&[("from", "2002")], &[], "after everything"),
        (&[("to", "1998-12-31")], &[], "before everything"),
    ];
    let mut wrong = Vec::new();
    for (range, expected, why) in cases {
        let mut params = vec![("fonds", "H50.1"), ("per_page", "100")];
        params.extend_from_slice(range);
        let page = search(&base, &params).await;
        let got: BTreeSet<String> = codes(&page).into_iter().collect();
        let want: BTreeSet<String> = expected.iter().map(|c| c.to_string()).collect();
        if got != want || total(&page) != want.len() as u64 {
            wrong.push(format!(
                "{range:?} ({why}): expected {want:?}, got {got:?} (total {})",
                total(&page)
            ));
        }
        // The same range with text: the date filter and the words together.
        if !range.is_empty() {
            let mut with_text = params.clone();
            with_text.push(("q", "tháng ba"));
            let page = search(&base, &with_text).await;
            let got: BTreeSet<String> = codes(&page).into_iter().collect();
            let want: BTreeSet<String> = [MARCH, MID_MARCH]
                .iter()
                .filter(|c| expected.contains(c))
                .map(|c| c.to_string())
                .collect();
            if got != want {
                wrong.push(format!(
                    "{range:?} q=tháng ba ({why}): expected {want:?}, got {got:?}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_parameters_are_400_naming_the_parameter() {
    let t = TestDb::new().await;
    t.import_csv(&borrow(&small_catalogue(2, 3))).await;
    let base = t.serve(Visibility::Stub).await;
    t.sync().await;
    let long = "x".repeat(501);
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("page", "0")], "page"),
        (&[("page", "abc")], "page"),
        (&[("page", "-1")], "page"),
        (&[("per_page", "0")], "per_page"),
        (&[("per_page", "101")], "per_page"),
        (&[("per_page", "1000")], "per_page"),
        (&[("from", "abc")], "from"),
        (&[("from", "199")], "from"),
        (&[("from", "1996-13-01")], "from"),
        (&[("to", "yesterday")], "to"),
        (&[("from", "2000"), ("to", "1990")], "to"),
        (&[("from", "2000-05-02"), ("to", "2000-05-01")], "to"),
        (&[("level", "box")], "level"),
        (&[("sort", "title")], "sort"),
        (&[("digitized", "maybe")], "digitized"),
        (&[("access", "secret")], "access"),
        (&[("type", "02;drop")], "type"),
        (&[("page", "501"), ("per_page", "20")], "page"),
        (&[("page", "10001")], "page"),
        (&[("page", "101"), ("per_page", "100")], "page"),
        (&[("q", long.as_str())], "q"),
    ];
    for (params, parameter) in cases {
        let (status, body) = get_with(&base, "/api/v1/search", params, None).await;
        assert_eq!(status, 400, "{params:?}: {body}");
        let json: Value = serde_json::from_str(&body).expect("a JSON error");
        assert_eq!(json["error"], "bad_request", "{params:?}: {body}");
        assert_eq!(json["parameter"], *parameter, "{params:?}: {body}");
        assert!(
            json["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{body}"
        );
    }
    // The edges that are allowed.
    for params in [
        vec![("page", "500"), ("per_page", "20")],
        vec![("page", "100"), ("per_page", "100")],
        vec![("per_page", "1")],
        vec![("from", "1996-02-29"), ("to", "1996-02-29")],
        vec![("from", "1996"), ("to", "1996")],
        vec![("digitized", "no"), ("access", "public"), ("sort", "-date")],
    ] {
        let (status, body) = get_with(&base, "/api/v1/search", &params, None).await;
        assert_eq!(status, 200, "{params:?}: {body}");
    }
    // Beyond the last result a page is empty, not an error.
    let far = search(&base, &[("page", "50"), ("per_page", "10")]).await;
    assert!(hits(&far).is_empty() && total(&far) > 0, "{far}");

    // Staff search: the feed token, nothing else.
    let (status, body) = get_with(
        &base,
        "/api/v1/search",
        &[("q", "trường")],
        Some("wrong-token"),
    )
    .await;
    assert_eq!(status, 401, "{body}");
    assert_eq!(
        serde_json::from_str::<Value>(&body).expect("json")["error"],
        "unauthorized"
    );
    let client = reqwest::Client::new();
    let resp = client
        .get(format!("{base}/api/v1/search?q=tr%C6%B0%E1%BB%9Dng"))
        .header("Authorization", format!("Basic {FEED_TOKEN}"))
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status().as_u16(), 401, "a token without Bearer");
    let staff = staff_search(&base, &[("q", "trường")]).await;
    assert_eq!(total(&staff), total(&search_q(&base, "trường").await));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_search_that_finds_nothing_says_what_would() {
    let (_t, base) = judged_server().await;
    let hint = |page: &Value, kind: &str| -> Vec<Value> {
        page["hints"]
            .as_array()
            .map(|h| h.iter().filter(|x| x["kind"] == kind).cloned().collect())
            .unwrap_or_default()
    };
    // A filter that leaves nothing: removing it finds exactly what the search without it finds.
    // (The generated corpus never names Kon Tum, so only the judged catalogue matches.)
    for (filter, value) in [
        ("fonds", "H71.11"),
        ("from", "2016"),
        ("type", "30"),
        ("level", "series"),
        ("within", "H34.10.1998.01.070"),
    ] {
        let page = search(&base, &[("q", "Kon Tum"), (filter, value)]).await;
        assert_eq!(total(&page), 0, "{filter}={value}: {page}");
        let without = total(&search_q(&base, "Kon Tum").await);
        assert_eq!(
            hint(&page, "remove_filter"),
            vec![
                serde_json::json!({"kind": "remove_filter", "parameter": filter, "total": without})
            ],
            "{filter}={value}: {page}"
        );
    }
    // Two filters: each is offered with what removing it alone would find.
    let page = search(
        &base,
        &[("q", "Kon Tum"), ("fonds", "H71.11"), ("level", "file")],
    )
    .await;
    let offered: Vec<(String, u64)> = hint(&page, "remove_filter")
        .iter()
        .map(|h| {
            (
                h["parameter"].as_str().unwrap_or("").to_string(),
                h["total"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let level_only = total(&search(&base, &[("q", "Kon Tum"), ("level", "file")]).await);
    assert_eq!(offered, vec![("fonds".to_string(), level_only)], "{page}");

    // A word two edits away (beyond typo tolerance): a close spelling that finds something.
    let page = search_q(&base, "khoaanng sản").await;
    assert_eq!(total(&page), 0, "{page}");
    let spelled = hint(&page, "spelling");
    assert_eq!(spelled.len(), 1, "{page}");
    let suggested = spelled[0]["query"].as_str().expect("query");
    assert!(suggested.starts_with("khoang"), "{page}");
    assert_eq!(
        spelled[0]["total"].as_u64(),
        Some(total(&search_q(&base, suggested).await)),
        "the hint's total is what the suggested search finds: {page}"
    );
    assert!(spelled[0]["total"].as_u64() > Some(0));

    // A word nothing has: leaving it out finds what the other words find.
    let page = search_q(&base, "Plei Krông zyxwvq").await;
    assert_eq!(total(&page), 0);
    let dropped = hint(&page, "drop_word");
    let plei = total(&search_q(&base, "Plei Krông").await);
    assert!(
        dropped
            .contains(&serde_json::json!({"kind": "drop_word", "word": "zyxwvq", "total": plei})),
        "{page}"
    );

    // Results have no hints; an unclosed quote is reported and its words still searched.
    let found = search_q(&base, "Plei Krông").await;
    assert!(found.get("hints").is_none(), "{found}");
    let page = search_q(&base, "tái định cư \"Plei Krông").await;
    let ignored = page["ignored"].as_array().expect("ignored is reported");
    assert_eq!(ignored.len(), 1, "{page}");
    assert!(
        ignored[0].as_str().is_some_and(|m| m.contains("ngoặc kép")),
        "{page}"
    );
    assert_eq!(
        total(&page),
        total(&search_q(&base, "tái định cư Plei Krông").await)
    );
    assert!(total(&page) > 0);
    assert!(
        search_q(&base, "\"Plei Krông\"")
            .await
            .get("ignored")
            .is_none()
    );
}
