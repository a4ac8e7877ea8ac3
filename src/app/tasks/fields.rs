//! The task gateway's extra inputs on the page: pasted reference links and a mask link, and
//! how they join the form's parameters when Generate is pressed.

use leptos::prelude::*;

use crate::app::state::AppState;
use crate::web::http::{Outgoing, Payload};
use studio_core::api::request::ImageParams;
use studio_core::api::upload::EditUploads;
use studio_core::endpoint_options::EndpointOptions;
use studio_core::i18n::text::{tasks, work};
use studio_core::tasks::dialect::TaskDialect;
use studio_core::tasks::request::{
    parse_image_urls, parse_mask_url, task_generation_body, TaskInputs,
};

/// What the task gateway fields hold, as typed.
#[derive(Clone, Copy)]
pub struct TaskFields {
    /// One public link per line.
    pub image_urls: RwSignal<String>,
    pub mask_url: RwSignal<String>,
}

impl TaskFields {
    pub fn new() -> Self {
        TaskFields {
            image_urls: RwSignal::new(String::new()),
            mask_url: RwSignal::new(String::new()),
        }
    }
}

impl Default for TaskFields {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_task_fields() -> TaskFields {
    use_context::<TaskFields>().unwrap_or_default()
}

/// The task dialect a task gateway profile chose (`None`: recognised from each answer, or
/// not a task gateway). A custom dialect that does not compile counts as none here:
/// [`task_inputs`] refuses to send with it.
pub fn dialect_of(options: &EndpointOptions) -> Option<TaskDialect> {
    if !options.task_gateway {
        return None;
    }
    options
        .task_dialect
        .chosen(crate::app::lang::lang())
        .ok()
        .flatten()
}

/// For a task gateway profile whose dialect takes the gateway's own body: what its requests
/// carry beyond the parameters. `None` for any other profile, and for dialects that take
/// OpenAI's body (sent as usual, to the dialect's paths). Or why nothing can be sent.
pub fn task_inputs(
    state: &AppState,
    options: &EndpointOptions,
    uploads: &Option<EditUploads>,
) -> Result<Option<TaskInputs>, String> {
    if !options.task_gateway {
        return Ok(None);
    }
    let lang = crate::app::lang::lang();
    let dialect = options
        .task_dialect
        .chosen(lang)
        .map_err(|why| studio_core::tr!(lang, tasks::DIALECT_PROBLEM, why = why))?;
    if !options.task_dialect.takes_links() {
        let takes_files = dialect.as_ref().and_then(|d| d.submit_path(true)).is_some();
        if uploads.is_some() && !takes_files {
            return Err(tasks::DIALECT_NO_EDITS.get(lang).into());
        }
        return Ok(None);
    }
    if uploads.is_some() {
        return Err(work::TASK_GATEWAY_NO_FILES
            .get(crate::app::lang::lang())
            .into());
    }
    let fields = use_task_fields();
    let image_urls =
        parse_image_urls(&fields.image_urls.get_untracked(), crate::app::lang::lang())?;
    let mask_url = parse_mask_url(&fields.mask_url.get_untracked(), crate::app::lang::lang())?;
    let form = state.form;
    let ratio = form
        .size_ratio
        .get_untracked()
        .map(|r| (r, form.size_tier.get_untracked()));
    // A retried request keeps its own size: the body builder uses the ratio only while it
    // still makes exactly that size.
    Ok(Some(TaskInputs {
        ratio,
        image_urls,
        mask_url,
    }))
}

/// One request to a task gateway, for `n` images.
pub fn task_outgoing(params: &ImageParams, n: u8, inputs: &TaskInputs) -> Result<Outgoing, String> {
    let params = ImageParams {
        n,
        ..params.clone()
    };
    Ok(Outgoing {
        payload: Payload::TaskGeneration(task_generation_body(
            &params,
            inputs,
            crate::app::lang::lang(),
        )?),
        requested_mime: params.format_sent().mime(),
    })
}
