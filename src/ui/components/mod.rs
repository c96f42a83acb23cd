pub mod banner;
pub mod header;
pub mod importance;
pub mod progress;
pub mod question_card;
pub mod save_status;
pub mod step_nav;
pub mod stepper;
