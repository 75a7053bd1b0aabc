//! Tests: Image API request parsing and resolution, edge cases included.
use super::*;

const LIMITS: Limits = Limits {
    max_width: 10_000,
    max_height: 10_000,
    max_area: 50_000_000,
};

fn req(region: &str, size: &str, rotation: &str, qf: &str) -> Result<ImageRequest, RequestError> {
    ImageRequest::parse(region, size, rotation, qf)
}

/// Parses and resolves `region/size/rotation/default.jpg` against `w` × `h`.
fn resolve(region: &str, size: &str, w: u32, h: u32) -> Result<Resolved, RequestError> {
    req(region, size, "0", "default.jpg")?.resolve(w, h, LIMITS)
}

fn geometry(r: &Resolved) -> (u32, u32, u32, u32, u32, u32) {
    (r.x, r.y, r.w, r.h, r.out_w, r.out_h)
}

fn param_of(e: RequestError) -> &'static str {
    match e {
        RequestError::Invalid { param, .. } => param,
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn parses_every_region_form() {
    let p = |s: &str| req(s, "max", "0", "default.jpg").map(|r| r.region);
    assert_eq!(p("full").unwrap(), Region::Full);
    assert_eq!(p("square").unwrap(), Region::Square);
    assert_eq!(
        p("10,20,30,40").unwrap(),
        Region::Pixels {
            x: 10,
            y: 20,
            w: 30,
            h: 40
        }
    );
    assert_eq!(
        p("pct:1.5,2,30.25,40").unwrap(),
        Region::Percent {
            x: 1.5,
            y: 2.0,
            w: 30.25,
            h: 40.0
        }
    );
    for bad in [
        "",
        "ful",
        "1,2,3",
        "1,2,3,4,5",
        "-1,2,3,4",
        "1,2,0,4",
        "pct:1,2,3",
        "pct:a,1,1,1",
        "pct:1,1,0,1",
        "1.5,2,3,4",
        "+1,2,3,4",
        "pct:1e2,1,1,1",
    ] {
        assert_eq!(param_of(p(bad).unwrap_err()), "region", "{bad}");
    }
}

#[test]
fn parses_every_size_form() {
    let p = |s: &str| req("full", s, "0", "default.jpg").map(|r| r.size);
    let size = |upscale, kind| Size { upscale, kind };
    assert_eq!(p("max").unwrap(), size(false, SizeKind::Max));
    assert_eq!(p("^max").unwrap(), size(true, SizeKind::Max));
    assert_eq!(p("150,").unwrap(), size(false, SizeKind::Width(150)));
    assert_eq!(p("^,150").unwrap(), size(true, SizeKind::Height(150)));
    assert_eq!(p("pct:50").unwrap(), size(false, SizeKind::Percent(50.0)));
    assert_eq!(
        p("^pct:150.5").unwrap(),
        size(true, SizeKind::Percent(150.5))
    );
    assert_eq!(p("20,30").unwrap(), size(false, SizeKind::Exact(20, 30)));
    assert_eq!(p("!20,30").unwrap(), size(false, SizeKind::BestFit(20, 30)));
    assert_eq!(p("^!20,30").unwrap(), size(true, SizeKind::BestFit(20, 30)));
    for bad in [
        "full", "", ",", "!20,", "!,30", "0,", ",0", "pct:0", "pct:", "a,b", "^", "^^max",
        "!^20,30", "20,30,40", "Max",
    ] {
        assert_eq!(param_of(p(bad).unwrap_err()), "size", "{bad}");
    }
}

#[test]
fn parses_rotation_quality_and_format() {
    let r = req("full", "max", "!90", "gray.png").unwrap();
    assert!(r.mirror);
    assert_eq!(r.degrees, 90.0);
    assert_eq!(r.quality, Quality::Gray);
    assert_eq!(r.format, Format::Png);
    assert_eq!(
        req("full", "max", "360", "color.webp").unwrap().degrees,
        0.0
    );
    assert_eq!(
        req("full", "max", "180.0", "bitonal.jpg").unwrap().degrees,
        180.0
    );
    assert!(!req("full", "max", "270", "default.jpg").unwrap().mirror);
    for bad in ["", "!", "45", "361", "-90", "abc", "9O", "!!90"] {
        assert_eq!(
            param_of(req("full", "max", bad, "default.jpg").unwrap_err()),
            "rotation",
            "{bad}"
        );
    }
    assert_eq!(
        param_of(req("full", "max", "0", "grey.jpg").unwrap_err()),
        "quality"
    );
    assert_eq!(
        param_of(req("full", "max", "0", "native.jpg").unwrap_err()),
        "quality"
    );
    assert_eq!(
        param_of(req("full", "max", "0", "default.gif").unwrap_err()),
        "format"
    );
    assert_eq!(
        param_of(req("full", "max", "0", "default").unwrap_err()),
        "format"
    );
    let e = req("full", "max", "45", "default.jpg").unwrap_err();
    assert!(e.to_string().contains("rotation `45`"), "{e}");
    assert_eq!(e.status(), 400);
}

#[test]
fn square_is_centred_on_landscape_and_portrait() {
    assert_eq!(
        geometry(&resolve("square", "max", 1001, 757).unwrap()),
        (122, 0, 757, 757, 757, 757)
    );
    assert_eq!(
        geometry(&resolve("square", "max", 757, 1001).unwrap()),
        (0, 122, 757, 757, 757, 757)
    );
    assert_eq!(
        geometry(&resolve("square", "100,", 500, 500).unwrap()),
        (0, 0, 500, 500, 100, 100)
    );
}

#[test]
fn regions_are_clipped_or_refused() {
    // The last column and row tiles of a 1001×757 image, as OpenSeadragon asks for them.
    let r = resolve("512,512,512,512", "489,245", 1001, 757).unwrap();
    assert_eq!(geometry(&r), (512, 512, 489, 245, 489, 245));
    let r = resolve("512,0,1024,1024", "489,", 1001, 757).unwrap();
    assert_eq!(geometry(&r), (512, 0, 489, 757, 489, 757));
    // Clipped at scale factor 2: the region is 1001×757, shown at 501×379.
    let r = resolve("0,0,1024,1024", "501,379", 1001, 757).unwrap();
    assert_eq!(geometry(&r), (0, 0, 1001, 757, 501, 379));
    let r = resolve("0,0,1024,1024", "501,", 1001, 757).unwrap();
    assert_eq!((r.out_w, r.out_h), (501, 379));
    // Entirely outside.
    for region in [
        "1001,0,10,10",
        "0,757,10,10",
        "pct:100,0,10,10",
        "pct:0,100,5,5",
    ] {
        let e = resolve(region, "max", 1001, 757).unwrap_err();
        assert!(
            matches!(e, RequestError::Unsatisfiable(_)),
            "{region}: {e:?}"
        );
        assert!(e.to_string().contains("outside"), "{e}");
    }
}

#[test]
fn percent_regions_round_both_edges() {
    let r = resolve("pct:10,20,30,40", "max", 1000, 500).unwrap();
    assert_eq!(geometry(&r), (100, 100, 300, 200, 300, 200));
    // 1001 × 0.5 = 500.5 → 501; the two halves share that edge, no gap and no overlap.
    let left = resolve("pct:0,0,50,100", "max", 1001, 757).unwrap();
    let right = resolve("pct:50,0,50,100", "max", 1001, 757).unwrap();
    assert_eq!((left.x, left.w), (0, 501));
    assert_eq!((right.x, right.w), (501, 500));
    // Clipped to the image.
    let r = resolve("pct:90,90,50,50", "max", 1000, 1000).unwrap();
    assert_eq!(geometry(&r), (900, 900, 100, 100, 100, 100));
    // Less than a pixel.
    assert!(resolve("pct:0,0,0.01,50", "max", 1000, 1000).is_err());
}

#[test]
fn sizes_follow_the_region() {
    let g = |size: &str| geometry(&resolve("full", size, 1001, 757).unwrap());
    assert_eq!(g("max"), (0, 0, 1001, 757, 1001, 757));
    assert_eq!(g("500,"), (0, 0, 1001, 757, 500, 378));
    assert_eq!(g(",300"), (0, 0, 1001, 757, 397, 300));
    assert_eq!(g("pct:50"), (0, 0, 1001, 757, 501, 379));
    assert_eq!(g("100,100"), (0, 0, 1001, 757, 100, 100));
    assert_eq!(g("!200,200"), (0, 0, 1001, 757, 200, 151));
    assert_eq!(g("!2000,100"), (0, 0, 1001, 757, 132, 100));
    // `!w,h` larger than the region on both sides would upscale: only with `^`.
    assert!(resolve("full", "!2000,3000", 1001, 757).is_err());
    assert_eq!(g("!1001,3000"), (0, 0, 1001, 757, 1001, 757));
    assert_eq!(g("^!2002,3000"), (0, 0, 1001, 757, 2002, 1514));
}

#[test]
fn upscaling_needs_the_caret() {
    for size in ["1002,", ",758", "1002,700", "1000,758", "pct:100.5"] {
        let e = resolve("full", size, 1001, 757).unwrap_err();
        assert!(matches!(e, RequestError::Unsatisfiable(_)), "{size}: {e:?}");
        assert!(e.to_string().contains('^'), "{e}");
        assert!(
            resolve("full", &format!("^{size}"), 1001, 757).is_ok(),
            "^{size}"
        );
    }
    let g = |region: &str, size: &str| geometry(&resolve(region, size, 1000, 1000).unwrap());
    assert_eq!(g("full", "^1500,"), (0, 0, 1000, 1000, 1500, 1500));
    assert_eq!(g("full", "^,1500"), (0, 0, 1000, 1000, 1500, 1500));
    assert_eq!(g("full", "^pct:200"), (0, 0, 1000, 1000, 2000, 2000));
    assert_eq!(g("0,0,10,20", "^100,"), (0, 0, 10, 20, 100, 200));
    // `^` also allows sizes that do not upscale.
    assert_eq!(g("full", "^500,500"), (0, 0, 1000, 1000, 500, 500));
}

#[test]
fn max_and_caret_max_respect_the_limits() {
    let limits = Limits {
        max_width: 800,
        max_height: 1000,
        max_area: 10_000_000,
    };
    let r = |size: &str, w, h| {
        req("full", size, "0", "default.jpg")
            .unwrap()
            .resolve(w, h, limits)
            .map(|r| (r.out_w, r.out_h))
    };
    assert_eq!(r("max", 400, 300).unwrap(), (400, 300));
    assert_eq!(r("max", 1600, 900).unwrap(), (800, 450));
    assert_eq!(r("max", 900, 2000).unwrap(), (450, 1000));
    // `^max` grows to the limits.
    assert_eq!(r("^max", 400, 300).unwrap(), (800, 600));
    assert_eq!(r("^max", 100, 200).unwrap(), (500, 1000));
    // maxArea binds.
    let small = Limits {
        max_width: 5000,
        max_height: 5000,
        max_area: 1_000_000,
    };
    let (w, h) = req("full", "max", "0", "default.jpg")
        .unwrap()
        .resolve(4000, 3000, small)
        .map(|r| (r.out_w, r.out_h))
        .unwrap();
    assert!(
        w as u64 * h as u64 <= 1_000_000 && (1150..=1155).contains(&w),
        "{w}×{h}"
    );
    assert!((h as f64 - w as f64 * 0.75).abs() <= 1.0, "{w}×{h}");
    // Explicit sizes above the limits are refused, `!w,h` is shrunk to them.
    assert!(matches!(
        r("1200,", 1600, 900).unwrap_err(),
        RequestError::TooLarge(_)
    ));
    assert!(matches!(
        r("^pct:300", 400, 400).unwrap_err(),
        RequestError::TooLarge(_)
    ));
    assert_eq!(r("!1200,1200", 1600, 900).unwrap(), (800, 450));
}

#[test]
fn zero_sized_results_are_refused() {
    let e = resolve("full", "1,", 1000, 10).unwrap_err();
    assert!(matches!(e, RequestError::Unsatisfiable(_)), "{e:?}");
    assert!(e.to_string().contains("empty"), "{e}");
    assert!(resolve("full", "pct:0.01", 1000, 1000).is_err());
}

#[test]
fn mirror_and_rotation_are_carried_through() {
    let r = req("0,0,10,20", "5,10", "!270", "bitonal.webp")
        .unwrap()
        .resolve(100, 100, LIMITS)
        .unwrap();
    assert!(r.mirror);
    assert_eq!(r.degrees, 270.0);
    assert_eq!(r.quality, Quality::Bitonal);
    assert_eq!(r.format, Format::Webp);
    assert_eq!(Format::Webp.media_type(), "image/webp");
}
