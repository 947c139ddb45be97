//! The few things the page asks of the browser directly: language,
//! storage, meta configuration, downloads, and the panic view.

use crate::config::AppConfig;
use crate::i18n::Locale;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const LOCALE_KEY: &str = "customer-activity.locale";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved language, else the browser's.
pub fn initial_locale() -> Locale {
    if let Some(saved) = storage().and_then(|s| s.get_item(LOCALE_KEY).ok().flatten()) {
        return Locale::from_tag(&saved);
    }
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|l| Locale::from_tag(&l))
        .unwrap_or_default()
}

/// Remembers the user's choice of language.
pub fn save_locale(l: Locale) {
    if let Some(s) = storage() {
        let _ = s.set_item(LOCALE_KEY, l.tag());
    }
}

/// Keeps `<html lang>` in step with the locale (standalone only: an
/// embedded instance sets `lang` on its own root instead).
pub fn sync_document_lang(locale: RwSignal<Locale>) {
    Effect::new(move |_| {
        let tag = locale.get().tag();
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", tag);
        }
    });
}

fn meta(name: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let el = doc
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    el.get_attribute("content")
}

/// The response to `url` that the loader (public/boot.js) asked for before
/// the WebAssembly started, if it did: handed out once. Either way the URL
/// is then marked as asked by the page (`false`), so the loader never asks
/// for it later: a Retry never gets a response older than its click, and no
/// request is sent twice.
pub fn take_early(url: &str) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let early = js_sys::Reflect::get(&js_sys::global(), &"__caEarly".into()).ok()?;
    if !early.is_object() {
        return None;
    }
    let key = wasm_bindgen::JsValue::from_str(url);
    let response = js_sys::Reflect::get(&early, &key).ok();
    let _ = js_sys::Reflect::set(&early, &key, &wasm_bindgen::JsValue::FALSE);
    response?.dyn_into().ok()
}

/// The standalone configuration, from `index.html`'s meta tags.
pub fn config_from_meta() -> AppConfig {
    let d = AppConfig::default();
    AppConfig {
        api_base: meta("customer-activity:api-base")
            .filter(|s| !s.is_empty())
            .unwrap_or(d.api_base),
        base_path: meta("customer-activity:base-path").unwrap_or(d.base_path),
        locale: None,
        demo: meta("customer-activity:demo").as_deref() == Some("true"),
        standalone: true,
        theme: None,
        on_navigate: None,
        on_shown: None,
        manage_users_url: meta("customer-activity:manage-users-url")
            .filter(|s| !s.trim().is_empty()),
    }
}

/// Offers `content` as a file download.
pub fn download(filename: &str, content: &str, mime: &str) -> Result<(), String> {
    save(filename, &wasm_bindgen::JsValue::from_str(content), mime)
}

/// Saves bytes as a file (an `.xlsx` workbook).
pub fn download_bytes(filename: &str, content: &[u8], mime: &str) -> Result<(), String> {
    save(filename, &js_sys::Uint8Array::from(content).into(), mime)
}

fn save(filename: &str, content: &wasm_bindgen::JsValue, mime: &str) -> Result<(), String> {
    let err = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(content);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(err)?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_hidden(true);
    doc.body().ok_or("no body")?.append_child(&a).map_err(err)?;
    a.click();
    a.remove();
    // Revoke after the click has been handled.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    Ok(())
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// On a panic, replaces the page with a plain error message (text only)
/// instead of leaving a dead page; the panic itself goes to the console.
pub fn install_panic_view() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(body) = doc.body() else { return };
        let it = web_sys::window()
            .and_then(|w| w.navigator().language())
            .is_some_and(|l| l.to_ascii_lowercase().starts_with("it"));
        let (title, text) = if it {
            (
                "Si è verificato un errore",
                "La pagina ha riscontrato un errore imprevisto. Ricarica la pagina per riprovare.",
            )
        } else {
            (
                "Something went wrong",
                "The page hit an unexpected error. Reload the page to try again.",
            )
        };
        body.set_text_content(None);
        let Ok(main) = doc.create_element("main") else {
            return;
        };
        let _ = main.set_attribute("role", "alert");
        let _ = body.append_child(&main);
        for (tag, t) in [("h1", title), ("p", text)] {
            if let Ok(el) = doc.create_element(tag) {
                el.set_text_content(Some(t));
                let _ = main.append_child(&el);
            }
        }
    }));
}

/// The demo backend's persona cookie: read it, or set it and reload.
pub fn demo_persona() -> Option<String> {
    let doc: web_sys::HtmlDocument = web_sys::window()?.document()?.dyn_into().ok()?;
    let cookies = doc.cookie().ok()?;
    cookies
        .split(';')
        .find_map(|c| c.trim().strip_prefix("demo_persona=").map(str::to_owned))
}

pub fn set_demo_persona(id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(doc) = doc.dyn_into::<web_sys::HtmlDocument>() {
        let _ = doc.set_cookie(&format!(
            "demo_persona={}; path=/; SameSite=Lax",
            crate::domain::query::encode(id)
        ));
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Milliseconds since the page started (`performance.now()`).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Resolves in a later task (`setTimeout(0)`), so the page can paint and
/// handle input before long work goes on.
pub async fn next_task() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// A flag that turns true one task after it is made: a view drawn in two
/// tasks draws its second part once it is. Nothing happens if the view has
/// gone meanwhile.
pub fn true_next_task() -> Memo<bool> {
    let passed = tasks_passed(1);
    Memo::new(move |_| passed.get() > 0)
}

/// How many tasks have passed since it was made, counting up to `last`: a
/// view drawn in stages draws stage `n` once it reads `n`. Stops if the
/// view has gone meanwhile.
pub fn tasks_passed(last: u8) -> RwSignal<u8> {
    let count = RwSignal::new(0);
    leptos::task::spawn_local(async move {
        for n in 1..=last {
            next_task().await;
            if count.try_set(n).is_some() {
                return;
            }
        }
    });
    count
}

/// `draw`'s view once `when` is true, drawn once: for a view that takes
/// something it can only use once (a component's children, a view built
/// ahead), shown a few tasks after the view around it.
pub fn drawn_when<V: 'static>(
    when: impl Fn() -> bool + Send + Sync + 'static,
    draw: impl FnOnce() -> V + 'static,
) -> impl Fn() -> Option<V> {
    // A memo: the view is taken when `when` turns true, and only then.
    let when = Memo::new(move |_| when());
    let draw = StoredValue::new_local(Some(draw));
    move || {
        when.get()
            .then(|| draw.try_update_value(Option::take).flatten().map(|d| d()))
            .flatten()
    }
}

/// Resolves once the next frame has been painted (`requestAnimationFrame`,
/// then a task), for work that must not delay what the user sees.
pub async fn after_paint() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    next_task().await;
}

/// Resolves once an element marked `elementtiming=identifier` is on screen
/// (the Element Timing API: its frame presented, which comes after the
/// paint task), or after `limit_ms` (a browser without the API: Firefox,
/// Safari), for work that must not compete with what the user sees first.
pub async fn on_screen(identifier: &'static str, limit_ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let Some(w) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, limit_ms);
        let Some(ctor) = js_sys::Reflect::get(&w, &"PerformanceObserver".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        else {
            return;
        };
        // The first entry is ours: no other element is marked.
        let seen = wasm_bindgen::closure::Closure::once_into_js(
            move |list: wasm_bindgen::JsValue, observer: wasm_bindgen::JsValue| {
                let _ = (list, identifier);
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                if let Ok(f) = js_sys::Reflect::get(&observer, &"disconnect".into())
                    .and_then(|f| f.dyn_into::<js_sys::Function>())
                {
                    let _ = f.call0(&observer);
                }
            },
        );
        let Ok(observer) = js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&seen)) else {
            return;
        };
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"type".into(), &"element".into());
        let _ = js_sys::Reflect::set(&options, &"buffered".into(), &true.into());
        if let Ok(f) = js_sys::Reflect::get(&observer, &"observe".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            // A browser that does not know the entry type throws or ignores
            // it: the limit then resolves.
            let _ = f.call1(&observer, &options);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}
