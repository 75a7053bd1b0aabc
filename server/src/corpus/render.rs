//! Fills the `{placeholder}` templates of the word pools from the place, person and year a file
//! is about.

use std::fmt::Write as _;

use super::words::TINH;

/// What the placeholders of one file (and its items) stand for.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    /// Index in `DISTRICTS` of `huyen`.
    pub district: usize,
    pub huyen: &'a str,
    pub xa: &'a str,
    pub xa2: &'a str,
    pub thon: &'a str,
    pub ongba: &'a str,
    /// A person's family name (empty for names of highland peoples, given whole in `given`).
    pub family: &'a str,
    pub given: &'a str,
    pub nam: u16,
    pub ky: &'a str,
    /// The fonds' body as file titles name it.
    pub coquan: &'a str,
    pub linhvuc: &'a str,
    pub loai: &'a str,
    pub thang1: u8,
    pub thang2: u8,
}

/// Appends `template` to `out`, replacing each `{key}`; `{o}` is replaced by `topic`, itself a
/// template. Unknown keys are copied as they are, so a test can catch them.
pub fn render(template: &str, ctx: &Ctx<'_>, topic: &str, out: &mut String) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return;
        };
        let key = &after[..close];
        match key {
            "o" => render(topic, ctx, "", out),
            "tinh" => out.push_str(TINH),
            "huyen" => out.push_str(ctx.huyen),
            "xa" => out.push_str(ctx.xa),
            "xa2" => out.push_str(ctx.xa2),
            "thon" => out.push_str(ctx.thon),
            "ongba" => out.push_str(ctx.ongba),
            "nguoi" => {
                if !ctx.family.is_empty() {
                    out.push_str(ctx.family);
                    out.push(' ');
                }
                out.push_str(ctx.given);
            }
            "nam" => push_num(out, u64::from(ctx.nam)),
            "nam2" => push_num(out, u64::from(ctx.nam) + 1),
            "gd" => {
                let start = ctx.nam - (ctx.nam - 1) % 5;
                push_num(out, u64::from(start));
                out.push('-');
                push_num(out, u64::from(start) + 4);
            }
            "ky" => out.push_str(ctx.ky),
            "coquan" => out.push_str(ctx.coquan),
            "linhvuc" => out.push_str(ctx.linhvuc),
            "loai" => out.push_str(ctx.loai),
            "thang1" => push_num(out, u64::from(ctx.thang1)),
            "thang2" => push_num(out, u64::from(ctx.thang2)),
            _ => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

/// Appends a number in decimal.
pub fn push_num(out: &mut String, n: u64) {
    // Writing to a String cannot fail.
    let _ = write!(out, "{n}");
}

/// Appends a number padded with zeros to `width` digits.
pub fn push_padded(out: &mut String, n: u64, width: usize) {
    let _ = write!(out, "{n:0width$}");
}

/// Makes the first letter upper case (titles start with a capital, `trích yếu` does not).
pub fn capitalise(s: &mut String) {
    let Some(first) = s.chars().next() else {
        return;
    };
    if first.is_lowercase() {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
}
