//! The browser side of the viewer: loads OpenSeadragon and `/viewer.js` once, calls
//! `window.PortalViewer.mount(element, options)` when both are there (polling briefly), destroys
//! the viewer when the page goes away, and copies the manifest address to the clipboard.
//! On the server every entry point is a no-op.

use super::{THUMB_EDGE, full_url, info_url, size_url};
use crate::i18n::{Key, Lang, page_of_pattern, t};
use crate::model::PageView;

/// One page as viewer.js wants it.
#[derive(Clone, Debug, PartialEq)]
pub struct PageOption {
    pub info: String,
    pub thumb: String,
    /// The full-size image, only for public records.
    pub full: Option<String>,
    pub width: u32,
    pub height: u32,
}

/// What `PortalViewer.mount` is given (see the comment at the top of public/viewer.js).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub struct Options {
    pub pages: Vec<PageOption>,
    /// 0-based index of the first page shown.
    pub start: u32,
    pub title: String,
    /// (name in `options.labels`, text).
    pub labels: Vec<(&'static str, &'static str)>,
}

impl Options {
    /// The options for `pages`, opened at the 1-based page `current`.
    pub fn new(lang: Lang, title: &str, pages: &[PageView], current: u32, public: bool) -> Options {
        let pages = pages
            .iter()
            .map(|page| PageOption {
                info: info_url(page),
                thumb: size_url(page, THUMB_EDGE),
                full: public.then(|| full_url(page)),
                width: page.width,
                height: page.height,
            })
            .collect();
        let labels = [
            ("zoomIn", Key::ViewerZoomIn),
            ("zoomOut", Key::ViewerZoomOut),
            ("home", Key::ViewerHome),
            ("rotateLeft", Key::ViewerRotateLeft),
            ("rotateRight", Key::ViewerRotateRight),
            ("fullScreen", Key::ViewerFullScreen),
            ("exitFullScreen", Key::ViewerExitFullScreen),
            ("prev", Key::PrevPage),
            ("next", Key::NextPage),
            ("pages", Key::ViewerPages),
            ("controls", Key::ViewerControls),
            ("canvas", Key::ViewerCanvas),
            ("keys", Key::ViewerKeys),
            ("download", Key::ViewerDownloadPage),
        ]
        .into_iter()
        .map(|(name, key)| (name, t(lang, key)))
        .chain([("pageOf", page_of_pattern(lang))])
        .collect();
        Options {
            pages,
            start: current.saturating_sub(1),
            title: title.to_string(),
            labels,
        }
    }
}

#[cfg(not(feature = "hydrate"))]
pub fn start(
    element: leptos::web_sys::HtmlDivElement,
    options: Options,
    mounted: leptos::prelude::RwSignal<bool>,
) {
    let _ = (element, options, mounted);
}

#[cfg(not(feature = "hydrate"))]
pub fn absolute(path: &str) -> String {
    path.to_string()
}

#[cfg(not(feature = "hydrate"))]
pub fn copy_text(text: String, copied: leptos::prelude::RwSignal<bool>) {
    let _ = (text, copied);
}

#[cfg(feature = "hydrate")]
pub use browser::{absolute, copy_text, start};

#[cfg(feature = "hydrate")]
mod browser {
    use super::Options;
    use leptos::prelude::*;
    use leptos::wasm_bindgen::{JsCast, JsValue, closure::Closure};
    use leptos::web_sys::{HtmlDivElement, HtmlInputElement, js_sys};
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use std::time::Duration;

    /// Where cargo-leptos serves the vendored OpenSeadragon (scripts/tools copies it into
    /// public/vendor/) and the viewer (public/viewer.js).
    const OPENSEADRAGON_SRC: &str = "/vendor/openseadragon/openseadragon.min.js";
    const VIEWER_SRC: &str = "/viewer.js";
    /// How long to wait for the scripts: 200 × 50 ms.
    const ATTEMPTS: u32 = 200;
    const POLL: Duration = Duration::from_millis(50);

    /// Shared between the polling callbacks and the clean-up.
    #[derive(Default)]
    struct State {
        handle: RefCell<Option<JsValue>>,
        gone: Cell<bool>,
    }

    /// Mounts the viewer into `element` as soon as the scripts are loaded; sets `mounted` once
    /// it is up, and destroys it when the calling effect's owner is cleaned up.
    pub fn start(element: HtmlDivElement, options: Options, mounted: RwSignal<bool>) {
        load_scripts();
        let state = Rc::new(State::default());
        let cleanup = leptos::__reexports::send_wrapper::SendWrapper::new(state.clone());
        on_cleanup(move || {
            cleanup.gone.set(true);
            if let Some(handle) = cleanup.handle.borrow_mut().take() {
                let _ = call_method(&handle, "destroy", &[]);
            }
        });
        attempt(element, options.to_js(), mounted, state, 0);
    }

    fn attempt(
        element: HtmlDivElement,
        options: JsValue,
        mounted: RwSignal<bool>,
        state: Rc<State>,
        tries: u32,
    ) {
        if state.gone.get() {
            return;
        }
        let window = window();
        let ready = get(&window, "OpenSeadragon").is_some_and(|v| !v.is_undefined());
        match get(&window, "PortalViewer").filter(|v| ready && !v.is_undefined()) {
            Some(api) => match call_method(&api, "mount", &[element.into(), options]) {
                Ok(handle) => {
                    *state.handle.borrow_mut() = Some(handle);
                    mounted.try_set(true);
                }
                Err(error) => leptos::logging::warn!("viewer: mount failed: {error:?}"),
            },
            None if tries < ATTEMPTS => {
                set_timeout(
                    move || attempt(element, options, mounted, state, tries + 1),
                    POLL,
                );
            }
            None => {
                leptos::logging::warn!("viewer: {VIEWER_SRC} or {OPENSEADRAGON_SRC} did not load")
            }
        }
    }

    /// Adds OpenSeadragon and viewer.js to `<head>` once per document, in that order.
    fn load_scripts() {
        let document = document();
        if document.get_element_by_id("portal-viewer-js").is_some() {
            return;
        }
        let Some(head) = document.head() else { return };
        for (id, src) in [
            ("portal-osd-js", OPENSEADRAGON_SRC),
            ("portal-viewer-js", VIEWER_SRC),
        ] {
            if let Ok(script) = document.create_element("script") {
                let _ = script.set_attribute("id", id);
                let _ = script.set_attribute("src", src);
                // Dynamically added scripts run as soon as loaded unless `async` is false.
                let _ = js_sys::Reflect::set(&script, &"async".into(), &JsValue::FALSE);
                let _ = head.append_child(&script);
            }
        }
    }

    /// `path` with the page's origin in front, for an address other sites can open.
    pub fn absolute(path: &str) -> String {
        if !path.starts_with('/') {
            return path.to_string();
        }
        match window().location().origin() {
            Ok(origin) => format!("{origin}{path}"),
            Err(_) => path.to_string(),
        }
    }

    /// Copies `text` (the Clipboard API, or the selected field where it is missing, as on plain
    /// HTTP) and shows "Đã chép" for a few seconds.
    pub fn copy_text(text: String, copied: RwSignal<bool>) {
        let confirm = move || {
            copied.try_set(true);
            set_timeout(
                move || {
                    copied.try_set(false);
                },
                Duration::from_secs(3),
            );
        };
        let clipboard = get(&window(), "navigator")
            .and_then(|n| get(&n, "clipboard"))
            .filter(|c| !c.is_undefined());
        if let Some(clipboard) = clipboard {
            if let Ok(promise) = call_method(&clipboard, "writeText", &[text.into()]) {
                let done = Closure::once_into_js(move |_: JsValue| confirm());
                let _ = call_method(&promise, "then", &[done]);
            }
        } else if let Some(input) = document()
            .get_element_by_id("viewer-manifest-url")
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            input.select();
            if call_method(&document(), "execCommand", &["copy".into()])
                .is_ok_and(|ok| ok.is_truthy())
            {
                confirm();
            }
        }
    }

    impl Options {
        fn to_js(&self) -> JsValue {
            let pages = js_sys::Array::new();
            for page in &self.pages {
                let o = js_sys::Object::new();
                set(&o, "info", page.info.as_str().into());
                set(&o, "thumb", page.thumb.as_str().into());
                set(
                    &o,
                    "full",
                    page.full.as_deref().map_or(JsValue::NULL, JsValue::from),
                );
                set(&o, "width", page.width.into());
                set(&o, "height", page.height.into());
                pages.push(&o);
            }
            let labels = js_sys::Object::new();
            for (name, text) in &self.labels {
                set(&labels, name, (*text).into());
            }
            let options = js_sys::Object::new();
            set(&options, "pages", pages.into());
            set(&options, "start", self.start.into());
            set(&options, "title", self.title.as_str().into());
            set(&options, "labels", labels.into());
            options.into()
        }
    }

    fn set(object: &js_sys::Object, key: &str, value: JsValue) {
        let _ = js_sys::Reflect::set(object, &key.into(), &value);
    }

    fn get(target: &JsValue, key: &str) -> Option<JsValue> {
        js_sys::Reflect::get(target, &key.into()).ok()
    }

    /// `target[name](...args)`.
    fn call_method(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
        let function: js_sys::Function = js_sys::Reflect::get(target, &name.into())?.dyn_into()?;
        function.apply(target, &args.iter().collect::<js_sys::Array>())
    }
}
