//! The request form: prompt, its checks, parameters, size builder and Generate.

pub mod background_field;
pub mod choice_select;
pub mod form_actions;
pub mod model_field;
pub mod more_params;
pub mod number_text;
pub mod param_fields;
pub mod param_sheet;
pub mod prompt_checks;
pub mod prompt_field;
pub mod request_form;
pub mod retired_confirm;
pub mod size_feedback;
pub mod size_field;
pub mod stream_fields;
pub mod task_url_fields;
