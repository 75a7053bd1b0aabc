//! IIIF Image API 3.0 request parameters: `{region}/{size}/{rotation}/{quality}.{format}`, parsed
//! ([`ImageRequest::parse`]) and resolved against an image's size ([`ImageRequest::resolve`]).
//!
//! Behaviour follows the Image API 3.0 text: regions partly outside the image are clipped, regions
//! entirely outside and zero-sized results are errors, a size larger than the region needs the `^`
//! prefix, `max` never exceeds the advertised limits and `^max` grows up to them. Rounding is to the
//! nearest pixel (percent regions round both edges, so adjacent regions never overlap or leave gaps).

/// The `region` parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum Region {
    Full,
    Square,
    /// `x,y,w,h` in pixels.
    Pixels {
        x: u32,
        y: u32,
        w: u32,
        h: u32,
    },
    /// `pct:x,y,w,h`.
    Percent {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
    },
}

/// The `size` parameter; `upscale` is the `^` prefix.
#[derive(Clone, Debug, PartialEq)]
pub struct Size {
    pub upscale: bool,
    pub kind: SizeKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SizeKind {
    Max,
    /// `w,`
    Width(u32),
    /// `,h`
    Height(u32),
    /// `pct:n`
    Percent(f64),
    /// `w,h`
    Exact(u32, u32),
    /// `!w,h`
    BestFit(u32, u32),
}

/// Output quality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quality {
    Default,
    Color,
    Gray,
    Bitonal,
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Jpg,
    Png,
    Webp,
}

impl Format {
    /// The media type sent as `Content-Type`.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Jpg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
        }
    }
}

/// A parsed request.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageRequest {
    pub region: Region,
    pub size: Size,
    /// `!` prefix.
    pub mirror: bool,
    /// Clockwise degrees: 0, 90, 180 or 270 (other angles are refused at parsing, and
    /// `rotationArbitrary` is not advertised).
    pub degrees: f64,
    pub quality: Quality,
    pub format: Format,
}

/// Limits the server advertises in `info.json` (`maxWidth`, `maxHeight`, `maxArea`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_width: u32,
    pub max_height: u32,
    pub max_area: u64,
}

/// A request made concrete for one image: the pixels to cut, the size to scale them to, then
/// the rotation, quality and format to apply.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// Region in full-resolution pixels, clipped to the image.
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
    /// Size after scaling, before rotation.
    pub out_w: u32,
    pub out_h: u32,
    pub mirror: bool,
    pub degrees: f64,
    pub quality: Quality,
    pub format: Format,
}

/// Why a request cannot be answered; `status()` is the HTTP status the Image API asks for.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// Syntax error in one parameter (400).
    #[error("invalid {param} `{value}`: {reason}")]
    Invalid {
        param: &'static str,
        value: String,
        reason: String,
    },
    /// A region entirely outside the image, a zero size, upscaling without `^` … (400).
    #[error("{0}")]
    Unsatisfiable(String),
    /// Above the advertised limits (400 as well, but named apart for the message).
    #[error("{0}")]
    TooLarge(String),
}

impl RequestError {
    /// The HTTP status code for this error.
    pub fn status(&self) -> u16 {
        400
    }
}

impl ImageRequest {
    /// Parses the four path segments (`quality_format` is e.g. `default.jpg`). Errors name the
    /// parameter and say what is wrong with it.
    pub fn parse(
        region: &str,
        size: &str,
        rotation: &str,
        quality_format: &str,
    ) -> Result<ImageRequest, RequestError> {
        Ok(ImageRequest {
            region: parse::region(region)?,
            size: parse::size(size)?,
            mirror: rotation.starts_with('!'),
            degrees: parse::rotation(rotation)?,
            quality: parse::quality(quality_format)?,
            format: parse::format(quality_format)?,
        })
    }

    /// Resolves against an image of `width` × `height` under `limits`.
    pub fn resolve(
        &self,
        width: u32,
        height: u32,
        limits: Limits,
    ) -> Result<Resolved, RequestError> {
        let (x, y, w, h) = resolve::region(&self.region, width, height)?;
        let (out_w, out_h) = resolve::size(&self.size, w, h, limits)?;
        Ok(Resolved {
            x,
            y,
            w,
            h,
            out_w,
            out_h,
            mirror: self.mirror,
            degrees: self.degrees,
            quality: self.quality,
            format: self.format,
        })
    }
}

mod parse;
mod resolve;

#[cfg(test)]
mod tests;
