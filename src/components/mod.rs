//! The UI, one component per file.

pub mod app;
pub mod background_field;
pub mod choice_select;
pub mod code_export;
pub mod endpoint_confirm;
pub mod endpoint_options_fields;
pub mod form_actions;
pub mod history_item;
pub mod history_panel;
pub mod interrupted_list;
pub mod param_fields;
pub mod preset_library;
pub mod profile_bar;
pub mod prompt_checks;
pub mod prompt_field;
pub mod request_form;
pub mod result_card;
pub mod run_list;
pub mod run_view;
pub mod settings_panel;
pub mod share_link;
pub mod size_feedback;
pub mod size_field;
pub mod slot_view;
pub mod stream_fields;
pub mod waiting_indicator;
