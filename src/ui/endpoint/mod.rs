//! The endpoint: profiles, base URL, key, the gateway's model names and per-endpoint limits.

pub mod endpoint_chip;
pub mod endpoint_confirm;
pub mod endpoint_options_fields;
pub mod model_aliases_field;
pub mod profile_bar;
pub mod settings_panel;
pub mod task_gateway_option;
