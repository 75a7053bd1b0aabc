//! The syntax of each Image API 3.0 parameter. Numbers are plain decimals: digits, and for
//! percentages and rotation an optional fractional part (no sign, no exponent, no spaces).

use super::{Format, Quality, Region, RequestError, Size, SizeKind};

fn invalid(param: &'static str, value: &str, reason: impl Into<String>) -> RequestError {
    RequestError::Invalid {
        param,
        value: value.to_string(),
        reason: reason.into(),
    }
}

/// A non-negative integer written with digits only.
fn int(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A non-negative decimal: digits with at most one `.`, at least one digit.
fn float(s: &str) -> Option<f64> {
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    let dots = s.bytes().filter(|&b| b == b'.').count();
    if digits == 0 || dots > 1 || digits + dots != s.len() {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

pub(super) fn region(s: &str) -> Result<Region, RequestError> {
    const P: &str = "region";
    match s {
        "full" => return Ok(Region::Full),
        "square" => return Ok(Region::Square),
        _ => {}
    }
    if let Some(rest) = s.strip_prefix("pct:") {
        let v: Vec<Option<f64>> = rest.split(',').map(float).collect();
        let [Some(x), Some(y), Some(w), Some(h)] = v[..] else {
            return Err(invalid(
                P,
                s,
                "expected `pct:x,y,w,h` with four decimal numbers",
            ));
        };
        if w <= 0.0 || h <= 0.0 {
            return Err(invalid(P, s, "width and height must be greater than 0"));
        }
        return Ok(Region::Percent { x, y, w, h });
    }
    let v: Vec<Option<u32>> = s.split(',').map(int).collect();
    let [Some(x), Some(y), Some(w), Some(h)] = v[..] else {
        return Err(invalid(
            P,
            s,
            "expected `full`, `square`, `x,y,w,h` (integers) or `pct:x,y,w,h`",
        ));
    };
    if w == 0 || h == 0 {
        return Err(invalid(P, s, "width and height must be greater than 0"));
    }
    Ok(Region::Pixels { x, y, w, h })
}

pub(super) fn size(s: &str) -> Result<Size, RequestError> {
    const P: &str = "size";
    let (upscale, body) = match s.strip_prefix('^') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let zero = || invalid(P, s, "a width or height of 0 gives an empty image");
    let kind = if body == "max" {
        SizeKind::Max
    } else if let Some(n) = body.strip_prefix("pct:") {
        let n = float(n).ok_or_else(|| invalid(P, s, "expected `pct:n` with a decimal n"))?;
        if n <= 0.0 {
            return Err(zero());
        }
        SizeKind::Percent(n)
    } else {
        let (best_fit, dims) = match body.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, body),
        };
        let Some((w, h)) = dims.split_once(',') else {
            return Err(invalid(
                P,
                s,
                "expected `max`, `w,`, `,h`, `w,h`, `!w,h` or `pct:n`, optionally after `^`",
            ));
        };
        let bad = || invalid(P, s, "width and height must be whole numbers");
        let w = if w.is_empty() {
            None
        } else {
            Some(int(w).ok_or_else(bad)?)
        };
        let h = if h.is_empty() {
            None
        } else {
            Some(int(h).ok_or_else(bad)?)
        };
        if w == Some(0) || h == Some(0) {
            return Err(zero());
        }
        match (best_fit, w, h) {
            (false, Some(w), None) => SizeKind::Width(w),
            (false, None, Some(h)) => SizeKind::Height(h),
            (false, Some(w), Some(h)) => SizeKind::Exact(w, h),
            (true, Some(w), Some(h)) => SizeKind::BestFit(w, h),
            (true, _, _) => return Err(invalid(P, s, "`!w,h` needs both a width and a height")),
            (false, None, None) => return Err(invalid(P, s, "`,` needs a width or a height")),
        }
    };
    Ok(Size { upscale, kind })
}

/// The angle in degrees; the `!` (mirror) prefix is read by the caller.
pub(super) fn rotation(s: &str) -> Result<f64, RequestError> {
    const P: &str = "rotation";
    let body = s.strip_prefix('!').unwrap_or(s);
    let d = float(body)
        .ok_or_else(|| invalid(P, s, "expected a number of degrees, optionally after `!`"))?;
    if d > 360.0 {
        return Err(invalid(P, s, "degrees must be between 0 and 360"));
    }
    let d = if d == 360.0 { 0.0 } else { d };
    if d % 90.0 != 0.0 {
        return Err(invalid(P, s, "only multiples of 90 degrees are supported"));
    }
    Ok(d)
}

fn split(s: &str) -> Result<(&str, &str), RequestError> {
    s.rsplit_once('.').ok_or_else(|| {
        invalid(
            "format",
            s,
            "expected `{quality}.{format}`, e.g. `default.jpg`",
        )
    })
}

pub(super) fn quality(s: &str) -> Result<Quality, RequestError> {
    match split(s)?.0 {
        "default" => Ok(Quality::Default),
        "color" => Ok(Quality::Color),
        "gray" => Ok(Quality::Gray),
        "bitonal" => Ok(Quality::Bitonal),
        q => Err(invalid(
            "quality",
            q,
            "expected `default`, `color`, `gray` or `bitonal`",
        )),
    }
}

pub(super) fn format(s: &str) -> Result<Format, RequestError> {
    match split(s)?.1 {
        "jpg" => Ok(Format::Jpg),
        "png" => Ok(Format::Png),
        "webp" => Ok(Format::Webp),
        f => Err(invalid("format", f, "expected `jpg`, `png` or `webp`")),
    }
}
