//! State and use cases: the stores components read (one file each), and what happens on
//! Generate, on a result, on a reload. Builds on `crate::web` and `studio_core`; never on `crate::ui`.

pub mod apply_link;
pub mod clock;
pub mod composites;
pub mod draft;
pub mod endpoint_health;
pub mod endpoint_test;
pub mod form;
pub mod gallery;
pub mod generate;
pub mod inspections;
pub mod journal;
pub mod keep;
pub mod lang;
pub mod model_choice;
pub mod painter;
pub mod references;
pub mod runs;
pub mod settings;
pub mod state;
pub mod tasks;
pub mod timing;
pub mod viewer;
