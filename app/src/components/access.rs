//! The access notice of a record that is not simply public.

use crate::i18n::{Key, t, use_lang};
use crate::model::Access;
use leptos::prelude::*;

/// "Sử dụng có điều kiện — gửi yêu cầu" for a conditional unit; nothing for a public one.
#[component]
pub fn AccessNotice(access: Access) -> impl IntoView {
    let lang = use_lang();
    let (class, key) = match access {
        Access::Public => return None,
        Access::Conditional => ("notice notice-conditional", Key::ConditionalNotice),
        Access::Granted => ("notice notice-granted", Key::GrantedNotice),
    };
    Some(view! { <p class=class data-testid="access-notice">{t(lang, key)}</p> })
}
