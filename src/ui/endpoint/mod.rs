//! The endpoint: profiles (from gateway presets), base URL, key, the gateway's model names,
//! per-endpoint limits and quirks, and "Test this endpoint".

pub mod custom_dialect_fields;
pub mod dialect_test_box;
pub mod endpoint_chip;
pub mod endpoint_confirm;
pub mod endpoint_findings;
pub mod endpoint_options_fields;
pub mod endpoint_test;
pub mod model_aliases_field;
pub mod paid_probe;
pub mod profile_bar;
pub mod profile_preset;
pub mod quirk_options;
pub mod settings_panel;
pub mod task_dialect_select;
pub mod task_gateway_option;
