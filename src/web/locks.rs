//! The Web Locks API (`navigator.locks`), as far as tabs need it: a lock held for the page's
//! life, a lock held around a piece of async work, the names of held locks, and a callback
//! when another holder lets go. web-sys has these only behind an unstable cfg, so the two
//! methods used are bound here.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

#[wasm_bindgen]
extern "C" {
    type LockManager;

    #[wasm_bindgen(method, js_name = request)]
    fn request(this: &LockManager, name: &str, callback: &JsValue) -> js_sys::Promise;

    #[wasm_bindgen(method)]
    fn query(this: &LockManager) -> js_sys::Promise;
}

/// `None` where the browser has no Web Locks (old browsers, pages not served securely).
fn lock_manager() -> Option<LockManager> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

pub fn available() -> bool {
    lock_manager().is_some()
}

/// Takes `name` and keeps it until the page goes. Returns once it is held (`false` without
/// Web Locks).
pub async fn hold_for_page(name: &str) -> bool {
    let Some(locks) = lock_manager() else {
        return false;
    };
    let mut granted = None;
    let held = js_sys::Promise::new(&mut |resolve, _| granted = Some(resolve));
    let on_granted = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        if let Some(resolve) = granted {
            let _ = resolve.call0(&JsValue::NULL);
        }
        // Never settles: the lock goes with the page.
        js_sys::Promise::new(&mut |_, _| {}).into()
    });
    // The request's own promise settles only when the page goes; nothing waits on it.
    let _ = locks.request(name, &on_granted);
    JsFuture::from(held).await.is_ok()
}

/// Runs `work` while holding `name` exclusively; `None` without Web Locks (then nothing ran).
pub async fn with_lock<T: 'static, F>(name: &str, work: impl FnOnce() -> F + 'static) -> Option<T>
where
    F: Future<Output = T> + 'static,
{
    let locks = lock_manager()?;
    let out = Rc::new(RefCell::new(None));
    let slot = out.clone();
    let on_granted = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        future_to_promise(async move {
            *slot.borrow_mut() = Some(work().await);
            Ok(JsValue::UNDEFINED)
        })
        .into()
    });
    JsFuture::from(locks.request(name, &on_granted))
        .await
        .ok()?;
    let value = out.borrow_mut().take();
    value
}

/// Names of the locks held now, by any tab of this origin; `None` without Web Locks.
pub async fn held_names() -> Option<Vec<String>> {
    let snapshot = JsFuture::from(lock_manager()?.query()).await.ok()?;
    let held = js_sys::Reflect::get(&snapshot, &JsValue::from_str("held")).ok()?;
    Some(
        js_sys::Array::from(&held)
            .iter()
            .filter_map(|info| js_sys::Reflect::get(&info, &JsValue::from_str("name")).ok())
            .filter_map(|name| name.as_string())
            .collect(),
    )
}

/// Calls `then` once whoever holds `name` lets go (at once if nobody does), holding it
/// meanwhile and letting go right after.
pub fn when_free(name: &str, then: impl FnOnce() + 'static) {
    let Some(locks) = lock_manager() else {
        return;
    };
    let on_granted = Closure::once_into_js(move |_lock: JsValue| {
        then();
    });
    let _ = locks.request(name, &on_granted);
}
