//! Reference images and the mask: the tray, prep settings, the mask painter.

pub mod keep_outside_field;
pub mod mask_field;
pub mod mask_painter;
pub mod mask_stage;
pub mod mask_toolbar;
pub mod page_drop;
pub mod prep_settings;
pub mod reference_item;
pub mod reference_panel;
