//! This session's runs: waiting, streamed previews, results and their facts.

pub mod answer_facts;
pub mod attempt_list;
pub mod composite_card;
pub mod cutout_offer;
pub mod missing_images;
pub mod pixel_checks;
pub mod result_card;
pub mod run_list;
pub mod run_view;
pub mod slot_view;
pub mod task_progress_view;
pub mod waiting_indicator;
