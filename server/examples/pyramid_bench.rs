//! Times pyramid generation for one image, for comparison with `vips dzsave`.
//!
//! ```text
//! cargo run --release -p portal --example pyramid_bench -- <image file> <out dir>
//! ```
//! Decodes the image with the `image` crate (8-bit RGB, or gray for gray images), writes the
//! pyramid into `<out dir>` and prints `decode_ms`, `pyramid_ms`, the number of files written
//! and their total size in bytes.

use portal::iiif::pyramid;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn files_and_bytes(dir: &Path) -> std::io::Result<(u64, u64)> {
    let (mut files, mut bytes) = (0, 0);
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        if meta.is_dir() {
            let (f, b) = files_and_bytes(&entry.path())?;
            files += f;
            bytes += b;
        } else if entry.path().extension().is_some_and(|e| e == "jpg") {
            files += 1;
            bytes += meta.len();
        }
    }
    Ok((files, bytes))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out] = &args[..] else {
        eprintln!("usage: pyramid_bench <image file> <out dir>");
        std::process::exit(2);
    };
    let out = PathBuf::from(out);
    let started = Instant::now();
    let image = image::open(input)?;
    let image = match image {
        image::DynamicImage::ImageLuma8(_) | image::DynamicImage::ImageRgb8(_) => image,
        other if other.color().has_color() => image::DynamicImage::ImageRgb8(other.to_rgb8()),
        other => image::DynamicImage::ImageLuma8(other.to_luma8()),
    };
    let decode_ms = started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    let layout = pyramid::write(&out, &image)?;
    let pyramid_ms = started.elapsed().as_secs_f64() * 1000.0;
    let (tiles, bytes) = files_and_bytes(&out.join("tiles"))?;
    let (sizes, size_bytes) = files_and_bytes(&out.join("sizes"))?;
    println!(
        "image {}x{} gray={}",
        layout.width, layout.height, layout.gray
    );
    println!(
        "scale_factors {:?} sizes {:?}",
        layout.scale_factors, layout.sizes
    );
    println!("decode_ms {decode_ms:.1}");
    println!("pyramid_ms {pyramid_ms:.1}");
    println!("tiles {tiles} tile_bytes {bytes}");
    println!("sizes {sizes} size_bytes {size_bytes}");
    println!("threads {}", rayon::current_num_threads());
    Ok(())
}
