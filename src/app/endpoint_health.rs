//! How the endpoint answered last, for the status beside it in the header, and which
//! endpoints have ever answered (on this device): before one has, the header offers to set
//! one up.

use leptos::prelude::*;

use crate::web::storage::{use_stored_string, StorageKind};
use studio_core::profiles::same_endpoint;

/// The last answer of one endpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct Health {
    pub endpoint: String,
    /// It answered as an image API does (even to refuse a request).
    pub ok: bool,
    /// One line: "answered 12 s ago" is for the view; this says what happened.
    pub note: String,
}

#[derive(Clone, Copy)]
pub struct EndpointHealth {
    last: RwSignal<Vec<Health>>,
    /// JSON list of endpoints that have answered on this device (stored, and shared by tabs).
    worked: RwSignal<String>,
    /// That list parsed, once per change rather than on every read.
    answered: Memo<Vec<String>>,
}

impl EndpointHealth {
    pub fn new() -> Self {
        let worked = use_stored_string(StorageKind::Local, "gis.endpoints_answered", "[]");
        EndpointHealth {
            last: RwSignal::new(Vec::new()),
            worked,
            answered: Memo::new(move |_| {
                serde_json::from_str::<Vec<String>>(&worked.get()).unwrap_or_default()
            }),
        }
    }

    /// Records how `base_url` answered a request.
    pub fn record(&self, base_url: &str, ok: bool, note: String) {
        let endpoint = same_endpoint(base_url);
        self.last.update(|all| {
            all.retain(|h| h.endpoint != endpoint);
            all.push(Health {
                endpoint: endpoint.clone(),
                ok,
                note,
            });
        });
        let mut list = self.answered.get_untracked();
        if ok && !list.contains(&endpoint) {
            list.push(endpoint);
            self.worked
                .set(serde_json::to_string(&list).unwrap_or_else(|_| "[]".into()));
        }
    }

    /// How `base_url` answered last in this page session (reactive).
    pub fn last_for(&self, base_url: &str) -> Option<Health> {
        let endpoint = same_endpoint(base_url);
        self.last
            .with(|all| all.iter().find(|h| h.endpoint == endpoint).cloned())
    }

    /// Whether `base_url` has ever answered on this device (reactive).
    pub fn has_answered(&self, base_url: &str) -> bool {
        let endpoint = same_endpoint(base_url);
        self.answered.with(|list| list.contains(&endpoint))
    }
}

impl Default for EndpointHealth {
    fn default() -> Self {
        Self::new()
    }
}
