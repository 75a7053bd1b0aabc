//! A large administrative map for deep zoom: terrain from fractal noise (water, land by height,
//! contour lines), a coordinate grid, roads and settlement labels at several sizes, so that every
//! zoom level shows new detail.

use image::RgbImage;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rayon::prelude::*;

use super::{PROVINCE, blend, draw_text, hash, text_width};

const DISTRICTS: [&str; 10] = [
    "Huyện Đắk Glei",
    "Huyện Ngọc Hồi",
    "Huyện Đắk Tô",
    "Huyện Kon Plông",
    "Huyện Kon Rẫy",
    "Huyện Đắk Hà",
    "Huyện Sa Thầy",
    "Huyện Tu Mơ Rông",
    "Huyện Ia H'Drai",
    "Thành phố Kon Tum",
];

const VILLAGES: [&str; 12] = [
    "Xã Đắk Pék",
    "Xã Mường Hoong",
    "Xã Bờ Y",
    "Xã Diên Bình",
    "Xã Hiếu",
    "Xã Măng Cành",
    "Xã Đắk Ruồng",
    "Xã Hà Mòn",
    "Xã Rờ Kơi",
    "Xã Ya Xiêr",
    "Xã Đắk Hà",
    "Xã Ngọc Réo",
];

/// Smooth value noise in [0, 1] on a lattice of `cell` pixels.
fn value_noise(seed: u64, x: f32, y: f32, cell: f32) -> f32 {
    let (fx, fy) = (x / cell, y / cell);
    let (ix, iy) = (fx.floor(), fy.floor());
    let (tx, ty) = (fx - ix, fy - iy);
    let (sx, sy) = (tx * tx * (3.0 - 2.0 * tx), ty * ty * (3.0 - 2.0 * ty));
    let corner = |dx: i64, dy: i64| {
        let key =
            ((ix as i64 + dx) as u64).wrapping_mul(0x9E37_79B9) ^ ((iy as i64 + dy) as u64) << 32;
        (hash(seed ^ key) & 0xFFFF) as f32 / 65535.0
    };
    let top = corner(0, 0) + (corner(1, 0) - corner(0, 0)) * sx;
    let bottom = corner(0, 1) + (corner(1, 1) - corner(0, 1)) * sx;
    top + (bottom - top) * sy
}

/// Terrain height in [0, 1] for the coarse octaves.
fn coarse_height(seed: u64, x: f32, y: f32, size: f32) -> f32 {
    let mut total = 0.0;
    let mut amplitude = 0.5;
    let mut cell = size / 3.0;
    for octave in 0..6 {
        total += amplitude * value_noise(seed.wrapping_add(octave), x, y, cell);
        amplitude *= 0.5;
        cell /= 2.0;
    }
    total / 0.984
}

/// A map-like image of `width`×`height` pixels, deterministic from `seed`.
pub fn map_image(seed: u64, width: u32, height: u32) -> RgbImage {
    let (w, h) = (width.max(1) as usize, height.max(1) as usize);
    let size = w.max(h) as f32;
    // Coarse height on a grid 8 times smaller, bilinearly upsampled; fine detail added per pixel.
    let step = 8usize;
    let (gw, gh) = (w / step + 2, h / step + 2);
    let grid: Vec<f32> = (0..gw * gh)
        .into_par_iter()
        .map(|i| {
            coarse_height(
                seed,
                ((i % gw) * step) as f32,
                ((i / gw) * step) as f32,
                size,
            )
        })
        .collect();
    let mut data = vec![0u8; w * h * 3];
    data.par_chunks_mut(w * 3).enumerate().for_each(|(y, row)| {
        let gy = y / step;
        let ty = (y % step) as f32 / step as f32;
        for x in 0..w {
            let gx = x / step;
            let tx = (x % step) as f32 / step as f32;
            let at = |dx: usize, dy: usize| grid[(gy + dy) * gw + gx + dx];
            let top = at(0, 0) + (at(1, 0) - at(0, 0)) * tx;
            let bottom = at(0, 1) + (at(1, 1) - at(0, 1)) * tx;
            let fine = value_noise(seed ^ 0xABCD, x as f32, y as f32, 6.0) - 0.5;
            let base = top + (bottom - top) * ty;
            let height = base + 0.012 * fine;
            let grain = (hash(seed ^ ((y as u64) << 32) ^ x as u64) & 7) as f32 - 3.5;
            let mut rgb = colour(height);
            // Contour every 0.025 of height, index contour every 0.1.
            if base > 0.42 {
                let c = (base * 40.0).fract();
                if !(0.04..=0.96).contains(&c) {
                    let strength = if ((base * 10.0).fract()) < 0.03 {
                        0.55
                    } else {
                        0.3
                    };
                    rgb = rgb.map(|v| v * (1.0 - strength) + 110.0 * strength);
                }
            }
            // Grid: fine lines every 60 px, stronger every 600 px.
            if x % 600 < 2 || y % 600 < 2 {
                rgb = rgb.map(|v| v * 0.55 + 40.0);
            } else if x % 60 == 0 || y % 60 == 0 {
                rgb = rgb.map(|v| v * 0.85 + 20.0);
            }
            let px = &mut row[x * 3..x * 3 + 3];
            for (dst, v) in px.iter_mut().zip(rgb) {
                *dst = (v + grain).clamp(0.0, 255.0) as u8;
            }
        }
    });
    let mut img = RgbImage::from_raw(w as u32, h as u32, data)
        .unwrap_or_else(|| RgbImage::new(width, height));
    let mut rng = StdRng::seed_from_u64(seed);
    roads(&mut img, &mut rng, size);
    labels(&mut img, &mut rng, size);
    img
}

/// Water below 0.42 (darker when deeper), then lowland green, upland ochre, highland brown.
fn colour(h: f32) -> [f32; 3] {
    let lerp = |a: [f32; 3], b: [f32; 3], t: f32| {
        let t = t.clamp(0.0, 1.0);
        [
            a[0] + (b[0] - a[0]) * t,
            a[1] + (b[1] - a[1]) * t,
            a[2] + (b[2] - a[2]) * t,
        ]
    };
    if h < 0.42 {
        lerp(
            [70.0, 120.0, 180.0],
            [160.0, 200.0, 230.0],
            (h - 0.25) / 0.17,
        )
    } else if h < 0.55 {
        lerp(
            [180.0, 215.0, 160.0],
            [215.0, 225.0, 165.0],
            (h - 0.42) / 0.13,
        )
    } else if h < 0.68 {
        lerp(
            [215.0, 225.0, 165.0],
            [225.0, 195.0, 140.0],
            (h - 0.55) / 0.13,
        )
    } else {
        lerp(
            [225.0, 195.0, 140.0],
            [165.0, 125.0, 95.0],
            (h - 0.68) / 0.2,
        )
    }
}

/// Roads as random walks: a few national roads (wide, red) and many local ones (thin, orange).
fn roads(img: &mut RgbImage, rng: &mut StdRng, size: f32) {
    let (w, h) = (img.width() as f32, img.height() as f32);
    for n in 0..28 {
        let major = n < 6;
        let (width, colour) = if major {
            (size / 900.0, [200, 40, 40])
        } else {
            (size / 2400.0, [230, 140, 40])
        };
        let (mut x, mut y) = (rng.random_range(0.0..w), rng.random_range(0.0..h));
        let mut heading: f32 = rng.random_range(0.0..std::f32::consts::TAU);
        let segments = if major { 160 } else { 60 };
        for _ in 0..segments {
            heading += rng.random_range(-0.35..0.35);
            let len = size / 300.0;
            let (nx, ny) = (x + heading.cos() * len, y + heading.sin() * len);
            thick_line(img, (x, y), (nx, ny), width.max(1.0), colour);
            (x, y) = (nx, ny);
        }
    }
}

fn thick_line(img: &mut RgbImage, a: (f32, f32), b: (f32, f32), half: f32, colour: [u8; 3]) {
    let (x0, x1) = (a.0.min(b.0) - half - 1.0, a.0.max(b.0) + half + 1.0);
    let (y0, y1) = (a.1.min(b.1) - half - 1.0, a.1.max(b.1) + half + 1.0);
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = (dx * dx + dy * dy).max(1e-6);
    for y in y0 as i64..=y1 as i64 {
        for x in x0 as i64..=x1 as i64 {
            let (px, py) = (x as f32 - a.0, y as f32 - a.1);
            let t = ((px * dx + py * dy) / len2).clamp(0.0, 1.0);
            let d = ((px - t * dx).powi(2) + (py - t * dy).powi(2)).sqrt();
            let cover = (half + 0.5 - d).clamp(0.0, 1.0);
            if cover > 0.0 {
                blend(img, x, y, colour, cover);
            }
        }
    }
}

/// The map title, district names (large), commune names (medium) and hamlet numbers (tiny).
fn labels(img: &mut RgbImage, rng: &mut StdRng, size: f32) {
    let (w, h) = (img.width() as f32, img.height() as f32);
    let dark = [40, 30, 30];
    let title = format!("BẢN ĐỒ HÀNH CHÍNH TỈNH {}", PROVINCE.to_uppercase());
    let title_size = size / 45.0;
    draw_text(
        img,
        &title,
        (w - text_width(&title, title_size)) / 2.0,
        title_size * 1.6,
        title_size,
        dark,
    );
    // One district per cell of a 4×3 grid, jittered, so that names never overlap.
    for (i, name) in DISTRICTS.iter().enumerate() {
        let s = size / 110.0;
        let (col, row) = ((i % 4) as f32, (i / 4) as f32);
        let x = (col + rng.random_range(0.02..0.3)) * w / 4.0;
        let y = (row + rng.random_range(0.3..0.8)) * h / 3.0 + title_size;
        draw_text(img, name, x, y, s, [90, 20, 60]);
    }
    for i in 0..60 {
        let name = VILLAGES[i % VILLAGES.len()];
        let s = size / 400.0;
        let (x, y) = (
            rng.random_range(0.02..0.9) * w,
            rng.random_range(0.05..0.98) * h,
        );
        for dy in -2i64..=2 {
            for dx in -2i64..=2 {
                blend(
                    img,
                    x as i64 + dx,
                    y as i64 + dy - (s * 1.2) as i64,
                    dark,
                    1.0,
                );
            }
        }
        draw_text(img, name, x + s * 0.4, y, s, dark);
    }
    for i in 0..400 {
        let s = (size / 1500.0).max(6.0);
        let (x, y) = (rng.random_range(0.0..w), rng.random_range(0.0..h));
        draw_text(img, &format!("thôn {}", i % 17 + 1), x, y, s, [60, 60, 60]);
    }
}
