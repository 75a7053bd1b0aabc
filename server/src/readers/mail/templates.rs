//! The texts of the account e-mails (reader-services.md §1, issue 5): plain text, Vietnamese
//! first, then English below a separator line; the archive's name is a parameter and every link
//! stands alone on its line so that mail clients make it clickable.

use super::Mail;

/// Who receives the mail and from which archive.
#[derive(Debug, Clone, Copy)]
pub struct Addressee<'a> {
    /// The e-mail address.
    pub email: &'a str,
    /// The reader's full name, used in the greeting.
    pub name: &'a str,
    /// The archive's name (`PORTAL_ARCHIVE_NAME`).
    pub archive: &'a str,
}

/// The line between the Vietnamese and the English text.
pub const SEPARATOR: &str = "------------------------------------------------------------";

fn compose(to: &Addressee, subject_vi: &str, subject_en: &str, vi: &str, en: &str) -> Mail {
    let archive = to.archive.trim();
    let name = to.name.trim();
    Mail {
        to: to.email.trim().to_owned(),
        subject: format!("{subject_vi} — {archive} ({subject_en})"),
        text: format!(
            "Kính gửi {name},\n\n{vi}\n\nTrân trọng,\n{archive}\n\n{SEPARATOR}\n\
             English\n\nDear {name},\n\n{en}\n\nKind regards,\n{archive}\n\n\
             Đây là thư tự động, xin đừng trả lời. (This is an automatic message; please do not reply.)\n"
        ),
    }
}

fn hours_en(hours: u32) -> String {
    if hours == 1 {
        "1 hour".to_owned()
    } else {
        format!("{hours} hours")
    }
}

/// Confirms the address of a new account: single-use link valid `valid_hours` (24 h).
pub fn verification(to: &Addressee, link: &str, valid_hours: u32) -> Mail {
    let vi = format!(
        "Cảm ơn bạn đã đăng ký tài khoản độc giả tại {a}. Để xác nhận địa chỉ e-mail, \
         hãy mở đường dẫn sau (dùng được một lần, có hiệu lực trong {valid_hours} giờ):\n\n{link}\n\n\
         Sau khi xác nhận, cán bộ phòng đọc sẽ kiểm tra thông tin của bạn trong một ngày làm việc. \
         Nếu bạn không đăng ký, hãy bỏ qua thư này.",
        a = to.archive.trim()
    );
    let en = format!(
        "Thank you for registering a reader account at {a}. To confirm your e-mail address, \
         open the following link (single use, valid for {h}):\n\n{link}\n\n\
         After confirmation, the reading-room staff will check your details within one working day. \
         If you did not register, please ignore this message.",
        a = to.archive.trim(),
        h = hours_en(valid_hours)
    );
    compose(
        to,
        "Xác nhận địa chỉ e-mail",
        "Confirm your e-mail address",
        &vi,
        &en,
    )
}

/// Confirms a changed e-mail address: single-use link valid `valid_hours`, sent to the new address.
pub fn email_change(to: &Addressee, link: &str, valid_hours: u32) -> Mail {
    let vi = format!(
        "Bạn vừa đổi địa chỉ e-mail của tài khoản độc giả sang địa chỉ này. Để xác nhận, \
         hãy mở đường dẫn sau (dùng được một lần, có hiệu lực trong {valid_hours} giờ):\n\n{link}\n\n\
         Cho đến khi xác nhận, thư của phòng đọc vẫn gửi đến địa chỉ cũ. \
         Nếu bạn không yêu cầu thay đổi này, hãy bỏ qua thư này."
    );
    let en = format!(
        "You have changed the e-mail address of your reader account to this address. To confirm it, \
         open the following link (single use, valid for {h}):\n\n{link}\n\n\
         Until you confirm, the reading room keeps writing to your previous address. \
         If you did not ask for this change, please ignore this message.",
        h = hours_en(valid_hours)
    );
    compose(
        to,
        "Xác nhận địa chỉ e-mail mới",
        "Confirm your new e-mail address",
        &vi,
        &en,
    )
}

/// "Forgot password": single-use link valid `valid_hours` (1 h).
pub fn password_reset(to: &Addressee, link: &str, valid_hours: u32) -> Mail {
    let vi = format!(
        "Có yêu cầu đặt lại mật khẩu cho tài khoản độc giả của bạn. Để chọn mật khẩu mới, \
         hãy mở đường dẫn sau (dùng được một lần, có hiệu lực trong {valid_hours} giờ):\n\n{link}\n\n\
         Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên."
    );
    let en = format!(
        "Someone asked to reset the password of your reader account. To choose a new password, \
         open the following link (single use, valid for {h}):\n\n{link}\n\n\
         If you did not ask for it, please ignore this message: your current password stays unchanged.",
        h = hours_en(valid_hours)
    );
    compose(to, "Đặt lại mật khẩu", "Reset your password", &vi, &en)
}

/// The staff activated the account; `link` leads to the sign-in page.
pub fn activated(to: &Addressee, link: &str) -> Mail {
    let vi = format!(
        "Tài khoản độc giả của bạn tại {a} đã được kích hoạt. Từ nay bạn có thể gửi phiếu yêu cầu \
         đọc, sao chụp và chứng thực tài liệu. Đăng nhập tại:\n\n{link}",
        a = to.archive.trim()
    );
    let en = format!(
        "Your reader account at {a} has been activated. You can now submit requests to read, copy \
         and certify records. Sign in at:\n\n{link}",
        a = to.archive.trim()
    );
    compose(
        to,
        "Tài khoản đã được kích hoạt",
        "Your account is active",
        &vi,
        &en,
    )
}

/// The staff refused the registration, with their reason (quoted as written).
pub fn refused(to: &Addressee, reason: &str) -> Mail {
    let reason = reason.trim();
    let vi = format!(
        "Rất tiếc, cán bộ phòng đọc của {a} chưa thể kích hoạt tài khoản độc giả của bạn. \
         Lý do:\n\n{reason}\n\n\
         Bạn có thể sửa thông tin và đăng ký lại, hoặc liên hệ phòng đọc để được hướng dẫn.",
        a = to.archive.trim()
    );
    let en = format!(
        "We are sorry: the reading-room staff of {a} could not activate your reader account. \
         Reason (as written by the staff):\n\n{reason}\n\n\
         You may correct your details and register again, or contact the reading room for help.",
        a = to.archive.trim()
    );
    compose(
        to,
        "Đăng ký tài khoản chưa được chấp nhận",
        "Registration not accepted",
        &vi,
        &en,
    )
}

/// The account expires on `expires_on`; `link` leads to the renewal page.
pub fn expiring(to: &Addressee, expires_on: time::Date, link: &str) -> Mail {
    let date = format!(
        "{:02}/{:02}/{}",
        expires_on.day(),
        u8::from(expires_on.month()),
        expires_on.year()
    );
    let vi = format!(
        "Tài khoản độc giả của bạn tại {a} sẽ hết hạn vào ngày {date}. Để tiếp tục gửi phiếu yêu cầu, \
         hãy gia hạn tài khoản tại:\n\n{link}",
        a = to.archive.trim()
    );
    let en = format!(
        "Your reader account at {a} expires on {date} (day/month/year). To keep submitting requests, \
         renew it at:\n\n{link}",
        a = to.archive.trim()
    );
    compose(
        to,
        "Tài khoản sắp hết hạn",
        "Your account expires soon",
        &vi,
        &en,
    )
}
