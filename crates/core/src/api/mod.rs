//! Pure API logic: request bodies, response and error parsing, MIME sniffing.
//! No web-sys and no reactivity here, so all of it is tested with plain `cargo test`.

pub mod attempt;
pub mod error;
pub mod gateway_text;
pub mod mime;
pub mod multipart;
pub mod request;
pub mod response;
pub mod retry;
pub mod sse;
pub mod upload;
pub mod wire;
