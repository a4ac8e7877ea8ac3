//! Files ready to go into an edit request: what the reference prep produces and the request
//! engine sends. Pure data, no web-sys.

use std::sync::Arc;

/// One prepared image file, exactly as it will be uploaded.
#[derive(Clone, Debug, PartialEq)]
pub struct Upload {
    /// Ends with the extension that matches `content_type` (`ref-1.webp`).
    pub file_name: String,
    /// `image/png`, `image/jpeg` or `image/webp`.
    pub content_type: String,
    pub bytes: Arc<[u8]>,
    pub width: u32,
    pub height: u32,
}

/// Everything an edit sends besides the scalar fields: the references in upload order (one
/// `image[]` part each) and the optional mask for image 1.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EditUploads {
    pub images: Vec<Upload>,
    pub mask: Option<Upload>,
}
