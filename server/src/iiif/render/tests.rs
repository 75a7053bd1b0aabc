//! Tests: rendering from the pyramid: regions, levels, rotation, mirroring, qualities, formats.
use super::*;
use crate::iiif::pyramid;
use crate::iiif::request::{ImageRequest, Limits};
use image::{GenericImageView, RgbImage};

const LIMITS: Limits = Limits {
    max_width: 10_000,
    max_height: 10_000,
    max_area: 100_000_000,
};

fn sample(w: u32, h: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(w, h, |x, y| {
        let b = 128.0 + 90.0 * (x as f32 / 40.0).sin() * (y as f32 / 55.0).cos();
        image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, b as u8])
    }))
}

fn resolved(region: &str, size: &str, rot: &str, qf: &str, w: u32, h: u32) -> Resolved {
    ImageRequest::parse(region, size, rot, qf)
        .unwrap()
        .resolve(w, h, LIMITS)
        .unwrap()
}

fn mean_diff(a: &RgbImage, b: &RgbImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let sum: u64 = a
        .as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(&p, &q)| (p as i32 - q as i32).unsigned_abs() as u64)
        .sum();
    sum as f64 / a.as_raw().len() as f64
}

#[test]
fn a_region_over_four_tiles_equals_the_crop() {
    let dir = tempfile::tempdir().unwrap();
    let img = sample(1001, 757);
    let layout = pyramid::write(dir.path(), &img).unwrap();
    let r = resolved("400,300,300,400", "max", "0", "default.png", 1001, 757);
    assert_eq!(level_for(&layout, &r), 1);
    let out = image::load_from_memory(&render(dir.path(), &layout, &r, None).unwrap()).unwrap();
    let want = img.crop_imm(400, 300, 300, 400).to_rgb8();
    let d = mean_diff(&out.to_rgb8(), &want);
    assert!(d < 3.0, "mean difference {d}");
    // The same region at half size comes from level 2 and matches a resize of the original.
    let r = resolved("400,300,600,400", "300,", "0", "default.jpg", 1001, 757);
    assert_eq!(level_for(&layout, &r), 2);
    let out = image::load_from_memory(&render(dir.path(), &layout, &r, None).unwrap()).unwrap();
    assert_eq!(out.dimensions(), (300, 200));
    let want = img
        .crop_imm(400, 300, 600, 400)
        .resize_exact(300, 200, image::imageops::FilterType::Triangle)
        .to_rgb8();
    let d = mean_diff(&out.to_rgb8(), &want);
    assert!(d < 4.0, "mean difference {d}");
}

#[test]
fn level_choice_only_downscales() {
    let layout = pyramid::Layout::new(6000, 4500);
    assert_eq!(
        level_for(
            &layout,
            &resolved("full", "375,", "0", "default.jpg", 6000, 4500)
        ),
        16
    );
    assert_eq!(
        level_for(
            &layout,
            &resolved("full", "376,", "0", "default.jpg", 6000, 4500)
        ),
        8
    );
    assert_eq!(
        level_for(
            &layout,
            &resolved("full", "max", "0", "default.jpg", 6000, 4500)
        ),
        1
    );
    assert_eq!(
        level_for(
            &layout,
            &resolved("0,0,100,100", "^500,", "0", "default.jpg", 6000, 4500)
        ),
        1
    );
    assert_eq!(
        level_for(
            &layout,
            &resolved("0,0,4096,4096", "512,", "0", "default.jpg", 6000, 4500)
        ),
        8
    );
}

#[test]
fn upscaling_renders_from_full_resolution() {
    let dir = tempfile::tempdir().unwrap();
    let img = sample(600, 500);
    let layout = pyramid::write(dir.path(), &img).unwrap();
    let r = resolved("550,450,50,50", "^200,", "0", "default.png", 600, 500);
    let out = image::load_from_memory(&render(dir.path(), &layout, &r, None).unwrap()).unwrap();
    assert_eq!(out.dimensions(), (200, 200));
}

/// 3×2 pixels, all different: A B C / D E F.
fn asymmetric() -> DynamicImage {
    let px = [
        [255, 0, 0],
        [0, 255, 0],
        [0, 0, 255],
        [255, 255, 0],
        [0, 255, 255],
        [255, 0, 255],
    ];
    DynamicImage::ImageRgb8(RgbImage::from_fn(3, 2, |x, y| {
        image::Rgb(px[(y * 3 + x) as usize])
    }))
}

#[test]
fn rotation_and_mirroring() {
    let img = asymmetric();
    let a = [255u8, 0, 0];
    let cases = [
        ("0", (3, 2), (0, 0)),
        ("90", (2, 3), (1, 0)),
        ("180", (3, 2), (2, 1)),
        ("270", (2, 3), (0, 2)),
        ("!0", (3, 2), (2, 0)),
        ("!90", (2, 3), (1, 2)),
        ("!180", (3, 2), (0, 1)),
        ("!270", (2, 3), (0, 0)),
    ];
    for (rot, size, at) in cases {
        let r = resolved("full", "max", rot, "default.png", 3, 2);
        let out = image::load_from_memory(&render_image(&img, 1, &r, None).unwrap())
            .unwrap()
            .to_rgb8();
        assert_eq!(out.dimensions(), size, "{rot}");
        assert_eq!(
            out.get_pixel(at.0, at.1).0,
            a,
            "{rot}: A should be at {at:?}"
        );
    }
    // 90° moves the bottom-left pixel (D) to the top-left.
    let r = resolved("full", "max", "90", "default.png", 3, 2);
    let out = image::load_from_memory(&render_image(&img, 1, &r, None).unwrap())
        .unwrap()
        .to_rgb8();
    assert_eq!(out.get_pixel(0, 0).0, [255, 255, 0]);
}

#[test]
fn gray_and_bitonal_outputs() {
    let img = sample(200, 150);
    for (qf, color) in [
        ("gray.png", image::ColorType::L8),
        ("gray.jpg", image::ColorType::L8),
        ("bitonal.png", image::ColorType::L8),
        ("default.png", image::ColorType::Rgb8),
        ("color.webp", image::ColorType::Rgb8),
    ] {
        let r = resolved("full", "max", "0", qf, 200, 150);
        let out = image::load_from_memory(&render_image(&img, 1, &r, None).unwrap()).unwrap();
        assert_eq!(out.color(), color, "{qf}");
    }
    let r = resolved("full", "max", "0", "bitonal.png", 200, 150);
    let out = image::load_from_memory(&render_image(&img, 1, &r, None).unwrap())
        .unwrap()
        .to_luma8();
    assert!(out.pixels().all(|p| p[0] == 0 || p[0] == 255));
    assert!(out.pixels().any(|p| p[0] == 0) && out.pixels().any(|p| p[0] == 255));
    // Gray is the luma of the colour image.
    let r = resolved("full", "max", "0", "gray.png", 200, 150);
    let out = image::load_from_memory(&render_image(&img, 1, &r, None).unwrap())
        .unwrap()
        .to_luma8();
    assert_eq!(out, img.to_luma8());
}

#[test]
fn png_and_webp_round_trip_losslessly() {
    let img = sample(333, 222);
    for qf in ["default.png", "default.webp"] {
        let r = resolved("full", "max", "0", qf, 333, 222);
        let out = image::load_from_memory(&render_image(&img, 1, &r, None).unwrap()).unwrap();
        assert_eq!(out.to_rgb8(), img.to_rgb8(), "{qf}");
    }
    let r = resolved("10,20,100,50", "max", "0", "default.png", 333, 222);
    let out = image::load_from_memory(&render_image(&img, 1, &r, None).unwrap()).unwrap();
    assert_eq!(out.to_rgb8(), img.crop_imm(10, 20, 100, 50).to_rgb8());
}

#[test]
fn render_image_from_a_downscaled_source() {
    let img = sample(800, 600);
    let half = img.resize_exact(400, 300, image::imageops::FilterType::Triangle);
    let r = resolved("full", "200,", "0", "default.png", 800, 600);
    let out = image::load_from_memory(&render_image(&half, 2, &r, None).unwrap()).unwrap();
    assert_eq!(out.dimensions(), (200, 150));
    let want = img
        .resize_exact(200, 150, image::imageops::FilterType::Triangle)
        .to_rgb8();
    let d = mean_diff(&out.to_rgb8(), &want);
    assert!(d < 3.0, "mean difference {d}");
}
