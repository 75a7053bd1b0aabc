//! Tests: the viewer's page arithmetic and server-rendered HTML.
use super::*;
use crate::i18n::Lang;

fn page(seq: u32, width: u32, height: u32) -> PageView {
    PageView {
        seq,
        image: format!("kontum/p{seq}"),
        width,
        height,
        item: None,
        has_text: false,
    }
}

#[test]
fn fixed_sizes_halve_until_they_fit() {
    // 6000 × 4500: sf 1, 2, 4 (1500 × 1125), 8, 16, 32 (188 × 141).
    assert_eq!(fixed_size(6000, 4500, 2048), (1500, 1125));
    assert_eq!(fixed_size(6000, 4500, 200), (188, 141));
    // Rounding up at every level: 2481 / 2 = 1240.5 → 1241.
    assert_eq!(fixed_size(2481, 3507, 2048), (1241, 1754));
    assert_eq!(fixed_size(800, 600, 1024), (800, 600));
    assert_eq!(fixed_size(1, 1, 0), (1, 1));
    assert_eq!(fixed_size(0, 0, 200), (0, 0));
}

#[test]
fn iiif_addresses_of_a_page() {
    let p = page(1, 6000, 4500);
    assert_eq!(
        size_url(&p, 200),
        "/iiif/3/kontum%2Fp1/full/188,141/0/default.jpg"
    );
    assert_eq!(info_url(&p), "/iiif/3/kontum%2Fp1/info.json");
    assert_eq!(full_url(&p), "/iiif/3/kontum%2Fp1/full/max/0/default.jpg");
}

#[test]
fn the_current_page_stays_in_range() {
    assert_eq!(current_page(None, 12), 1);
    assert_eq!(current_page(Some("5"), 12), 5);
    assert_eq!(current_page(Some(" 7 "), 12), 7);
    assert_eq!(current_page(Some("0"), 12), 1);
    assert_eq!(current_page(Some("99"), 12), 12);
    assert_eq!(current_page(Some("-3"), 12), 1);
    assert_eq!(current_page(Some("abc"), 12), 1);
    assert_eq!(current_page(Some("2"), 0), 1);
}

#[test]
fn the_strip_shows_a_window_around_the_current_page() {
    use StripItem::{Gap, Number, Thumb};
    assert_eq!(strip_items(1, 1), vec![Thumb(1)]);
    assert_eq!(
        strip_items(1, 5),
        vec![Thumb(1), Thumb(2), Thumb(3), Thumb(4), Number(5)]
    );
    assert_eq!(
        strip_items(250, 500),
        vec![
            Number(1),
            Gap,
            Thumb(247),
            Thumb(248),
            Thumb(249),
            Thumb(250),
            Thumb(251),
            Thumb(252),
            Thumb(253),
            Gap,
            Number(500)
        ]
    );
    // No gap between neighbours.
    assert_eq!(strip_items(5, 9)[0..2], [Number(1), Thumb(2)]);
    assert_eq!(strip_items(5, 9)[7..], [Thumb(8), Number(9)]);
    // Hundreds of pages never give more than a handful of thumbnails.
    for current in [1, 2, 100, 499, 500] {
        let items = strip_items(current, 500);
        assert!(items.len() <= 2 * WINDOW as usize + 5, "{items:?}");
        assert!(items.contains(&Thumb(current)));
    }
}

#[test]
fn the_browser_viewer_gets_every_page_and_downloads_only_when_public() {
    let pages = [page(1, 6000, 4500), page(2, 2000, 3000)];
    let options = mount::Options::new(Lang::Vi, "Hồ sơ", &pages, 2, false);
    assert_eq!(options.start, 1);
    assert_eq!(options.pages.len(), 2);
    assert_eq!(options.pages[1].info, "/iiif/3/kontum%2Fp2/info.json");
    assert!(options.pages.iter().all(|p| p.full.is_none()));
    assert!(options.labels.contains(&("pageOf", "Trang {n} / {m}")));
    assert!(options.labels.contains(&("zoomIn", "Phóng to")));
    let public = mount::Options::new(Lang::En, "File", &pages, 1, true);
    assert_eq!(public.start, 0);
    assert_eq!(
        public.pages[0].full.as_deref(),
        Some("/iiif/3/kontum%2Fp1/full/max/0/default.jpg")
    );
}

// Rendering to HTML needs the server build.
#[cfg(feature = "ssr")]
#[test]
fn without_javascript_the_page_is_an_image_with_links() {
    let pages: Vec<PageView> = (1..=40).map(|n| page(n, 2000, 3000)).collect();
    let html = plain_view(Lang::Vi, "/records/H1", "Hồ sơ đê", &pages, true, 20).to_html();
    assert!(html.contains(r#"alt="Trang 20 / 40 — Hồ sơ đê""#), "{html}");
    assert!(
        html.contains("/iiif/3/kontum%2Fp20/full/500,750/0/default.jpg"),
        "{html}"
    );
    assert!(html.contains(r#"href="/records/H1?page=19""#), "{html}");
    assert!(html.contains(r#"href="/records/H1?page=21""#), "{html}");
    assert!(html.contains(r#"href="/records/H1?page=40""#), "{html}");
    assert!(
        html.contains("/iiif/3/kontum%2Fp20/full/max/0/default.jpg"),
        "{html}"
    );
    // A window of thumbnails, not forty.
    assert_eq!(
        html.matches("<img").count(),
        1 + 2 * WINDOW as usize + 1,
        "{html}"
    );
    let restricted = plain_view(Lang::En, "/records/H1", "File", &pages[..1], false, 1).to_html();
    assert!(!restricted.contains("full/max"), "{restricted}");
    assert!(!restricted.contains("rel=\"prev\""), "{restricted}");
    assert!(
        restricted.contains(r#"alt="Page 1 of 1 — File""#),
        "{restricted}"
    );
}
