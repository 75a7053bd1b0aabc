//! Names shown on the staff and admin pages: priority categories, identity documents and the
//! actions of the audit log, Vietnamese first.

use crate::i18n::Lang;

/// The priority category (`feeObjectType`) `01`…`10` as `01 · Học sinh, sinh viên, …`;
/// an unknown code is shown as is.
pub(crate) fn fee_category(lang: Lang, code: &str) -> String {
    let name = match code.trim() {
        "01" => lang.pick(
            "Học sinh, sinh viên, người nghiên cứu",
            "Pupils, students, researchers",
        ),
        "02" => lang.pick("Thân nhân liệt sĩ", "Martyrs' relatives"),
        "03" => lang.pick("Thương binh, bệnh binh", "War invalids and sick soldiers"),
        "04" => lang.pick("Người tham gia kháng chiến", "Resistance participants"),
        "05" => lang.pick(
            "Người có công giúp đỡ cách mạng",
            "People who helped the revolution",
        ),
        "06" => lang.pick("Người thờ cúng liệt sĩ", "Keepers of martyrs' worship"),
        "07" => lang.pick("Người hưởng lương hưu", "Pensioners"),
        "08" => lang.pick(
            "Người mất sức lao động, bị tai nạn lao động",
            "Lost working capacity or labour accidents",
        ),
        "09" => lang.pick("Người bị bệnh nghề nghiệp", "Occupational diseases"),
        "10" => lang.pick("Khác", "Others"),
        _ => return code.to_string(),
    };
    format!("{} · {name}", code.trim())
}

/// The kind of identity document: `cccd` or `passport`; anything else as is.
pub(crate) fn identity_kind(lang: Lang, kind: &str) -> String {
    match kind {
        "cccd" => lang.pick("Căn cước công dân", "Citizen identity card"),
        "passport" => lang.pick("Hộ chiếu", "Passport"),
        other => other,
    }
    .to_string()
}

/// A readable name for an audit action such as `sign_in.failed`; unknown actions as is.
pub(crate) fn action_label(lang: Lang, action: &str) -> String {
    let (vi, en) = match action {
        "sign_in.ok" => ("Đăng nhập thành công", "Signed in"),
        "sign_in.failed" => ("Đăng nhập không thành công", "Failed sign-in"),
        "sign_in.throttled" => (
            "Đăng nhập bị tạm chặn do thử quá nhiều lần",
            "Sign-in slowed down after too many attempts",
        ),
        "sign_out" => ("Đăng xuất", "Signed out"),
        "sign_out.everywhere" => ("Đăng xuất trên mọi thiết bị", "Signed out everywhere"),
        "second_factor.ok" => ("Xác thực hai bước thành công", "Second factor accepted"),
        "second_factor.failed" => (
            "Xác thực hai bước không thành công",
            "Second factor rejected",
        ),
        "second_factor.enrolled" => ("Thiết lập xác thực hai bước", "Second factor enrolled"),
        "second_factor.reset" => ("Đặt lại xác thực hai bước", "Second factor reset"),
        "recovery_code.used" => ("Dùng mã khôi phục", "Recovery code used"),
        "register" => ("Đăng ký tài khoản", "Registered"),
        "email.verified" => ("Xác nhận thư điện tử", "E-mail confirmed"),
        "email.change_requested" => ("Yêu cầu đổi thư điện tử", "E-mail change requested"),
        "email.changed" => ("Đổi thư điện tử", "E-mail changed"),
        "password.reset_requested" => ("Yêu cầu đặt lại mật khẩu", "Password reset requested"),
        "password.reset" => ("Đặt lại mật khẩu", "Password reset"),
        "password.changed" => ("Đổi mật khẩu", "Password changed"),
        "reader.activated" => ("Kích hoạt tài khoản độc giả", "Reader activated"),
        "reader.refused" => ("Từ chối đăng ký độc giả", "Reader refused"),
        "account.renewal_requested" => ("Yêu cầu gia hạn tài khoản", "Renewal requested"),
        "account.expired" => ("Tài khoản hết hạn", "Account expired"),
        "user.added" => ("Thêm tài khoản", "Account added"),
        "user.roles" => ("Thay đổi vai trò", "Roles changed"),
        "user.suspended" => ("Tạm khóa tài khoản", "Account suspended"),
        "user.reactivated" => ("Mở lại tài khoản", "Account reactivated"),
        "session.expired" => ("Phiên làm việc hết hạn", "Session expired"),
        "csrf.rejected" => (
            "Từ chối biểu mẫu không hợp lệ (CSRF)",
            "Form rejected (CSRF check)",
        ),
        other => return other.to_string(),
    };
    lang.pick(vi, en).to_string()
}

/// `Có` / `Yes` or `Không` / `No`.
pub(crate) fn yes_no(lang: Lang, yes: bool) -> &'static str {
    match yes {
        true => lang.pick("Có", "Yes"),
        false => lang.pick("Không", "No"),
    }
}

/// What stands in for a field that has no value.
pub(crate) fn none_text(lang: Lang) -> &'static str {
    lang.pick("Không có", "None")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_have_names() {
        assert_eq!(fee_category(Lang::Vi, "02"), "02 · Thân nhân liệt sĩ");
        assert_eq!(fee_category(Lang::En, "10"), "10 · Others");
        assert_eq!(fee_category(Lang::Vi, "99"), "99");
    }

    #[test]
    fn actions_have_names() {
        assert_eq!(
            action_label(Lang::Vi, "reader.activated"),
            "Kích hoạt tài khoản độc giả"
        );
        assert_eq!(action_label(Lang::En, "sign_in.failed"), "Failed sign-in");
        assert_eq!(action_label(Lang::Vi, "export.done"), "export.done");
        assert_eq!(identity_kind(Lang::Vi, "passport"), "Hộ chiếu");
        assert_eq!(identity_kind(Lang::En, "other"), "other");
    }
}
