//! Whether an element is near the screen, from an IntersectionObserver (shaped like
//! leptos-use's `use_element_visibility`, with a margin so content arrives before it is seen).

use leptos::html::ElementType;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Callback = Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>;

/// What the observer last reported of an element.
#[derive(Clone, Copy)]
pub struct InView {
    /// Within the margin of the viewport.
    pub near: ReadSignal<bool>,
    /// Its height then, in CSS pixels (what it had just before it left, when it left).
    pub height: ReadSignal<Option<f64>>,
}

/// Whether `target` is within `root_margin` (CSS margin syntax, e.g. `"150% 0px"`) of the
/// viewport; `initially` until the observer first reports. The observer goes with the
/// calling view.
pub fn use_in_view<E>(target: NodeRef<E>, root_margin: &str, initially: bool) -> InView
where
    E: ElementType,
    E::Output: AsRef<web_sys::Element> + JsCast + Clone + 'static,
{
    let (near, set_near) = signal(initially);
    let (height, set_height) = signal(None);
    let in_view = InView { near, height };
    let callback: Callback = Closure::new(move |entries: js_sys::Array, _| {
        // The newest entry tells the current state when several arrive at once.
        if let Some(entry) = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
        {
            set_height.set(Some(entry.bounding_client_rect().height()));
            set_near.set(entry.is_intersecting());
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(root_margin);
    let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    ) else {
        // No observer (a very old browser): everything counts as near, so all is drawn.
        set_near.set(true);
        return in_view;
    };
    let watched = SendWrapper::new(observer.clone());
    Effect::new(move |_| {
        if let Some(element) = target.get() {
            watched.observe(element.as_ref());
        }
    });
    let held = SendWrapper::new((observer, callback));
    on_cleanup(move || {
        let (observer, callback) = held.take();
        observer.disconnect();
        drop(callback);
    });
    in_view
}
