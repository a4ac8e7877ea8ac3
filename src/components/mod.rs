//! The UI, one component per file.

pub mod app;
pub mod choice_select;
pub mod code_export;
pub mod endpoint_confirm;
pub mod form_actions;
pub mod mask_field;
pub mod param_fields;
pub mod prep_settings;
pub mod preset_library;
pub mod prompt_checks;
pub mod prompt_field;
pub mod reference_item;
pub mod reference_panel;
pub mod request_form;
pub mod result_card;
pub mod run_list;
pub mod run_view;
pub mod settings_panel;
pub mod share_link;
pub mod size_feedback;
pub mod size_field;
pub mod waiting_indicator;
