//! Tests: pyramid geometry at the edges and which requests stored files answer.
use super::*;
use crate::iiif::request::{ImageRequest, Limits};
use image::{GenericImageView, GrayImage, RgbImage};

const LIMITS: Limits = Limits {
    max_width: 10_000,
    max_height: 10_000,
    max_area: 100_000_000,
};

/// A smooth but asymmetric colour picture (JPEG keeps it within a few levels).
fn sample(w: u32, h: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(w, h, |x, y| {
        let b = 128.0 + 90.0 * (x as f32 / 40.0).sin() * (y as f32 / 55.0).cos();
        image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, b as u8])
    }))
}

fn resolve(region: &str, size: &str, w: u32, h: u32) -> Resolved {
    ImageRequest::parse(region, size, "0", "default.jpg")
        .unwrap()
        .resolve(w, h, LIMITS)
        .unwrap()
}

#[test]
fn layout_levels_and_sizes() {
    let l = Layout::new(1001, 757);
    assert_eq!(l.scale_factors, vec![1, 2]);
    // Every level's size, then thumbnails below the top level down to ≤ 100 px.
    assert_eq!(
        l.sizes,
        vec![(63, 48), (126, 95), (251, 190), (501, 379), (1001, 757)]
    );
    assert_eq!(l.grid(1), (2, 2));
    assert_eq!(l.grid(2), (1, 1));
    assert_eq!(l.tile_region(1, 1, 1), (512, 512, 489, 245));
    assert_eq!(l.tile_region(2, 0, 0), (0, 0, 1001, 757));
    let map = Layout::new(6000, 4500);
    assert_eq!(map.scale_factors, vec![1, 2, 4, 8, 16]);
    assert_eq!(
        map.sizes,
        vec![(94, 71), (188, 141), (375, 282), (750, 563), (1500, 1125)]
    );
    assert_eq!(map.grid(1), (12, 9));
    assert_eq!(map.level_size(8), (750, 563));
    let small = Layout::new(300, 200);
    assert_eq!(
        (small.scale_factors.clone(), small.sizes.clone()),
        (vec![1], vec![(75, 50), (150, 100), (300, 200)])
    );
    // A long strip needs levels until both sides fit.
    assert_eq!(Layout::new(5000, 100).scale_factors, vec![1, 2, 4, 8, 16]);
}

#[test]
fn writes_every_tile_at_the_size_osd_asks_for() {
    let dir = tempfile::tempdir().unwrap();
    let img = sample(1001, 757);
    let layout = write(dir.path(), &img).unwrap();
    assert_eq!(Layout::load(dir.path()).unwrap(), layout);
    assert!(!layout.gray);
    assert!(!dir.path().join("layout.json.tmp").exists());
    for &sf in &layout.scale_factors {
        let (cols, rows) = layout.grid(sf);
        for row in 0..rows {
            for col in 0..cols {
                let (x, y, w, h) = layout.tile_region(sf, col, row);
                let file = dir.path().join(Layout::tile_path(sf, col, row));
                let tile = image::open(&file).unwrap();
                assert_eq!(
                    tile.dimensions(),
                    (w.div_ceil(sf), h.div_ceil(sf)),
                    "{file:?}"
                );
                assert_eq!(tile.color(), image::ColorType::Rgb8);
                // Both forms OpenSeadragon uses hit the stored tile.
                let (ow, oh) = tile.dimensions();
                let region = format!("{x},{y},{w},{h}");
                for size in [format!("{ow},{oh}"), format!("{ow},")] {
                    let r = resolve(&region, &size, 1001, 757);
                    let found = layout.stored(&r);
                    // The one-tile top level is also a fixed size (same pixels, same bytes).
                    let size_file =
                        (w, h) == (1001, 757) && found == Some(Layout::size_path(ow, oh));
                    assert!(
                        found == Some(Layout::tile_path(sf, col, row)) || size_file,
                        "{region}/{size}: {found:?}"
                    );
                }
            }
        }
    }
    for &(w, h) in &layout.sizes {
        let file = dir.path().join(Layout::size_path(w, h));
        assert_eq!(image::open(&file).unwrap().dimensions(), (w, h));
        let r = resolve("full", &format!("{w},"), 1001, 757);
        assert_eq!(layout.stored(&r), Some(Layout::size_path(w, h)));
    }
    // The last (partial) tile holds the right pixels.
    let tile = image::open(dir.path().join("tiles/1/1_1.jpg"))
        .unwrap()
        .to_rgb8();
    let orig = img.to_rgb8();
    let mut diff = 0u64;
    for (x, y, p) in tile.enumerate_pixels() {
        let q = orig.get_pixel(512 + x, 512 + y);
        diff += (0..3)
            .map(|c| (p[c] as i32 - q[c] as i32).unsigned_abs() as u64)
            .sum::<u64>();
    }
    let mean = diff as f64 / (489.0 * 245.0 * 3.0);
    assert!(mean < 3.0, "mean difference {mean}");
}

#[test]
fn stored_misses_what_is_not_on_disk() {
    let layout = Layout::new(1001, 757);
    let miss = |region: &str, size: &str, rot: &str, qf: &str| {
        let r = ImageRequest::parse(region, size, rot, qf)
            .unwrap()
            .resolve(1001, 757, LIMITS)
            .unwrap();
        assert_eq!(layout.stored(&r), None, "{region}/{size}/{rot}/{qf}");
    };
    miss("100,0,512,512", "512,512", "0", "default.jpg");
    miss("0,0,512,512", "256,256", "0", "default.jpg");
    miss("0,0,500,512", "500,512", "0", "default.jpg");
    miss("0,0,512,512", "512,512", "90", "default.jpg");
    miss("0,0,512,512", "512,512", "!0", "default.jpg");
    miss("0,0,512,512", "512,512", "0", "default.png");
    miss("0,0,512,512", "512,512", "0", "gray.jpg");
    miss("0,0,512,512", "512,512", "0", "bitonal.jpg");
    miss("full", "600,", "0", "default.jpg");
    miss("square", "max", "0", "default.jpg");
    let hit = ImageRequest::parse("0,0,512,512", "512,512", "0", "color.jpg").unwrap();
    let hit = hit.resolve(1001, 757, LIMITS).unwrap();
    assert_eq!(layout.stored(&hit), Some(PathBuf::from("tiles/1/0_0.jpg")));
}

#[test]
fn gray_masters_stay_gray() {
    let dir = tempfile::tempdir().unwrap();
    let img = DynamicImage::ImageLuma8(GrayImage::from_fn(700, 600, |x, y| {
        image::Luma([((x + y) / 6) as u8])
    }));
    let layout = write(dir.path(), &img).unwrap();
    assert!(layout.gray);
    assert!(Layout::load(dir.path()).unwrap().gray);
    let tile = image::open(dir.path().join("tiles/1/1_1.jpg")).unwrap();
    assert_eq!(tile.color(), image::ColorType::L8);
    assert_eq!(tile.dimensions(), (188, 88));
    let r = ImageRequest::parse("512,512,188,88", "188,", "0", "gray.jpg").unwrap();
    let r = r.resolve(700, 600, LIMITS).unwrap();
    assert_eq!(layout.stored(&r), Some(PathBuf::from("tiles/1/1_1.jpg")));
}
